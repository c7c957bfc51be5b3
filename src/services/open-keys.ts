import type { KeyStore } from '../store/keys/key-store.js';
import { openKeyStore } from '../store/keys/open-key-store.js';
import { type ServiceFlags, serviceSettings } from './settings.js';

/** The key store in the MongoDB the flags (else MONGO_URL, FRICTIONLENS_DB) name; ServiceUnavailableError when unreachable. */
export async function openKeys(flags: ServiceFlags): Promise<KeyStore> {
  const settings = serviceSettings(flags);
  return openKeyStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern });
}
