import { setTimeout as sleep } from 'node:timers/promises';
import { deleteRedisKeys } from '../../scripts/lib/redis-keys.js';
import type { Insight } from '../../src/contracts/index.js';
import { runCommand, spawnCommand, type CliProcess } from './cli.js';
import { services } from './services.js';

/** Where a test file's workers and submitters work: its own database and queue prefix. */
export interface Namespace {
  db: string;
  prefix: string;
  /** Other URLs than the services' (the fault tests' proxies). */
  redisUrl?: string;
  mongoUrl?: string;
}

export const cliEnv = (ns: Namespace): NodeJS.ProcessEnv => ({
  ...process.env,
  REDIS_URL: ns.redisUrl ?? services().redisUrl,
  MONGO_URL: ns.mongoUrl ?? services().mongoUrl,
  FRICTIONLENS_DB: ns.db,
  FRICTIONLENS_PREFIX: ns.prefix,
  // FerretDB and a single node: acknowledged writes are what a test can check.
  MONGO_WRITE_CONCERN: '1',
});

export type { CliProcess } from './cli.js';

/** A CLI child process on the namespace's services. */
export const spawnCli = (ns: Namespace, args: string[]): CliProcess => spawnCommand(args, cliEnv(ns));

/** A CLI command run to its end: exit code (or signal) and all it printed. */
export const runCli = (ns: Namespace, args: string[]): ReturnType<typeof runCommand> => runCommand(args, cliEnv(ns));

/** A `frictionlens worker` process; resolves once it says it is ready. */
export async function startWorker(ns: Namespace, args: string[] = []): Promise<CliProcess> {
  const worker = spawnCli(ns, ['worker', ...args]);
  await waitFor(
    () => worker.stderr().includes('ready:'),
    60_000,
    () => `worker did not start:\n${worker.stderr()}`,
  );
  return worker;
}

/** SIGTERM and wait (a graceful stop); kill -9 after 20 s. */
export async function stopWorker(worker: CliProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), 20_000);
  await worker.exited;
  clearTimeout(timer);
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message());
    await sleep(100);
  }
}

/** Removes the test file's queues from Redis. */
export async function dropQueues(prefix: string): Promise<void> {
  await deleteRedisKeys(services().redisUrl, `${prefix}:*`);
}

/** Insights as two runs can be compared: without run id and generation, in a fixed order, as stored (JSON). */
export function comparable(insights: readonly Insight[]): unknown[] {
  return insights
    .map(({ runId: _r, generation: _g, ...rest }) => JSON.parse(JSON.stringify(rest)) as Record<string, unknown>)
    .sort((a, b) => `${a.themeId}|${a.bucket}|${a.facet}`.localeCompare(`${b.themeId}|${b.bucket}|${b.facet}`));
}
