import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countsReconcile, type Analysis, type Reject } from '../../src/contracts/index.js';
import { LONG_TOKEN } from '../../src/core/text/guard.js';
import { openMongoStore } from '../../src/store/mongo/open.js';
import type { Store } from '../../src/store/store.js';
import { dropQueues, spawnCli, startWorker, stopWorker, type CliProcess } from '../helpers/cluster.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

/**
 * No single verbatim stalls a distributed run (real Redis and FerretDB, `frictionlens worker`
 * processes): a 1 MB token is analysed under the guards, and a verbatim that still runs past
 * a worker's time budget is stopped and rejected while the rest of the run goes on.
 */
const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };
const dir = mkdtempSync(join(tmpdir(), 'frictionlens-budget-'));
let store: Store;
const workers: CliProcess[] = [];

const COMPLAINTS = [
  'My refund never came and nobody answers my emails.',
  'The app crashes every time I try to log in.',
  'I was charged twice for the same order this month.',
  'The parcel arrived two weeks late and the box was damaged.',
  'Customer support kept me on hold for over an hour.',
  'The jacket runs small, I had to return it.',
  'Great service, the agent solved my problem quickly.',
  'I cannot reset my password, the link never arrives.',
];
const normalRows = (n: number): Array<{ id: string; text: string }> =>
  Array.from({ length: n }, (_, i) => ({ id: `n${i + 1}`, text: `${COMPLAINTS[i % COMPLAINTS.length]} Order ${1000 + i}.` }));

function writeJsonl(file: string, rows: Array<{ id: string; text: string }>): string {
  const path = join(dir, file);
  writeFileSync(path, `${rows.map((r) => JSON.stringify({ ...r, channel: 'chat', createdAt: '2026-03-02T10:00:00Z' })).join('\n')}\n`);
  return path;
}

async function submitAndWait(path: string): Promise<string> {
  // Each file a dataset of its own: they share ids, which a dataset would count once.
  const dataset = basename(path).replace(/\W/g, '-');
  const submit = spawnCli(ns, ['submit', path, '--dataset', dataset, '--batch-size', '10', '--wait', '--json']);
  expect(await submit.exited, submit.stderr()).toBe(0);
  return (JSON.parse(submit.stdout()) as { runId: string }).runId;
}

async function stored(runId: string): Promise<{ analyses: Map<string, Analysis>; rejects: Reject[] }> {
  const analyses = new Map<string, Analysis>();
  for await (const a of store.analyses(runId)) analyses.set(a.verbatimId, a);
  const rejects: Reject[] = [];
  for await (const r of store.rejects(runId)) rejects.push(r);
  return { analyses, rejects };
}

beforeAll(async () => {
  store = await openMongoStore({ url: services().mongoUrl, database: ns.db });
});

// Each test's worker stops with it, pass or fail: a worker left running would take the next test's batches.
afterEach(async () => {
  await Promise.all(workers.splice(0).map(stopWorker));
});

afterAll(async () => {
  await store?.close();
  await dropQueues(ns.prefix);
  await dropDatabase(ns.db);
  rmSync(dir, { recursive: true, force: true });
});

describe('a distributed run with one pathological row among normal ones', () => {
  it('completes with a 1 MB token analysed under the guard and every other row analysed', async () => {
    const worker = await startWorker(ns);
    workers.push(worker);
    // A base64-like blob: distinct characters, no spaces, 1 MB (the 1.2 million-letter word is squeezed instead).
    const blob = 'QmFzZTY0IGJsb2Igb2YgYSBjYXJkIHJlYWRlciBkdW1w'.repeat(Math.ceil(1_048_576 / 44)).slice(0, 1_048_576);
    const rows = normalRows(40);
    rows.splice(17, 0, { id: 'blob', text: `My refund never came, here is the log: ${blob}` });
    const runId = await submitAndWait(writeJsonl('blob.jsonl', rows));

    const run = (await store.getRun(runId))!;
    expect(run.status).toBe('done');
    expect(run.counts).toEqual({ read: 41, analyzed: 41, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 });
    const { analyses, rejects } = await stored(runId);
    expect(rejects).toEqual([]);
    expect([...analyses.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
    const guarded = analyses.get('blob')!;
    expect(guarded.text).toBe(`My refund never came, here is the log: ${LONG_TOKEN}`);
    expect(guarded.guarded).toEqual(['longToken']);
    expect(guarded.redactions).toEqual({ LONG_TOKEN: 1 });
    expect(guarded.themes.map((t) => t.id)).toContain('cancellation.refund-delay');
    for (const [id, a] of analyses) if (id !== 'blob') expect(a.guarded, id).toBeUndefined();
  }, 180_000);

  it('rejects a verbatim that runs past the time budget, with its reason, and analyses the rest', async () => {
    // Three megabytes of ordinary sentences take seconds to analyse (linearly: nothing for the
    // guards to cut); a worker with a one-second budget stops it. The normal rows take a
    // millisecond or two each, far inside the budget.
    const worker = await startWorker(ns, ['--budget-ms', '1000']);
    workers.push(worker);
    let long = '';
    for (let i = 0; long.length < 3_000_000; i++) long += `${COMPLAINTS[i % COMPLAINTS.length]} Ticket ${i}. `;
    const rows = normalRows(30);
    rows.splice(12, 0, { id: 'long', text: long });
    const runId = await submitAndWait(writeJsonl('long.jsonl', rows));

    const run = (await store.getRun(runId))!;
    expect(run.status).toBe('done');
    expect(run.counts).toEqual({ read: 31, analyzed: 30, rejected: 1, duplicates: 0, unsupportedLanguage: 0, undated: 0 });
    expect(countsReconcile(run.counts)).toBe(true);
    const { analyses, rejects } = await stored(runId);
    expect(rejects).toEqual([expect.objectContaining({ reason: 'timeout', verbatimId: 'long', row: 13 })]);
    expect(rejects[0]!.message).toMatch(/verbatim 'long' was still being analysed after the time budget of 1000 ms \(worker --budget-ms\)/);
    expect([...analyses.keys()].sort()).toEqual(
      normalRows(30)
        .map((r) => r.id)
        .sort(),
    );
    expect(worker.stderr()).toMatch(/verbatim 'long': its analysis ran past the time budget of 1000 ms and was stopped/);
  }, 180_000);
});
