import type { WriteConcernSettings } from 'mongodb';
import { connectMongo } from '../mongo/connect.js';
import { initialised } from '../mongo/initialised.js';
import type { KeyStore } from './key-store.js';
import { createMongoKeyStore } from './mongo-key-store.js';

/** Connects to MongoDB (or fails with ServiceUnavailableError in one line), then creates the key index. */
export async function openKeyStore(settings: { url: string; database: string; writeConcern?: WriteConcernSettings }): Promise<KeyStore> {
  const client = await connectMongo(settings.url);
  return initialised(createMongoKeyStore({ client, database: settings.database, ...(settings.writeConcern ? { writeConcern: settings.writeConcern } : {}) }));
}
