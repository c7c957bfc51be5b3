import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsReconcile, type Insight } from '../../src/contracts/index.js';
import { summariseRun } from '../../src/cli/run-summary.js';
import { loadThemeInfo } from '../../src/cli/theme-info.js';
import { loadAnalyzer } from '../../src/load/analyzer.js';
import { runEmbedded } from '../../src/runner/embedded.js';
import { createEmbeddedStore } from '../../src/store/embedded-store.js';
import { openMongoStore } from '../../src/store/mongo/open.js';
import type { Store } from '../../src/store/store.js';
import { comparable, dropQueues, spawnCli, startWorker, stopWorker, type CliProcess } from '../helpers/cluster.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };
const samples = join(import.meta.dirname, '..', '..', 'data', 'samples');
const FILES = ['feedback.jsonl', 'survey.csv', 'chats.json'].map((f) => join(samples, f));
const FLAGS = ['--by', 'channel', '--date', '2026-11-01T00:00:00Z'];

let embedded: { summary: Record<string, unknown>; insights: Insight[]; csat: ReturnType<typeof summariseRun>['summary'] };
let distributed: { summary: Record<string, unknown>; runId: string };
let store: Store;
const workers: CliProcess[] = [];

/** `analyze --json` and `submit --wait --json` on the same files, with two workers. */
beforeAll(async () => {
  workers.push(await startWorker(ns), await startWorker(ns));
  const analyze = spawnCli(ns, ['analyze', ...FILES, ...FLAGS, '--json']);
  // A small batch size: many batches, spread over both workers in any order.
  const submit = spawnCli(ns, ['submit', ...FILES, ...FLAGS, '--batch-size', '200', '--wait', '--json']);
  const [analyzeExit, submitExit] = await Promise.all([analyze.exited, submit.exited]);
  expect(analyzeExit, analyze.stderr()).toBe(0);
  expect(submitExit, submit.stderr()).toBe(0);
  const summary = JSON.parse(submit.stdout()) as Record<string, unknown>;
  distributed = { summary, runId: summary.runId as string };
  // The embedded insights in full, as analyze computes them (the same runEmbedded call).
  const { analyzer } = await loadAnalyzer();
  const local = createEmbeddedStore();
  try {
    const input = { sources: FILES, mapping: {}, channel: 'other' as const, createdAt: '2026-11-01T00:00:00.000Z' };
    const result = await runEmbedded({ store: local, analyzer }, { ...input, options: { bucket: 'week', by: ['channel'] } });
    // The same files measured on CSAT, as `top --metric csat` must read the distributed run.
    const csat = await runEmbedded({ store: local, analyzer }, { ...input, options: { bucket: 'week', by: ['channel'], metric: 'csat' } });
    embedded = {
      summary: JSON.parse(analyze.stdout()) as Record<string, unknown>,
      insights: result.insights,
      csat: summariseRun(csat.run, csat.insights, loadThemeInfo({})).summary,
    };
  } finally {
    await local.close();
  }
  store = await openMongoStore({ url: services().mongoUrl, database: ns.db });
}, 300_000);

afterAll(async () => {
  await Promise.all(workers.map(stopWorker));
  await store?.close();
  await dropQueues(ns.prefix);
  await dropDatabase(ns.db);
});

