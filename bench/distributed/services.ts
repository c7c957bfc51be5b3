import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';

const run = promisify(execFile);
const script = join(import.meta.dirname, '..', '..', 'scripts', 'services.sh');

/**
 * REDIS_URL / MONGO_URL if set, else the project's own Redis and FerretDB, started under a
 * lease (stopped at the end if this bench started them), like the tests' global setup.
 */
export async function acquireServices(): Promise<{ redisUrl: string; mongoUrl: string; release(): Promise<void> }> {
  const lease = String(process.pid);
  const env = { ...process.env, FRICTIONLENS_LEASE: lease };
  const { stdout } = await run('bash', [script, 'up'], { env });
  // `up` prints REDIS_URL / MONGO_URL: the ones in the environment, else its own servers'.
  const urls = new Map(stdout.split('\n').flatMap((line) => (/^([A-Z_]+)=(.+)$/.exec(line) ? [[line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const] : [])));
  const redisUrl = urls.get('REDIS_URL');
  const mongoUrl = urls.get('MONGO_URL');
  if (!redisUrl || !mongoUrl) throw new Error(`services.sh up printed no URLs:\n${stdout}`);
  return { redisUrl, mongoUrl, release: async () => void (await run('bash', [script, 'release', lease], { env })) };
}

/** "FerretDB v1.24.2 (MongoDB 7.0.42 wire protocol)" or "MongoDB 8.0.4". */
export async function describeMongo(url: string): Promise<string> {
  const client = new MongoClient(url);
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion} (speaking MongoDB ${info.version})` : `MongoDB ${info.version}`;
  } finally {
    await client.close();
  }
}
