import { datasetOf, type Run } from '../contracts/index.js';
import { analysisLine } from '../core/analysis-line.js';
import { UsageError } from '../errors/index.js';
import { datasetInsights, type DatasetView } from '../pipeline/dataset-insights.js';
import type { RunQueues } from '../queue/run-queues.js';
import { STAGES } from '../queue/stages.js';
import type { AnalysisLine } from '../store/out-dir.js';
import type { Store } from '../store/store.js';
import type { RunView, ServeSource } from './source.js';

const PROBE_MS = 2_000;
/**
 * How long the list of runs is reused before the store is asked again: every request reads
 * it (which datasets exist, whether a run finished), and on FerretDB asking costs more than
 * the rest of a request. A run that finishes shows up within this.
 */
const RUNS_TTL_MS = 1_000;

/** A run as the API shows it; a running one with the batches stored so far. */
async function runView(store: Store, run: Run): Promise<RunView> {
  const progress = run.status === 'running' ? await store.partialProgress(run.id) : undefined;
  return {
    id: run.id,
    dataset: datasetOf(run),
    status: run.status,
    counts: run.counts,
    startedAt: run.startedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    ...(progress ? { progress } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}

/** What a dataset's merged view was computed from: its finished runs and their insight generations. */
const viewKey = (runs: readonly Run[]): string => runs.map((r) => `${r.id}@${r.insightGeneration ?? 0}`).join(',');

/**
 * The datasets in the store (distributed mode): each dataset's view merges its per-bucket
 * rollups (pipeline/dataset-insights.ts: one document per bucket, whatever the number of
 * runs and batches), computed once per set of finished runs and kept until a run finishes
 * or is re-aggregated. Concurrent requests share one computation.
 */
export function storeSource(store: Store, queues?: RunQueues): ServeSource {
  /** Per dataset: the view being served (and the runs it holds), and the one being computed to replace it. */
  const views = new Map<string, { key: string; view: Promise<DatasetView | null>; next?: { key: string; view: Promise<DatasetView | null> } }>();
  let listed: { at: number; runs: Promise<Run[]> } | null = null;
  const allRuns = (): Promise<Run[]> => {
    const now = Date.now();
    if (listed === null || now - listed.at > RUNS_TTL_MS) {
      const runs = store.listRuns();
      listed = { at: now, runs };
      runs.catch(() => listed?.runs === runs && (listed = null));
    }
    return listed.runs;
  };
  const finishedRuns = async (dataset: string): Promise<Run[]> => (await allRuns()).filter((r) => datasetOf(r) === dataset && r.status === 'done');

  /**
   * The dataset's view. The first request waits for it; once there is one, a run that
   * finishes makes a new one in the background while the last keeps answering (no request
   * waits for a store that is slow to answer), and the new one answers from when it is ready. A failed computation is dropped: the next request
   * tries again.
   */
  async function view(dataset: string): Promise<DatasetView | null> {
    const runs = await finishedRuns(dataset);
    const key = viewKey(runs);
    const current = views.get(dataset);
    if (current?.key === key) return current.view;
    if (current?.next?.key === key) return current.view;
    const computed = datasetInsights(store, dataset, runs);
    if (!current) {
      views.set(dataset, { key, view: computed });
      computed.catch(() => views.get(dataset)?.view === computed && views.delete(dataset));
      return computed;
    }
    current.next = { key, view: computed };
    computed.then(
      () => {
        if (views.get(dataset)?.next?.view === computed) views.set(dataset, { key, view: computed });
      },
      () => {
        const entry = views.get(dataset);
        if (entry?.next?.view === computed) delete entry.next;
      },
    );
    return current.view;
  }

  return {
    kind: 'store',
    async datasets() {
      return [...new Set((await allRuns()).map((r) => datasetOf(r)))].sort();
    },
    insights: (dataset) => view(dataset),
    /**
     * Cursor "R.N": the dataset's R-th finished run (oldest first), N of its analyses passed.
     * Pages read the runs' analyses in order and filter them here.
     */
    async analyses(dataset, keep, cursor, limit) {
      const m = /^(\d+)(?:\.(\d+))?$/.exec(cursor);
      if (!m) throw new UsageError(`cursor '${cursor}' is not the next cursor of a page`);
      const runs = await finishedRuns(dataset);
      let r = Number(m[1]);
      let passed = Number(m[2] ?? 0);
      if (r > runs.length) throw new UsageError(`cursor '${cursor}' is past the end of the analyses`);
      const items: AnalysisLine[] = [];
      for (; r < runs.length; r++, passed = 0) {
        let n = passed;
        for await (const analysis of store.analyses(runs[r]!.id, passed)) {
          n++;
          const line = analysisLine(analysis) as unknown as AnalysisLine;
          if (!keep(line)) continue;
          items.push(line);
          if (items.length === limit) return { items, next: `${r}.${n}` };
        }
      }
      return { items, next: null };
    },
    async run(id) {
      const run = await store.getRun(id);
      return run && runView(store, run);
    },
    async runs(dataset) {
      // Fresh, not the reused list: this is what shows a run's progress.
      const runs = (await store.listRuns()).filter((r) => dataset === undefined || datasetOf(r) === dataset).reverse();
      return Promise.all(runs.map((r) => runView(store, r)));
    },
    async analysed() {
      return (await allRuns()).filter((r) => r.status === 'done').reduce((sum, r) => sum + r.counts.analyzed, 0);
    },
    async ready() {
      // Bounded: the store's client waits up to 30 s for a server, a health check must not.
      const answers = (probe: () => Promise<unknown>): Promise<boolean> =>
        Promise.race([
          probe().then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((resolve) => setTimeout(resolve, PROBE_MS, false).unref()),
        ]);
      return {
        mongodb: await answers(() => store.getRun('health-probe')),
        ...(queues ? { redis: await answers(() => queues.connection.ping()) } : {}),
      };
    },
    async queueDepths() {
      if (!queues) return {};
      const depths: Record<string, Record<string, number>> = {};
      for (const stage of STAGES) depths[stage] = await queues.queues[stage].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      return depths;
    },
  };
}
