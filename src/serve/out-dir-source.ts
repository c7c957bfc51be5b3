import { UsageError } from '../errors/index.js';
import { openOutDir, pageAnalyses } from '../store/out-dir.js';
import type { ServeSource } from './source.js';

/** `serve --from DIR`: one finished run, read-only, no services, as its dataset (analyze --dataset; default 'default'). */
export async function outDirSource(dir: string): Promise<ServeSource> {
  const out = await openOutDir(dir);
  const data = { insights: out.insights, drivers: out.drivers, fields: out.fields, coverage: out.coverage };
  return {
    kind: 'out-dir',
    datasets: async () => [out.dataset],
    insights: async (name) => (name === out.dataset ? data : null),
    analyses: (_name, keep, cursor, limit) => {
      // The cursor is a byte offset into analyses.jsonl (pageAnalyses checks it starts a line).
      if (!/^\d{1,15}$/.test(cursor)) throw new UsageError(`cursor '${cursor}' is not the next cursor of a page`);
      return pageAnalyses(out.analysesPath, keep, Number(cursor), limit);
    },
    run: async (id) => (id === out.runId ? { id, dataset: out.dataset, status: 'done', counts: out.counts } : null),
    runs: async (dataset) =>
      dataset === undefined || dataset === out.dataset ? [{ id: out.runId, dataset: out.dataset, status: 'done', counts: out.counts }] : [],
    analysed: async () => out.counts.analyzed,
    ready: async () => ({}),
  };
}
