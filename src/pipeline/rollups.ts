import type { Run } from '../contracts/index.js';
import { splitByBucket } from '../core/insights/bucket-split.js';
import { accumulatePartial } from '../core/insights/merge.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import type { Rollup, Store } from '../store/store.js';
import { mergedPartial } from './aggregate.js';

/**
 * Per-bucket rollups (DESIGN.md "Datasets"). A run's merged partial is stored cut by bucket
 * ("run:ID"); a dataset's rollup of a bucket ("dataset:NAME") is the sum of its finished
 * runs' pieces of that bucket. Each rollup names its sources (RUN@GENERATION), so a stale one
 * is found by comparing names, without reading a body, and recomputed from the pieces, never
 * incremented: a retried or concurrent refresh writes the same sums.
 */
export const runOwner = (runId: string): string => `run:${runId}`;
export const datasetOwner = (dataset: string): string => `dataset:${dataset}`;
const sourceOf = (runId: string, generation: number): string => `${runId}@${generation}`;

/**
 * Stores a run's merged partial cut by bucket as the rollups of `generation`, drops pieces of
 * buckets it no longer has, and records the buckets on the run. Takes ownership of `merged`.
 */
export async function writeRunRollups(store: Store, runId: string, generation: number, merged: InsightPartial | null): Promise<Run['rollup']> {
  const owner = runOwner(runId);
  const pieces = merged ? splitByBucket(merged) : new Map<string, InsightPartial>();
  const sources = [sourceOf(runId, generation)];
  await store.putRollups([...pieces].map(([bucket, partial]): Rollup => ({ owner, bucket, sources, partial })));
  const gone = (await store.rollupIndex(owner)).map((e) => e.bucket).filter((b) => !pieces.has(b));
  await store.deleteRollups(owner, gone);
  const rollup = { generation, buckets: [...pieces.keys()].sort() };
  await store.updateRun(runId, { rollup });
  return rollup;
}

/**
 * The run's rollups as of its current generation: stored ones when the run's record says
 * so, else cut now from its partials (a run aggregated before rollups were kept, or whose
 * aggregate stopped between its insights and its rollups).
 */
async function runRollups(store: Store, run: Run): Promise<NonNullable<Run['rollup']>> {
  const generation = run.insightGeneration ?? 0;
  if (run.rollup?.generation === generation) return run.rollup;
  return (await writeRunRollups(store, run.id, generation, await mergedPartial(store, run.id)))!;
}

/**
 * Brings the dataset's rollups in line with its finished runs: recomputes each bucket whose
 * sources changed (a run that finished, or was re-aggregated, touched it) from the runs'
 * pieces of that bucket, and drops buckets no run has. A run's finishing touches its own
 * buckets and the whole-run one, so that is what it costs, whatever the dataset's size.
 */
export async function refreshDatasetRollups(store: Store, dataset: string, finished: readonly Run[]): Promise<void> {
  const expected = new Map<string, string[]>();
  const contributors = new Map<string, { run: Run; buckets: string[] }>();
  for (const run of finished) {
    const { generation, buckets } = await runRollups(store, run);
    contributors.set(run.id, { run, buckets });
    for (const bucket of buckets) {
      const sources = expected.get(bucket);
      if (sources) sources.push(sourceOf(run.id, generation));
      else expected.set(bucket, [sourceOf(run.id, generation)]);
    }
  }
  const owner = datasetOwner(dataset);
  const current = new Map((await store.rollupIndex(owner)).map((e) => [e.bucket, e.sources.join(',')]));
  const stale = new Set([...expected].filter(([bucket, sources]) => current.get(bucket) !== sources.sort().join(',')).map(([bucket]) => bucket));
  const sums = new Map<string, InsightPartial>();
  for (const { run, buckets } of contributors.values()) {
    const wanted = buckets.filter((b) => stale.has(b));
    if (wanted.length === 0) continue;
    for await (const piece of store.rollups(runOwner(run.id), wanted)) {
      // Relabelled so that pieces of different runs merge as one.
      piece.partial.runId = owner;
      const sum = sums.get(piece.bucket);
      if (sum) accumulatePartial(sum, piece.partial);
      else sums.set(piece.bucket, piece.partial);
    }
  }
  await store.putRollups([...sums].map(([bucket, partial]): Rollup => ({ owner, bucket, sources: expected.get(bucket)!, partial })));
  await store.deleteRollups(
    owner,
    [...current.keys()].filter((b) => !expected.has(b)),
  );
}

/** The dataset's rollups merged: its whole view, from one document per bucket. Null when it has none. */
export async function mergedRollups(store: Store, dataset: string): Promise<InsightPartial | null> {
  let merged: InsightPartial | null = null;
  for await (const { partial } of store.rollups(datasetOwner(dataset))) {
    if (merged === null) merged = partial;
    else accumulatePartial(merged, partial);
  }
  return merged;
}
