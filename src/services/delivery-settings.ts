import { parseAllowList } from '../deliver/private-address.js';
import { UsageError } from '../errors/index.js';
import { DEFAULT_DELIVERY_RETRIES, type DeliveryRetries } from '../queue/delivery-queue.js';

/** How webhooks are sent, from the environment (README "Webhooks"). */
export interface DeliverySettings {
  /** FRICTIONLENS_WEBHOOK_ALLOW: hosts that may be http and private (a receiver on the same network). */
  allow: string[];
  /** Set when a message is queued (attempts, backoff): a redrive takes today's settings. */
  retries: DeliveryRetries;
  /** FRICTIONLENS_WEBHOOK_TIMEOUT_MS: one attempt's limit (default 10 s). */
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export function deliverySettings(env: NodeJS.ProcessEnv = process.env): DeliverySettings {
  return {
    allow: parseAllowList(env.FRICTIONLENS_WEBHOOK_ALLOW),
    retries: {
      attempts: whole(env, 'FRICTIONLENS_WEBHOOK_ATTEMPTS', DEFAULT_DELIVERY_RETRIES.attempts, 1),
      backoffMs: whole(env, 'FRICTIONLENS_WEBHOOK_BACKOFF_MS', DEFAULT_DELIVERY_RETRIES.backoffMs, 0),
      jitter: DEFAULT_DELIVERY_RETRIES.jitter,
    },
    timeoutMs: whole(env, 'FRICTIONLENS_WEBHOOK_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 1),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${name}: '${text}' is not a whole number of at least ${min}`);
  return n;
}
