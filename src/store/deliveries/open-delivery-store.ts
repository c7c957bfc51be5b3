import type { WriteConcernSettings } from 'mongodb';
import { connectMongo } from '../mongo/connect.js';
import { initialised } from '../mongo/initialised.js';
import { createMongoSubscriptionStore } from '../subscriptions/mongo-subscription-store.js';
import type { DeliveryStore } from './delivery-store.js';
import { createMongoDeliveryStore } from './mongo-delivery-store.js';
import type { SigningSecrets } from './signing-secrets.js';

/**
 * The delivery log and the subscriptions' secrets on one connection (ServiceUnavailableError
 * in one line when MongoDB is unreachable), the log's index made; close releases both. The
 * secrets are the subscription store's: read at each attempt, so a removed subscription's
 * messages stop (NotFoundError: not retried).
 */
export async function openDeliveryStore(settings: {
  url: string;
  database: string;
  writeConcern?: WriteConcernSettings;
}): Promise<DeliveryStore & { secrets: SigningSecrets }> {
  const client = await connectMongo(settings.url);
  const store = createMongoDeliveryStore(client.db(settings.database), settings.writeConcern);
  const subscriptions = createMongoSubscriptionStore({
    client,
    database: settings.database,
    ...(settings.writeConcern ? { writeConcern: settings.writeConcern } : {}),
  });
  return initialised({ ...store, secrets: { secretOf: (id: string) => subscriptions.signingSecret(id) }, close: () => client.close() });
}
