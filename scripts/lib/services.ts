import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = join(import.meta.dirname, '..', 'services.sh');

/** The services' URLs, held under a lease of this process. */
export interface ServiceLease {
  redisUrl: string;
  mongoUrl: string;
  /** Drops the lease: services it started stop once no other lease is live. */
  release(): Promise<void>;
}

/**
 * `scripts/services.sh up` under a lease named by this process id (tests' global setup,
 * benches): REDIS_URL / MONGO_URL when set, else the project's own Redis and FerretDB,
 * started when not running. Services started by hand or by .ci/run stay up at release.
 */
export async function leaseServices(): Promise<ServiceLease> {
  const lease = String(process.pid);
  const env = { ...process.env, FRICTIONLENS_LEASE: lease };
  const { stdout } = await run('bash', [script, 'up'], { env, maxBuffer: 1 << 20 }).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`scripts/services.sh up failed:\n${error.stderr ?? error.message}`);
  });
  return { ...serviceUrls(stdout), release: async () => void (await run('bash', [script, 'release', lease], { env })) };
}

/** The URLs `up` prints, as KEY=VALUE lines. */
function serviceUrls(stdout: string): { redisUrl: string; mongoUrl: string } {
  const values = new Map(
    stdout.split('\n').flatMap((line) => {
      const m = /^([A-Z_]+)=(.+)$/.exec(line.trim());
      return m ? [[m[1]!, m[2]!] as const] : [];
    }),
  );
  const redisUrl = values.get('REDIS_URL');
  const mongoUrl = values.get('MONGO_URL');
  if (!redisUrl || !mongoUrl) throw new Error(`scripts/services.sh up printed no URLs:\n${stdout}`);
  return { redisUrl, mongoUrl };
}
