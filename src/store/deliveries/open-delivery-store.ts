import type { WriteConcernSettings } from 'mongodb';
import { connectMongo } from '../mongo/connect.js';
import { initialised } from '../mongo/initialised.js';
import type { DeliveryStore } from './delivery-store.js';
import { createMongoDeliveryStore } from './mongo-delivery-store.js';
import { createMongoSigningSecrets } from './mongo-signing-secrets.js';
import type { SigningSecrets } from './signing-secrets.js';

/**
 * The delivery log and the subscriptions' secrets on one connection (ServiceUnavailableError
 * in one line when MongoDB is unreachable), the log's index made; close releases both.
 */
export async function openDeliveryStore(settings: {
  url: string;
  database: string;
  writeConcern?: WriteConcernSettings;
}): Promise<DeliveryStore & { secrets: SigningSecrets }> {
  const client = await connectMongo(settings.url);
  const db = client.db(settings.database);
  const store = createMongoDeliveryStore(db, settings.writeConcern);
  return initialised({ ...store, secrets: createMongoSigningSecrets(db), close: () => client.close() });
}
