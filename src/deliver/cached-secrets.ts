import type { SigningSecrets } from '../store/deliveries/signing-secrets.js';

/** More subscriptions than this in one worker's memory: the cache starts over rather than grow. */
const MAX_ENTRIES = 10_000;

/**
 * Keeps each subscription's secret for `ttlMs`, so a worker sending many messages to one
 * subscription reads it once, not once per attempt (a MongoDB round trip each, on a store
 * that serialises its writes). The price: a rotated secret or a removed subscription takes
 * effect on this worker up to `ttlMs` later. A missing subscription is not kept.
 */
export function cachedSecrets(source: SigningSecrets, ttlMs: number, now: () => number = Date.now): SigningSecrets {
  const cache = new Map<string, { secret: string; until: number }>();
  return {
    async secretOf(subscriptionId) {
      const hit = cache.get(subscriptionId);
      if (hit && hit.until > now()) return hit.secret;
      const secret = await source.secretOf(subscriptionId);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(subscriptionId, { secret, until: now() + ttlMs });
      return secret;
    },
  };
}
