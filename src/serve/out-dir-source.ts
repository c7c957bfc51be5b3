import { openOutDir, pageAnalyses } from '../store/out-dir.js';
import type { ServeSource } from './source.js';

/** The dataset name an out dir is served under: it holds one run, of the default dataset. */
const DEFAULT_DATASET = 'default';

/** `serve --from DIR`: one finished run, read-only, no services. */
export async function outDirSource(dir: string): Promise<ServeSource> {
  const out = await openOutDir(dir);
  const dataset = { insights: out.insights, drivers: out.drivers, fields: out.fields };
  return {
    kind: 'out-dir',
    datasets: () => [DEFAULT_DATASET],
    insights: async (name) => (name === DEFAULT_DATASET ? dataset : null),
    analyses: (_name, keep, cursor, limit) => pageAnalyses(out.analysesPath, keep, cursor, limit),
    run: async (id) => (id === out.runId ? { id, dataset: DEFAULT_DATASET, status: 'completed', counts: out.counts } : null),
    analysed: () => out.counts.analyzed,
  };
}
