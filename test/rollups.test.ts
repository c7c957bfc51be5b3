import { afterEach, describe, expect, it } from 'vitest';
import type { Analysis, Run } from '../src/contracts/index.js';
import { splitByBucket, WHOLE_BUCKET } from '../src/core/insights/bucket-split.js';
import { createPartial, foldAnalysis, type FoldOptions } from '../src/core/insights/fold.js';
import { accumulatePartial, mergeAll } from '../src/core/insights/merge.js';
import type { InsightPartial } from '../src/core/insights/partial-types.js';
import { runInsights } from '../src/core/insights/run-insights.js';
import { datasetInsights } from '../src/pipeline/dataset-insights.js';
import { datasetOwner, refreshDatasetRollups, runOwner } from '../src/pipeline/rollups.js';
import { createEmbeddedStore } from '../src/store/embedded-store.js';
import type { Store } from '../src/store/store.js';
import { makeAnalysis } from './helpers/analysis.js';

const options: FoldOptions = { bucketSize: 'week', by: ['channel'] };

/** Seeded analyses over `weeks` weeks from `firstDay` of June 2026, ids prefixed by `tag`. */
function analysesOf(tag: string, n: number, firstDay: number, weeks: number): Analysis[] {
  let seed = tag.length * 7919 + n;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => {
    const late = rand() < 0.3;
    return makeAnalysis(`${tag}-${i}`, {
      themes: late ? [['delivery.late', -0.6]] : rand() < 0.2 ? [['app.slow', -0.3]] : [],
      nps: late ? 3 : 8 + Math.floor(rand() * 3),
      sentiment: late ? -0.6 : 0.3,
      createdAt: new Date(Date.UTC(2026, 5, firstDay + Math.floor(rand() * 7 * weeks))).toISOString(),
      channel: rand() < 0.5 ? 'chat' : 'survey',
    });
  });
}

function partialsOf(runId: string, analyses: Analysis[]): InsightPartial[] {
  const partials: InsightPartial[] = [];
  for (let i = 0; i < analyses.length; i += 50) {
    const p = createPartial(runId, `b${i}`, options);
    for (const a of analyses.slice(i, i + 50)) foldAnalysis(p, a, options);
    partials.push(p);
  }
  return partials;
}

const run = (id: string, generation = 1): Run => ({
  id,
  status: 'done',
  sources: [],
  options: { dataset: 'shop', bucket: 'week', by: ['channel'] },
  counts: { read: 0, analyzed: 0, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
  startedAt: `2026-06-0${id.length}T00:00:00Z`,
  insightGeneration: generation,
  modelVersion: 'test',
});

/** What the dataset's view was before rollups: every partial of every run merged at once. */
function mergedEverything(runs: Record<string, InsightPartial[]>): InsightPartial {
  const all = Object.values(runs)
    .flat()
    .map((p) => ({ ...structuredClone(p), runId: datasetOwner('shop') }));
  return mergeAll(all)!;
}

/** A store that records which buckets of which owner were read. */
function recording(store: Store): { store: Store; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    store: {
      ...store,
      rollups(owner, buckets) {
        reads.push(`${owner}:${buckets ? [...buckets].sort().join(',') : 'all'}`);
        return store.rollups(owner, buckets);
      },
    },
  };
}

