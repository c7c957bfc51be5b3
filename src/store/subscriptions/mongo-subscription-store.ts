import { randomBytes } from 'node:crypto';
import type { MongoClient, WriteConcernSettings } from 'mongodb';
import { Subscription, type SubscriptionRequest } from '../../contracts/index.js';
import { NotFoundError } from '../../errors/index.js';
import { withTransientErrors } from '../mongo/transient-errors.js';
import { newSigningSecret } from './signing-secret.js';
import type { SubscriptionStore } from './subscription-store.js';

/** The collection of digest subscriptions, in the installation's database. */
const SUBSCRIPTIONS = 'subscriptions';

/** A stored subscription: its record and its signing secret (needed to sign, so kept as it is). */
type SubscriptionDoc = Subscription & { secret: string };

const RECORD = { projection: { _id: 0, secret: 0 } } as const;

interface MongoSubscriptionStoreOptions {
  client: MongoClient;
  database: string;
  writeConcern?: WriteConcernSettings;
}

const notFound = (id: string): NotFoundError => new NotFoundError(`no subscription '${id}' (frictionlens subscriptions list shows them)`);

/**
 * Subscriptions on MongoDB (FerretDB v1 in the tests): one document per subscription, read by
 * its id under a unique index. Facets are kept as "FIELD=VALUE" strings in an array, never
 * as keys (`attributes.region` as a field name would be a dotted path).
 */
export function createMongoSubscriptionStore(options: MongoSubscriptionStoreOptions): SubscriptionStore & { init(): Promise<void> } {
  const subscriptions = options.client
    .db(options.database)
    .collection<SubscriptionDoc>(SUBSCRIPTIONS, options.writeConcern ? { writeConcern: options.writeConcern } : {});
  const record = (doc: unknown): Subscription => Subscription.parse(doc);
  // Ids come from the CLI and URLs: anything but a string is no id (never an operator object).
  const byId = async (id: string): Promise<Subscription> => {
    const found = typeof id === 'string' ? await subscriptions.findOne({ id }, RECORD) : null;
    if (!found) throw notFound(String(id));
    return record(found);
  };

  return withTransientErrors({
    // One index per createIndexes call (FerretDB v1, see store/mongo/collections.ts).
    init: async () => void (await subscriptions.createIndexes([{ name: 'id', key: { id: 1 }, unique: true }])),
    close: () => options.client.close(),

    async add(request: SubscriptionRequest) {
      // 64 bits of id, as for API keys: a collision fails the insert on the unique index.
      const subscription = record({ ...request, id: randomBytes(8).toString('hex'), createdAt: new Date().toISOString() });
      const secret = newSigningSecret();
      await subscriptions.insertOne({ ...subscription, secret });
      return { subscription, secret };
    },
    async list() {
      return (await subscriptions.find({}, RECORD).sort({ createdAt: 1, id: 1 }).toArray()).map(record);
    },
    get: byId,
    async remove(id: string) {
      const found = await byId(id);
      await subscriptions.deleteOne({ id: found.id });
      return found;
    },
    async signingSecret(id: string) {
      const found = typeof id === 'string' ? await subscriptions.findOne({ id }, { projection: { _id: 0, secret: 1 } }) : null;
      if (!found) throw notFound(String(id));
      return found.secret;
    },
  });
}
