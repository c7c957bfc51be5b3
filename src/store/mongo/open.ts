import type { WriteConcernSettings } from 'mongodb';
import type { Store } from '../store.js';
import { connectMongo } from './connect.js';
import { initialised } from './initialised.js';
import { createMongoStore } from './mongo-store.js';

export interface MongoSettings {
  url: string;
  database: string;
  writeConcern?: WriteConcernSettings;
}

/** Connects (or fails with ServiceUnavailableError), then creates the declared indexes. */
export async function openMongoStore(settings: MongoSettings): Promise<Store> {
  const client = await connectMongo(settings.url);
  return initialised(createMongoStore({ client, database: settings.database, ...(settings.writeConcern ? { writeConcern: settings.writeConcern } : {}) }));
}