describe('per-bucket rollups', () => {
  let store: Store;
  afterEach(() => store?.close());

  const RUNS: Record<string, InsightPartial[]> = {
    a: partialsOf('a', analysesOf('a', 400, 1, 2)),
    bb: partialsOf('bb', analysesOf('bb', 300, 15, 2)),
  };

  async function stored(runs: Record<string, InsightPartial[]>): Promise<Run[]> {
    store = createEmbeddedStore();
    const made: Run[] = [];
    for (const [id, partials] of Object.entries(runs)) {
      await store.createRun(run(id));
      for (const p of partials) await store.putPartial(structuredClone(p));
      made.push(run(id));
    }
    return made;
  }

  it('cuts a merged partial into buckets whose sum is the partial again', () => {
    const merged = mergeAll(RUNS.a!.map((p) => structuredClone(p)))!;
    const pieces = splitByBucket(structuredClone(merged));
    expect([...pieces.keys()]).toContain(WHOLE_BUCKET);
    expect(pieces.size).toBeGreaterThan(2);
    let sum: InsightPartial | null = null;
    for (const piece of pieces.values()) {
      if (sum === null) sum = piece;
      else accumulatePartial(sum, piece);
    }
    expect(runInsights(sum!, 'a', 1, { by: ['channel'] })).toEqual(runInsights(merged, 'a', 1, { by: ['channel'] }));
  });

  it("serves the dataset from its rollups with the same figures as merging every run's partials", async () => {
    const runs = await stored(RUNS);
    const view = await datasetInsights(store, 'shop', runs);
    const expected = runInsights(mergedEverything(RUNS), datasetOwner('shop'), 0, { by: ['channel'] });
    expect(view!.insights).toEqual(expected.insights);
    expect(view!.drivers).toEqual(expected.drivers);
    // One rollup per bucket of the union, each naming the runs that touched it.
    const index = await store.rollupIndex(datasetOwner('shop'));
    const buckets = new Set(index.map((e) => e.bucket));
    expect(buckets.has(WHOLE_BUCKET)).toBe(true);
    expect(index.find((e) => e.bucket === WHOLE_BUCKET)!.sources).toEqual(['a@1', 'bb@1']);
    expect(index.some((e) => e.sources.join() === 'a@1')).toBe(true);
    expect(index.some((e) => e.sources.join() === 'bb@1')).toBe(true);
  });

  it('recomputes only the buckets a finished run touched, from one piece per run and bucket', async () => {
    const runs = await stored(RUNS);
    await refreshDatasetRollups(store, 'shop', runs);
    // A third run in the last week of the second run only.
    const third: Record<string, InsightPartial[]> = { ccc: partialsOf('ccc', analysesOf('ccc', 100, 22, 1)) };
    await store.createRun(run('ccc'));
    for (const p of third.ccc!) await store.putPartial(structuredClone(p));
    const recorder = recording(store);
    await refreshDatasetRollups(recorder.store, 'shop', await store.listRuns());
    const touched = (await store.rollupIndex(runOwner('ccc'))).map((e) => e.bucket).sort();
    expect(touched).toEqual(['*', '2026-06-22']);
    // Each run's pieces of the touched buckets it has, nothing else.
    for (const read of recorder.reads) {
      const buckets = read.slice(read.lastIndexOf(':') + 1).split(',');
      expect(
        buckets.every((b) => touched.includes(b)),
        read,
      ).toBe(true);
    }
    expect(recorder.reads).toContain(`${runOwner('ccc')}:${touched.join(',')}`);
    const view = await datasetInsights(store, 'shop', await store.listRuns());
    expect(view!.insights).toEqual(runInsights(mergedEverything({ ...RUNS, ...third }), datasetOwner('shop'), 0, { by: ['channel'] }).insights);
  });

  it('heals what it finds stale: a lost rollup, a re-aggregated run, a run no longer finished', async () => {
    const runs = await stored(RUNS);
    await refreshDatasetRollups(store, 'shop', runs);
    const owner = datasetOwner('shop');
    await store.deleteRollups(owner, [WHOLE_BUCKET]);
    const expected = runInsights(mergedEverything(RUNS), owner, 0, { by: ['channel'] }).insights;
    expect((await datasetInsights(store, 'shop', runs))!.insights).toEqual(expected);
    // Run a aggregated again (generation 2): its pieces are cut again from its partials.
    await store.updateRun('a', { insightGeneration: 2 });
    expect((await datasetInsights(store, 'shop', await store.listRuns()))!.insights).toEqual(expected);
    expect((await store.rollupIndex(owner)).find((e) => e.bucket === WHOLE_BUCKET)!.sources).toEqual(['a@2', 'bb@1']);
    // Only run bb finished: run a's buckets leave the dataset's rollups.
    const bbOnly = await datasetInsights(store, 'shop', [(await store.getRun('bb'))!]);
    expect(bbOnly!.insights).toEqual(runInsights(mergedEverything({ bb: RUNS.bb! }), owner, 0, { by: ['channel'] }).insights);
    expect((await store.rollupIndex(owner)).every((e) => e.sources.join() === 'bb@1')).toBe(true);
  });

  it("builds a team's digest from the dataset's rollups: the period's buckets, their coverage, the week before", async () => {
    const runs = await stored(RUNS);
    const { teamDigest } = await import('../src/pipeline/team-digest.js');
    const { parsePeriod } = await import('../src/core/digest/period.js');
    const info = (id: string) => ({ id, name: id, owner: id.startsWith('delivery.') ? 'logistics' : 'engineering', family: id.split('.')[0]! });
    const request = {
      subscriptionId: 's',
      team: 'logistics',
      dataset: 'shop',
      facet: 'all',
      period: parsePeriod('2026-W25'),
      createdAt: '2026-06-22T06:00:00Z',
    };
    const digest = await teamDigest(store, runs, request, info);
    expect(digest.window).toEqual({ from: '2026-06-15', to: '2026-06-15' });
    expect(digest.previous.label).toBe('2026-W24');
    expect(digest.top.map((t) => t.id)).toEqual(['delivery.late']);
    const partial = mergedEverything(RUNS);
    expect(digest.coverage!.verbatims).toBe(partial.scopes['2026-06-15|all']!.total.n);
    expect(digest.coverage!.themed).toBe(partial.scopes['2026-06-15|all']!.themed!.n);
    expect(digest.top[0]!.volume).toBe(partial.scopes['2026-06-15|all']!.themes['delivery.late']!.any.n);
    const none = await teamDigest(store, [], { ...request, dataset: 'empty' }, info);
    expect([none.top, none.window, none.coverage]).toEqual([[], null, null]);
  });
});
