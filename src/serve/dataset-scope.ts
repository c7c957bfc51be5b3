import { InputError, NotFoundError, UsageError } from '../errors/index.js';
import { facetOf } from './query.js';
import { resolveDataset } from './resolve-dataset.js';
import type { DatasetInsights, ServeSource } from './source.js';

/** What a query's dataset, window and facet parameters name, checked against the dataset. */
export interface DatasetScope {
  dataset: string;
  data: DatasetInsights;
  /** "all" or "FIELD=VALUE". */
  facet: string;
  from?: string;
  to?: string;
}

interface SliceQuery {
  dataset?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  bucket?: string | undefined;
  [key: string]: unknown;
}

/**
 * The dataset's insights and the one facet a query slices them by. Insights are kept per
 * facet field, so a query names at most one (channel, segment or one attr.NAME), and only a
 * field the dataset was analysed by (`--by FIELD`); a value with no verbatims is an empty
 * answer, not an error.
 */
export async function datasetScope(source: ServeSource, query: SliceQuery): Promise<DatasetScope> {
  const dataset = await resolveDataset(source, query.dataset);
  const data = await source.insights(dataset);
  if (!data) throw new NotFoundError(`dataset '${dataset}' has no finished run yet`);
  const bucketSize = data.insights[0]?.bucketSize;
  if (query.bucket !== undefined && bucketSize !== undefined && query.bucket !== bucketSize)
    throw new InputError(`dataset '${dataset}' is bucketed by ${bucketSize}, not ${query.bucket}`);
  const facet = facetOf(query);
  if (facet === 'several') throw new UsageError('insights are sliced by one field at a time: give one of channel, segment or attr.NAME');
  if (facet && !data.fields.includes(facet.field))
    throw new InputError(
      `dataset '${dataset}' was not analysed by ${facet.field} (its fields: ${data.fields.join(', ') || 'none'}; analyze with --by ${facet.field})`,
    );
  return {
    dataset,
    data,
    facet: facet ? `${facet.field}=${facet.value}` : 'all',
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
  };
}