describe('embedded and distributed modes', () => {
  it('print the same themes: volumes, impacts with intervals, ranking, quotes and counts', () => {
    const { runId: _a, ...analyzed } = embedded.summary;
    const { runId: _b, ...submitted } = distributed.summary;
    expect(submitted).toEqual(analyzed);
    expect((submitted.themes as unknown[]).length).toBeGreaterThan(10);
  });

  it('store identical insights for every theme, week and channel', async () => {
    const stored = await store.insights({ runId: distributed.runId });
    expect(stored.length).toBe(embedded.insights.length);
    expect(comparable(stored)).toEqual(comparable(embedded.insights));
  });

  it('account for every row and store each analysis once', async () => {
    const run = (await store.getRun(distributed.runId))!;
    expect(run.status).toBe('done');
    expect(countsReconcile(run.counts)).toBe(true);
    const ids: string[] = [];
    for await (const a of store.analyses(distributed.runId)) ids.push(a.verbatimId);
    expect(ids.length).toBe(run.counts.analyzed);
    expect(new Set(ids).size).toBe(ids.length);
    let rejects = 0;
    for await (const _r of store.rejects(distributed.runId)) rejects++;
    expect(rejects).toBe(run.counts.rejected + run.counts.duplicates + run.counts.unsupportedLanguage);
  });

  it('report the finished run in status and its top themes in top', async () => {
    const status = spawnCli(ns, ['status', distributed.runId, '--json']);
    const top = spawnCli(ns, ['top', '--run', distributed.runId, '--json', '--top', '5']);
    expect(await status.exited, status.stderr()).toBe(0);
    expect(await top.exited, top.stderr()).toBe(0);
    const s = JSON.parse(status.stdout());
    expect(s).toMatchObject({ runId: distributed.runId, status: 'done', stage: 'done', progress: 1, errors: [] });
    expect(s.counts).toEqual((distributed.summary as { run: unknown }).run);
    const t = JSON.parse(top.stdout());
    const expected = (embedded.summary.themes as Array<{ id: string }>).slice(0, 5).map((r) => r.id);
    expect(t.scopes[0].themes.map((r: { id: string }) => r.id)).toEqual(expected);
    // The whole run's key drivers, as analyze gives them.
    expect(t.drivers).toEqual((embedded.summary as { drivers: unknown }).drivers);
    expect(t.scopes[0].themes[0].driver).toEqual((embedded.summary.themes as Array<{ driver: unknown }>)[0]!.driver);
  });

  it('give top --since a window of the newest buckets: volumes summed over them, no impact, the window named', async () => {
    const top = spawnCli(ns, ['top', '--run', distributed.runId, '--since', '8w', '--json']);
    expect(await top.exited, top.stderr()).toBe(0);
    const t = JSON.parse(top.stdout()) as {
      window: { from: string; to: string };
      scopes: Array<{ themes: Array<{ id: string; volume: number; impact: unknown }> }>;
    };
    const weekly = embedded.insights.filter((i) => i.facet === 'all' && i.bucket !== '*');
    const newest = weekly
      .map((i) => i.bucket)
      .sort()
      .at(-1)!;
    expect(t.window.to).toBe(newest);
    const first = t.scopes[0]!.themes[0]!;
    const inWindow = weekly.filter((i) => i.themeId === first.id && i.bucket >= t.window.from);
    expect(first.volume).toBe(inWindow.reduce((sum, i) => sum + i.volume, 0));
    expect(first.impact).toBeNull();
  });

  it('give top --by the same ranking per value as the by section of analyze --json', async () => {
    const top = spawnCli(ns, ['top', '--run', distributed.runId, '--by', 'channel', '--json', '--top', '5']);
    expect(await top.exited, top.stderr()).toBe(0);
    const scopes = (JSON.parse(top.stdout()) as { scopes: Array<{ facet: string; themes: Array<{ id: string }> }> }).scopes;
    const by = (embedded.summary.by as Array<{ field: string; values: Array<{ value: string; themes: Array<{ id: string }> }> }>)[0]!;
    expect(by.field).toBe('channel');
    expect(scopes.map((s) => s.facet).sort()).toEqual(by.values.map((v) => `channel=${v.value}`).sort());
    for (const v of by.values)
      expect(scopes.find((s) => s.facet === `channel=${v.value}`)!.themes.map((t) => t.id)).toEqual(v.themes.slice(0, 5).map((t) => t.id));
  });

  it('read a finished run on another --metric in top as analyze measures it, and refuse one without responses', async () => {
    const top = spawnCli(ns, ['top', '--run', distributed.runId, '--metric', 'csat', '--json', '--top', '5']);
    const ces = spawnCli(ns, ['top', '--run', distributed.runId, '--metric', 'ces']);
    expect(await top.exited, top.stderr()).toBe(0);
    const t = JSON.parse(top.stdout());
    expect(t.metric).toBe('csat');
    const expected = embedded.csat.themes.slice(0, 5);
    expect(
      t.scopes[0].themes.map((r: { id: string; impact: unknown; frictionScore: number; driver: unknown }) => [r.id, r.impact, r.frictionScore, r.driver]),
    ).toEqual(expected.map((r) => [r.id, r.impact, r.frictionScore, r.driver]));
    expect(t.drivers).toEqual(embedded.csat.drivers);
    expect(await ces.exited).toBe(3);
    expect(ces.stderr()).toMatch(
      /--metric ces: the run has no ces responses; metrics with responses: nps \([\d,]+\), csat \([\d,]+\), rating \([\d,]+\), sentiment/,
    );
    // The run keeps its own metric.
    expect((await store.getRun(distributed.runId))!.profile?.metric).toBe('nps');
  });

  it('stop a worker gracefully on SIGTERM: exit code 0, connections closed', async () => {
    const worker = workers[0]!;
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.stderr()).toMatch(/SIGTERM: finishing current jobs[\s\S]*stopped\n$/);
  });
});
