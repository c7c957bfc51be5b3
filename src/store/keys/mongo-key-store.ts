import { randomBytes } from 'node:crypto';
import type { MongoClient, WriteConcernSettings } from 'mongodb';
import { ApiKey, type Scope } from '../../contracts/index.js';
import { formatKey, parseKey } from '../../core/keys/key-format.js';
import { NotFoundError } from '../../errors/index.js';
import { withTransientErrors } from '../mongo/transient-errors.js';
import type { KeyStore } from './key-store.js';
import { hashSecret, sameHash } from './secret-hash.js';

/** The collection of API keys, in the installation's database. */
const API_KEYS = 'apiKeys';

/** A stored key: its record and the hash of its secret (secret-hash.ts); the secret itself is never stored. */
type KeyDoc = ApiKey & { hash: string };

const RECORD = { projection: { _id: 0, hash: 0 } } as const;

export interface MongoKeyStoreOptions {
  client: MongoClient;
  database: string;
  writeConcern?: WriteConcernSettings;
}

/**
 * API keys on MongoDB (FerretDB v1 in the tests): one document per key, read by its id under
 * a unique index. Every request of a server that requires keys reads one, so the collection
 * stays small (keys are few) and the read is by equality on the id.
 */
export function createMongoKeyStore(options: MongoKeyStoreOptions): KeyStore & { init(): Promise<void> } {
  const keys = options.client.db(options.database).collection<KeyDoc>(API_KEYS, options.writeConcern ? { writeConcern: options.writeConcern } : {});
  const record = (doc: unknown): ApiKey => ApiKey.parse(doc);

  return withTransientErrors({
    // One index per createIndexes call (FerretDB v1, see store/mongo/collections.ts).
    init: async () => void (await keys.createIndexes([{ name: 'id', key: { id: 1 }, unique: true }])),
    close: () => options.client.close(),

    async create(name: string, scopes: readonly Scope[]) {
      // 64 bits of id: a collision is as likely as not after ~4 billion keys, and would
      // fail the insert on the unique index rather than share a record.
      const id = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      const doc = { ...record({ id, name, scopes: [...scopes], createdAt: new Date().toISOString() }), hash: hashSecret(secret) };
      await keys.insertOne(doc);
      return { id, key: formatKey({ id, secret }) };
    },
    async list() {
      return (await keys.find({}, RECORD).sort({ createdAt: 1, id: 1 }).toArray()).map(record);
    },
    async revoke(id: string) {
      const found = await keys.findOne({ id }, RECORD);
      if (!found) throw new NotFoundError(`no key '${id}' (frictionlens keys list shows them)`);
      if (found.revokedAt !== undefined) return record(found);
      const revokedAt = new Date().toISOString();
      await keys.updateOne({ id }, { $set: { revokedAt } });
      return record({ ...found, revokedAt });
    },
    async verify(key: string) {
      const parts = parseKey(key);
      if (!parts) return null;
      const doc = await keys.findOne({ id: parts.id }, { projection: { _id: 0 } });
      if (!doc || doc.revokedAt !== undefined || !sameHash(hashSecret(parts.secret), doc.hash)) return null;
      const { hash: _hash, ...rest } = doc;
      return record(rest);
    },
  });
}
