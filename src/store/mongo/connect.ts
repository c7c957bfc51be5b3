import { MongoClient } from 'mongodb';
import { ServiceUnavailableError } from '../../errors/index.js';
import { redactUrl } from '../../core/redact/redact-url.js';

/** How long start-up waits for MongoDB before saying it is unreachable. */
const PROBE_MS = 5_000;

/**
 * A connected client, or a ServiceUnavailableError in one line. A short-lived probe answers
 * "is it there at all" quickly; the client kept for work waits up to 30 s for a server on
 * each operation, so a short outage (a restart, a failover) delays writes instead of failing
 * them, and a longer one fails them into the job's retries.
 */
export async function connectMongo(url: string, probeMs = PROBE_MS): Promise<MongoClient> {
  let probe: MongoClient;
  try {
    probe = new MongoClient(url, { serverSelectionTimeoutMS: probeMs, connectTimeoutMS: probeMs });
  } catch (error) {
    throw new ServiceUnavailableError(`'${redactUrl(url)}' is not a MongoDB URL: ${(error as Error).message}`);
  }
  try {
    await probe.db('admin').command({ ping: 1 });
  } catch (error) {
    throw new ServiceUnavailableError(`cannot reach MongoDB at ${redactUrl(url)}: ${reason(error)} (set MONGO_URL or --mongo)`);
  } finally {
    await probe.close().catch(() => {});
  }
  // ignoreUndefined: optional fields left undefined are omitted, as the contracts expect,
  // instead of being stored as null.
  const client = new MongoClient(url, { ignoreUndefined: true, serverSelectionTimeoutMS: 30_000 });
  await client.connect();
  return client;
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
