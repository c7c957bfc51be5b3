import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunOptions, Verbatim } from '../src/contracts/index.js';
import { analyzeVerbatim } from '../src/core/analyze.js';
import type { Analyzer } from '../src/core/analyzer.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { batchKey } from '../src/pipeline/batch-key.js';
import { createBudgetedAnalysis, type BudgetedAnalysis } from '../src/pipeline/budget/budgeted-analysis.js';
import { WatchedThread } from '../src/pipeline/budget/watched-thread.js';
import { processBatch } from '../src/pipeline/process-batch.js';
import type { IngestItem } from '../src/contracts/index.js';
import { createEmbeddedStore } from '../src/store/embedded-store.js';

const shoutTask = new URL('./fixtures/threads/shout-task.ts', import.meta.url);
const hangingAnalysis = new URL('./fixtures/threads/hanging-analysis.ts', import.meta.url);

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

function shouter(budgetMs = 2_000): WatchedThread<{ suffix: string }, string, string> {
  const thread = new WatchedThread<{ suffix: string }, string, string>({ entry: shoutTask, options: { suffix: '!' }, budgetMs });
  open.push(thread);
  return thread;
}

describe('a watched thread', () => {
  it('gives every item its result, in order', async () => {
    expect(await shouter().run(['a', 'b', 'c'])).toEqual(['A!', 'B!', 'C!'].map((result) => ({ kind: 'done', result })));
  });

  it('stops an item that runs past the budget and goes on with the items after it', async () => {
    const thread = shouter(300);
    const results = await thread.run(['a', 'hang', 'b', 'hang', 'c']);
    expect(results).toEqual([
      { kind: 'done', result: 'A!' },
      { kind: 'overBudget' },
      { kind: 'done', result: 'B!' },
      { kind: 'overBudget' },
      { kind: 'done', result: 'C!' },
    ]);
    // A fresh thread serves the next run.
    expect(await thread.run(['d'])).toEqual([{ kind: 'done', result: 'D!' }]);
  }, 30_000);

  it('serves runs asked for at once one after the other', async () => {
    const thread = shouter(300);
    const [first, second] = await Promise.all([thread.run(['a', 'hang']), thread.run(['b'])]);
    expect(first).toEqual([{ kind: 'done', result: 'A!' }, { kind: 'overBudget' }]);
    expect(second).toEqual([{ kind: 'done', result: 'B!' }]);
  }, 30_000);

  it('fails the run when the task throws (a bug, not a slow item), and serves the next', async () => {
    const thread = shouter();
    await expect(thread.run(['a', 'throw'])).rejects.toThrow(/item 2 of the batch: Error: boom/);
    expect(await thread.run(['e'])).toEqual([{ kind: 'done', result: 'E!' }]);
  });
});

describe('the analyze stage under a time budget', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    ({ analyzer } = await loadAnalyzer());
  });

  const options: RunOptions = { bucket: 'week', by: [] };
  const verbatim = (id: string, text: string): IngestItem => ({
    kind: 'verbatim',
    verbatim: { id, channel: 'chat', text, createdAt: '2026-03-02T10:00:00Z' },
    source: 'chats.csv',
    row: Number(id.slice(1)),
  });

  function budgeted(entry?: URL, budgetMs = 60_000): BudgetedAnalysis {
    const analysis = createBudgetedAnalysis({ analyzer: {}, version: analyzer.version, budgetMs, ...(entry ? { entry } : {}) });
    open.push(analysis);
    return analysis;
  }

  it('gives the same analyses in its thread as in this one', async () => {
    const texts = [
      'My refund never came.',
      'The app crashes every time I log in!!!',
      `Card reader dump ${'Zm9v'.repeat(500)} then nothing`,
      'Le colis est arrivé en retard.',
    ];
    const verbatims: Verbatim[] = texts.map((text, i) => ({ id: `v${i}`, channel: 'chat', text, createdAt: '2026-03-02T10:00:00Z' }));
    const there = await budgeted().analyzeBatch(verbatims, 'run-1');
    expect(there).toEqual(verbatims.map((v) => analyzeVerbatim(analyzer, v, 'run-1')));
  });

  it('rejects the verbatim that blew the budget, with its reason, and analyses the rest of the batch', async () => {
    const store = createEmbeddedStore();
    open.push(store);
    const items: IngestItem[] = [verbatim('v1', 'My refund never came.'), verbatim('v2', 'HANG'), verbatim('v3', 'Delivery was late again.')];
    const batch = { runId: 'run-b', key: batchKey('run-b', items), options, items };
    const counts = await processBatch({ store, analyzer, analyzeBatch: budgeted(hangingAnalysis, 2_000).analyzeBatch }, batch);
    expect(counts).toMatchObject({ read: 3, analyzed: 2, rejected: 1, duplicates: 0, unsupportedLanguage: 0 });
    const rejects = [];
    for await (const r of store.rejects('run-b')) rejects.push(r);
    expect(rejects).toEqual([expect.objectContaining({ reason: 'timeout', verbatimId: 'v2', row: 2, source: 'chats.csv' })]);
    expect(rejects[0]!.message).toMatch(/verbatim 'v2' was still being analysed after the time budget of 2000 ms/);
    const analysed = [];
    for await (const a of store.analyses('run-b')) analysed.push(a.verbatimId);
    expect(analysed.sort()).toEqual(['v1', 'v3']);
  }, 60_000);
});
