import { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../errors/index.js';
import { redactUrl } from '../core/redact/redact-url.js';

const PROBE_MS = 5_000;

/** Fails in one line, before any work, when Redis cannot be reached at all. */
export async function probeRedis(url: string): Promise<void> {
  let probe: Redis;
  try {
    probe = new Redis(url, { lazyConnect: true, connectTimeout: PROBE_MS, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  } catch (error) {
    throw new ServiceUnavailableError(`'${redactUrl(url)}' is not a Redis URL: ${(error as Error).message}`);
  }
  probe.on('error', () => {}); // reported through connect() below
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new ServiceUnavailableError(`cannot reach Redis at ${redactUrl(url)}: ${(error as Error).message.split('\n')[0]} (set REDIS_URL or --redis)`);
  } finally {
    probe.disconnect();
  }
}

/**
 * A connection for queues and workers. `maxRetriesPerRequest: null` (BullMQ requires it for
 * workers) makes commands wait while Redis is away and run once it is back, and the retry
 * strategy reconnects for ever, at most every 2 s: a restarted Redis is picked up again
 * without restarting workers or submitters. Connection errors go to `onError` (a log line),
 * not to an unhandled 'error' event.
 */
export function redisConnection(url: string, onError: (error: Error) => void = () => {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  redis.on('error', onError);
  return redis;
}
