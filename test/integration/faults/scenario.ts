import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { countsReconcile, type Insight, type RunCounts } from '../../../src/contracts/index.js';
import { loadAnalyzer } from '../../../src/load/analyzer.js';
import { runEmbedded } from '../../../src/runner/embedded.js';
import { createEmbeddedStore } from '../../../src/store/embedded-store.js';
import { openMongoStore } from '../../../src/store/mongo/open.js';
import type { Store } from '../../../src/store/store.js';
import { comparable, dropQueues, spawnCli, startWorker, stopWorker, waitFor, type CliProcess, type Namespace } from '../../helpers/cluster.js';
import { serviceFaults, type ServiceFaults } from '../../helpers/faults.js';
import { dropDatabase, services, testNamespace } from '../../helpers/services.js';

const samples = join(import.meta.dirname, '..', '..', '..', 'data', 'samples');
/** 5,000 rows in 50 batches of 100: long enough to be hit in the middle. */
const FILES = [join(samples, 'feedback.jsonl'), join(samples, 'survey.csv')];
const CREATED_AT = '2026-11-01T00:00:00.000Z';
const SUBMIT_FLAGS = ['--by', 'channel', '--date', CREATED_AT, '--batch-size', '100', '--in-flight', '8'];
const BATCHES = 50;
/** Short locks: a killed worker's batches run elsewhere within seconds, not half a minute. */
const WORKER_FLAGS = ['--lock-ms', '4000', '--concurrency', '2'];

/** One fault test's world: its database and queues, the fault switches, a clean baseline. */
export interface Scenario {
  ns: Namespace;
  faults: ServiceFaults;
  store: Store;
  runId: string;
  baseline: { counts: RunCounts; insights: Insight[] };
  workers: CliProcess[];
  submit?: CliProcess;
}

export async function setUp(file: string): Promise<Scenario> {
  const name = testNamespace(file);
  const faults = await serviceFaults();
  const ns = { db: name, prefix: name, redisUrl: faults.redisUrl, mongoUrl: faults.mongoUrl };
  const { analyzer } = await loadAnalyzer();
  const local = createEmbeddedStore();
  let baseline: Scenario['baseline'];
  try {
    const { run, insights } = await runEmbedded(
      { store: local, analyzer },
      { sources: FILES, mapping: {}, channel: 'other', createdAt: CREATED_AT, options: { bucket: 'week', by: ['channel'] } },
    );
    baseline = { counts: run.counts, insights };
  } finally {
    await local.close();
  }
  // The test's own checks go to the server directly, not through a proxy that may be cut.
  const store = await openMongoStore({ url: services().mongoUrl, database: ns.db });
  return { ns, faults, store, runId: `run-${name.replace(/_/g, '-')}`, baseline, workers: [] };
}

export async function tearDown(s: Scenario | undefined): Promise<void> {
  if (!s) return;
  s.submit?.child.kill('SIGKILL');
  // A worker a failed test left frozen would not hear SIGTERM.
  for (const w of s.workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGCONT');
  await Promise.all(s.workers.map(stopWorker));
  await s.faults.close();
  await s.store.close();
  await dropQueues(s.ns.prefix);
  await dropDatabase(s.ns.db);
}

export async function addWorker(s: Scenario): Promise<CliProcess> {
  const w = await startWorker(s.ns, WORKER_FLAGS);
  s.workers.push(w);
  return w;
}

/** `submit --wait` under a known run id, so the test can watch the run from the start. */
export function submit(s: Scenario): CliProcess {
  s.submit = spawnCli(s.ns, ['submit', ...FILES, ...SUBMIT_FLAGS, '--run', s.runId, '--wait', '--json']);
  return s.submit;
}

/** Waits until at least `n` batches are stored. */
async function waitForBatches(s: Scenario, n: number): Promise<number> {
  let done = 0;
  await waitFor(
    async () => (done = (await s.store.partialProgress(s.runId).catch(() => ({ batches: 0 }))).batches) >= n,
    120_000,
    () => `only ${done} batches stored; submit: ${s.submit?.stderr()}`,
  );
  return done;
}

/** Workers that SIGSTOP has frozen; `resume` lets them go on (SIGCONT). */
export interface Held {
  done: number;
  resume(): void;
}

/**
 * Waits until `n` batches are stored, then freezes the workers (SIGSTOP), so the fault that
 * follows provably lands in the middle of the run: while they are frozen no batch can finish,
 * and the count read then is the count the fault meets. Without the freeze, a fast machine
 * could finish the run between the poll and the fault, and the test would check nothing.
 */
export async function holdMidRun(s: Scenario, n: number, workers: readonly CliProcess[] = s.workers): Promise<Held> {
  await waitForBatches(s, n);
  for (const w of workers) w.child.kill('SIGSTOP');
  const done = (await s.store.partialProgress(s.runId)).batches;
  expect(done, 'the run finished before the fault could be injected').toBeLessThan(BATCHES);
  return {
    done,
    resume: () => {
      for (const w of workers) w.child.kill('SIGCONT');
    },
  };
}

/**
 * Batches a worker holds in BullMQ's active list (their locks not yet expired): with the
 * worker frozen, what it will never finish if killed now.
 */
export async function activeBatches(s: Scenario): Promise<number> {
  const connection = new Redis(services().redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('analyze', { connection, prefix: s.ns.prefix });
  try {
    return await queue.getActiveCount();
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

export async function finished(s: Scenario, timeoutMs = 240_000): Promise<void> {
  const timer = setTimeout(() => s.submit!.child.kill('SIGKILL'), timeoutMs);
  const code = await s.submit!.exited;
  clearTimeout(timer);
  expect(code, `submit: ${s.submit!.stderr()}\nworkers: ${s.workers.map((w) => w.stderr()).join('\n')}`).toBe(0);
}

/** Nothing lost, nothing counted or stored twice, and the insights of a clean run. */
export async function expectCleanRun(s: Scenario): Promise<void> {
  const run = (await s.store.getRun(s.runId))!;
  expect(run.status).toBe('done');
  expect(run.counts).toEqual(s.baseline.counts);
  expect(countsReconcile(run.counts)).toBe(true);
  const ids: string[] = [];
  for await (const a of s.store.analyses(s.runId)) ids.push(a.verbatimId);
  expect(ids.length).toBe(run.counts.analyzed);
  expect(new Set(ids).size).toBe(ids.length);
  let rejects = 0;
  for await (const _r of s.store.rejects(s.runId)) rejects++;
  expect(rejects).toBe(run.counts.rejected + run.counts.duplicates + run.counts.unsupportedLanguage);
  expect(comparable(await s.store.insights({ runId: s.runId }))).toEqual(comparable(s.baseline.insights));
}
