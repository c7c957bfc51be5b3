import type { WriteConcernSettings } from 'mongodb';
import { connectMongo } from '../mongo/connect.js';
import { initialised } from '../mongo/initialised.js';
import { createMongoSubscriptionStore } from './mongo-subscription-store.js';
import type { SubscriptionStore } from './subscription-store.js';

/** Connects to MongoDB (or fails with ServiceUnavailableError in one line), then creates the subscription index. */
export async function openSubscriptionStore(settings: { url: string; database: string; writeConcern?: WriteConcernSettings }): Promise<SubscriptionStore> {
  const client = await connectMongo(settings.url);
  return initialised(
    createMongoSubscriptionStore({ client, database: settings.database, ...(settings.writeConcern ? { writeConcern: settings.writeConcern } : {}) }),
  );
}
