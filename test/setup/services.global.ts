import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    services: { redisUrl: string; mongoUrl: string };
  }
}

const run = promisify(execFile);
const script = join(import.meta.dirname, '..', '..', 'scripts', 'services.sh');

/**
 * Starts Redis and FerretDB with scripts/services.sh before any test file (building FerretDB
 * on a fresh machine), under a lease named by this process id, and releases the lease at the
 * end: services this run started are stopped, services started by hand or by .ci/run stay up.
 * REDIS_URL / MONGO_URL in the environment are used as given. Tests read the URLs with
 * inject('services') (test/helpers/services.ts), and child processes get them in their env.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const lease = String(process.pid);
  const env = { ...process.env, FRICTIONLENS_LEASE: lease };
  const { stdout } = await run('bash', [script, 'up'], { env, maxBuffer: 1 << 20 }).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`scripts/services.sh up failed:\n${error.stderr ?? error.message}`);
  });
  const urls = Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  if (!urls.REDIS_URL || !urls.MONGO_URL) throw new Error(`scripts/services.sh up printed no URLs:\n${stdout}`);
  process.env.REDIS_URL = urls.REDIS_URL;
  process.env.MONGO_URL = urls.MONGO_URL;
  project.provide('services', { redisUrl: urls.REDIS_URL, mongoUrl: urls.MONGO_URL });
  return async () => {
    await run('bash', [script, 'release', lease], { env });
  };
}
