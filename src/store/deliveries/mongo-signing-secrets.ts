import type { Db } from 'mongodb';
import { NotFoundError } from '../../errors/index.js';
import { withTransientErrors } from '../mongo/transient-errors.js';
import type { SigningSecrets } from './signing-secrets.js';

/** The collection of subscriptions: each document has its `id` and the `secret` it signs with. */
const SUBSCRIPTIONS = 'subscriptions';

/**
 * Secrets read from the subscriptions collection at each attempt, not copied into the
 * delivery: a rotated secret signs the next attempt, and a removed subscription's messages
 * stop (NotFoundError: not retried). Subscriptions are few, so the read is small.
 */
export function createMongoSigningSecrets(db: Db): SigningSecrets {
  const subscriptions = db.collection<{ id: string; secret: string }>(SUBSCRIPTIONS);
  return withTransientErrors({
    async secretOf(subscriptionId: string) {
      const found = await subscriptions.findOne({ id: subscriptionId }, { projection: { _id: 0, secret: 1 } });
      if (typeof found?.secret !== 'string') throw new NotFoundError(`subscription '${subscriptionId}' is gone, or has no signing secret`);
      return found.secret;
    },
  });
}
