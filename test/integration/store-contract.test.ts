import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Insight, Reject, Run } from '../../src/contracts/index.js';
import { createPartial, foldAnalysis, countOutcome } from '../../src/core/insights/fold.js';
import { createEmbeddedStore } from '../../src/store/embedded-store.js';
import { openMongoStore } from '../../src/store/mongo/open.js';
import type { Store } from '../../src/store/store.js';
import { makeAnalysis } from '../helpers/analysis.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const database = testNamespace(import.meta.filename);
afterAll(() => dropDatabase(database));

const run = (id: string, startedAt = '2026-06-01T00:00:00Z'): Run => ({
  id,
  status: 'running',
  sources: ['a.csv'],
  options: { bucket: 'week', by: ['channel'] },
  counts: { read: 0, analyzed: 0, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
  startedAt,
  modelVersion: 'test',
});

const analysis = (runId: string, id: string, extra: Parameters<typeof makeAnalysis>[1] = {}) => ({ ...makeAnalysis(id, extra), runId });
const reject = (runId: string, row: number, reason: Reject['reason'] = 'invalid'): Reject => ({
  runId,
  source: 'a.csv',
  row,
  reason,
  message: `row ${row}: bad`,
});

function partial(runId: string, key: string, ids: string[]) {
  const options = { bucketSize: 'week' as const, by: ['channel'] };
  const p = createPartial(runId, key, options);
  for (const id of ids) foldAnalysis(p, analysis(runId, id, { themes: [['delivery.late', -0.5]], nps: 3, channel: 'chat' }), options);
  countOutcome(p, 'rejected');
  return p;
}

const insight = (runId: string, generation: number, themeId: string, bucket = '*', facet = 'all'): Insight => ({
  runId,
  generation,
  themeId,
  bucket,
  bucketSize: 'week',
  facet,
  volume: 3,
  share: 0.5,
  negativeShare: 1,
  sentiment: -0.5,
  impact: { metric: 'nps', value: -12.5, ci: [-20, -5], negative: -12.5, positive: 0, withTheme: -100, withoutTheme: 10 },
  revenueAtRisk: 1250.5,
  churnShare: 0,
  trend: null,
  frictionScore: 42.25,
  quotes: [{ verbatimId: 'v1', text: 'Late again.', sentiment: -0.5, channel: 'chat', createdAt: '2026-06-03T10:00:00Z' }],
});

async function all<T>(docs: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const d of docs) out.push(d);
  return out;
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));
const sortInsights = (xs: Insight[]) => [...xs].sort(byKey((i) => `${i.themeId}|${i.bucket}|${i.facet}`));

/** One contract, two stores: the same calls must give the same answers, duplicates included. */
const STORES: Array<[string, () => Promise<Store>]> = [
  ['embedded store', async () => createEmbeddedStore()],
  ['MongoDB store (FerretDB in CI)', () => openMongoStore({ url: services().mongoUrl, database, writeConcern: { w: 'majority' } })],
];

