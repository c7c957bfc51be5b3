import type { WriteConcernSettings } from 'mongodb';
import { connectMongo } from '../mongo/connect.js';
import { initialised } from '../mongo/initialised.js';
import { createMongoRoutingStore } from './mongo-routing-store.js';
import type { RoutingStore } from './routing-store.js';

/** Connects to MongoDB (or fails with ServiceUnavailableError in one line), then creates the routing indexes. */
export async function openRoutingStore(settings: { url: string; database: string; writeConcern?: WriteConcernSettings }): Promise<RoutingStore> {
  const client = await connectMongo(settings.url);
  return initialised(
    createMongoRoutingStore({ client, database: settings.database, ...(settings.writeConcern ? { writeConcern: settings.writeConcern } : {}) }),
  );
}
