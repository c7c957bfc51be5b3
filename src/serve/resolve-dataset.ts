import { DEFAULT_DATASET } from '../contracts/index.js';
import { NotFoundError } from '../errors/index.js';
import type { ServeSource } from './source.js';

/**
 * The dataset a query means: the one it names, else 'default', else the only one the source
 * holds (`serve --from` a run analysed with --dataset NAME). A name the source does not hold
 * is a 404 listing those it does.
 */
export async function resolveDataset(source: ServeSource, named: string | undefined): Promise<string> {
  const datasets = await source.datasets();
  const dataset = named ?? (datasets.length === 1 && !datasets.includes(DEFAULT_DATASET) ? datasets[0]! : DEFAULT_DATASET);
  if (!datasets.includes(dataset)) throw new NotFoundError(`no dataset '${dataset}' (datasets: ${datasets.join(', ') || 'none yet'})`);
  return dataset;
}