describe.each(STORES)('%s', (_name, open) => {
  let store: Store;
  let runId: string;
  let seq = 0;
  beforeEach(async () => {
    store = await open();
    // Each test its own run ids: the MongoDB database is shared by the tests of this file.
    runId = `run-${_name.length}-${++seq}-${Date.now()}`;
    return () => store.close();
  });

  it('creates a run once: a second create with the same id changes nothing', async () => {
    expect(await store.createRun(run(runId))).toBe(true);
    expect(await store.createRun({ ...run(runId), status: 'failed' })).toBe(false);
    expect(await store.getRun(runId)).toEqual(run(runId));
    expect(await store.getRun('no-such-run')).toBeNull();
  });

  it('updates a run field by field, removes fields patched to undefined, and lists runs oldest first', async () => {
    await store.createRun(run(`${runId}-b`, '2026-06-02T00:00:00Z'));
    await store.createRun(run(`${runId}-a`, '2026-06-01T00:00:00Z'));
    await store.updateRun(`${runId}-a`, {
      status: 'done',
      counts: { read: 3, analyzed: 2, rejected: 1, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
      finishedAt: '2026-06-01T00:01:00Z',
    });
    const a = await store.getRun(`${runId}-a`);
    expect(a).toEqual({
      ...run(`${runId}-a`),
      status: 'done',
      counts: { read: 3, analyzed: 2, rejected: 1, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
      finishedAt: '2026-06-01T00:01:00Z',
    });
    await store.updateRun(`${runId}-a`, { status: 'running', finishedAt: undefined, error: 'boom' });
    await store.updateRun(`${runId}-a`, { error: undefined });
    expect(await store.getRun(`${runId}-a`)).toEqual({
      ...run(`${runId}-a`),
      counts: { read: 3, analyzed: 2, rejected: 1, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
    });
    const listed = (await store.listRuns()).filter((r) => r.id.startsWith(runId)).map((r) => r.id);
    expect(listed).toEqual([`${runId}-a`, `${runId}-b`]);
  });

  it("keeps a run's metric and profile, attribute names with dots and dollar signs included", async () => {
    const profile = {
      metric: 'csat' as const,
      responses: { csat: 40, sentiment: 90 },
      attributes: [
        { name: 'plan.tier', verbatims: 12 },
        { name: '$region', verbatims: 3 },
      ],
      facets: [{ field: 'attributes.plan.tier', verbatims: 12 }],
    };
    const options = { bucket: 'week' as const, by: ['attributes.plan.tier'], metric: 'csat' as const };
    await store.createRun({ ...run(runId), options });
    await store.updateRun(runId, { profile });
    expect(await store.getRun(runId)).toEqual({ ...run(runId), options, profile });
  });

  it('stores each analysis once: a re-sent batch counts its rows as duplicates', async () => {
    const first = [analysis(runId, 'v1'), analysis(runId, 'v2', { nps: 9, segment: 'enterprise', value: 10 })];
    expect(await store.putAnalyses(first)).toEqual({ inserted: 2, duplicates: 0 });
    expect(await store.putAnalyses([...first, analysis(runId, 'v3')])).toEqual({ inserted: 1, duplicates: 2 });
    // The same verbatim id in another run is another analysis.
    expect(await store.putAnalyses([analysis(`${runId}-other`, 'v1')])).toEqual({ inserted: 1, duplicates: 0 });
    const stored = (await all(store.analyses(runId))).sort(byKey((a) => a.verbatimId));
    expect(stored).toEqual([...first, analysis(runId, 'v3')]);
    // A page from the third on: the stored order, without the first two.
    const inOrder = await all(store.analyses(runId));
    expect(await all(store.analyses(runId, 2))).toEqual(inOrder.slice(2));
    expect(await all(store.analyses(runId, 5))).toEqual([]);
  });

  it('keeps attribute names with dots and dollar signs as they were', async () => {
    const a = { ...analysis(runId, 'v1'), attributes: { 'plan.tier': 'gold', $region: 'EU', product: 'X' } };
    await store.putAnalyses([a]);
    expect(await all(store.analyses(runId))).toEqual([a]);
  });

  it('claims each verbatim id of a dataset for the first run: a later run learns the owner, a retry finds its own', async () => {
    const dataset = `ds-${runId}`;
    expect(await store.claimVerbatims(dataset, 'run-a', ['v1', 'v2', 'v/3'])).toEqual(new Map());
    // A retried batch of run-a claims the same ids again: they are its own.
    expect(await store.claimVerbatims(dataset, 'run-a', ['v1', 'v/3'])).toEqual(new Map());
    expect(await store.claimVerbatims(dataset, 'run-b', ['v2', 'v/3', 'v4'])).toEqual(
      new Map([
        ['v2', 'run-a'],
        ['v/3', 'run-a'],
      ]),
    );
    expect(await store.claimVerbatims(dataset, 'run-c', ['v4', 'v5'])).toEqual(new Map([['v4', 'run-b']]));
    // Another dataset is another namespace of ids.
    expect(await store.claimVerbatims(`${dataset}-other`, 'run-c', ['v1'])).toEqual(new Map());
    expect(await store.claimVerbatims(dataset, 'run-c', [])).toEqual(new Map());
  });

  it('stores each reject once under its source and row', async () => {
    expect(await store.putRejects([reject(runId, 2), reject(runId, 5, 'duplicate')])).toEqual({ inserted: 2, duplicates: 0 });
    expect(await store.putRejects([reject(runId, 2), reject(runId, 7, 'unsupportedLanguage')])).toEqual({ inserted: 1, duplicates: 1 });
    const stored = (await all(store.rejects(runId))).sort((a, b) => a.row - b.row);
    expect(stored).toEqual([reject(runId, 2), reject(runId, 5, 'duplicate'), reject(runId, 7, 'unsupportedLanguage')]);
  });

  it('stores each partial once under its batch key and sums their counts', async () => {
    const p1 = partial(runId, 'k1', ['v1', 'v2']);
    const p2 = partial(runId, 'k2', ['v3']);
    expect(await store.putPartial(p1)).toEqual({ inserted: 1, duplicates: 0 });
    expect(await store.putPartial(p2)).toEqual({ inserted: 1, duplicates: 0 });
    expect(await store.putPartial(partial(runId, 'k1', ['v1', 'v2']))).toEqual({ inserted: 0, duplicates: 1 });
    expect((await all(store.partials(runId))).sort(byKey((p) => p.key))).toEqual([p1, p2]);
    expect(await store.partialKeys(runId)).toEqual(new Set(['k1', 'k2']));
    expect(await store.partialProgress(runId)).toEqual({
      batches: 2,
      counts: { read: 5, analyzed: 3, rejected: 2, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
    });
    expect(await store.partialProgress(`${runId}-none`)).toEqual({
      batches: 0,
      counts: { read: 0, analyzed: 0, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
    });
  });

  it('replaces a rollup by owner and bucket, lists them without bodies, reads and deletes them by bucket', async () => {
    const owner = `run:${runId}`;
    const rollup = (bucket: string, sources: string[], ids: string[]) => ({ owner, bucket, sources, partial: partial(runId, bucket, ids) });
    await store.putRollups([rollup('*', ['a@1'], ['v1', 'v2']), rollup('2026-06-01', ['a@1'], ['v1'])]);
    await store.putRollups([rollup('2026-06-01', ['a@2'], ['v3']), rollup('2026-06-08', ['a@2'], ['v2'])]);
    const index = (await store.rollupIndex(owner)).sort(byKey((e) => e.bucket));
    expect(index).toEqual([
      { owner, bucket: '*', sources: ['a@1'] },
      { owner, bucket: '2026-06-01', sources: ['a@2'] },
      { owner, bucket: '2026-06-08', sources: ['a@2'] },
    ]);
    expect(await all(store.rollups(owner, ['2026-06-01']))).toEqual([rollup('2026-06-01', ['a@2'], ['v3'])]);
    expect((await all(store.rollups(owner))).map((r) => r.bucket).sort()).toEqual(['*', '2026-06-01', '2026-06-08']);
    // Fresh copies: a reader that absorbs one changes nothing stored.
    const [read] = await all(store.rollups(owner, ['*']));
    read!.partial.counts.read = 999;
    expect((await all(store.rollups(owner, ['*'])))[0]!.partial.counts.read).not.toBe(999);
    await store.deleteRollups(owner, ['*', '2026-06-08', 'never']);
    expect((await store.rollupIndex(owner)).map((e) => e.bucket)).toEqual(['2026-06-01']);
    expect(await store.rollupIndex(`${owner}-none`)).toEqual([]);
  });

  it("replaces a run's insights by generation and reads them by equality keys", async () => {
    await store.createRun(run(runId));
    const g1 = [insight(runId, 1, 'delivery.late'), insight(runId, 1, 'app.slow')];
    await store.replaceInsights(runId, 1, g1);
    expect(sortInsights(await store.insights({ runId }))).toEqual(sortInsights(g1));
    const g2 = [insight(runId, 2, 'delivery.late'), insight(runId, 2, 'delivery.late', '2026-06-01'), insight(runId, 2, 'delivery.late', '*', 'channel=chat')];
    await store.replaceInsights(runId, 2, g2);
    // A retried aggregate writes the same generation again: nothing changes.
    await store.replaceInsights(runId, 2, g2);
    expect((await store.getRun(runId))?.insightGeneration).toBe(2);
    expect(sortInsights(await store.insights({ runId }))).toEqual(sortInsights(g2));
    expect(await store.insights({ runId, bucket: '*', facet: 'all' })).toEqual([g2[0]]);
    expect(await store.insights({ runId, facet: 'channel=chat' })).toEqual([g2[2]]);
    expect(await store.insights({ runId, themeId: 'app.slow' })).toEqual([]);
    expect(await store.insights({ runId: 'no-such-run' })).toEqual([]);
  });
});
