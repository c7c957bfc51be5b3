import type { MongoClient, WriteConcernSettings } from 'mongodb';
import { Alert, Digest } from '../../contracts/index.js';
import { insertUnique } from '../mongo/insert-unique.js';
import { withTransientErrors } from '../mongo/transient-errors.js';
import type { RoutingStore } from './routing-store.js';

const DIGESTS = 'digests';
const ALERTS = 'alerts';

type DigestDoc = Digest & { _id: string };
type AlertDoc = Alert & { _id: string };

export interface MongoRoutingStoreOptions {
  client: MongoClient;
  database: string;
  writeConcern?: WriteConcernSettings;
  /** Closes the client with the store (the default); false when the caller shares it. */
  ownsClient?: boolean;
}

/**
 * Digests and alerts on MongoDB (FerretDB v1 in the tests), both keyed by _id: a digest by
 * subscription and period (replaced when built again: delete, then insert, as upserts cost
 * FerretDB a scan), an alert by its dedupe key (inserted once: a second claim is a
 * duplicate key, which is what makes one spike alert once across workers and retries).
 */
export function createMongoRoutingStore(options: MongoRoutingStoreOptions): RoutingStore & { init(): Promise<void> } {
  const db = options.client.db(options.database);
  const wc = options.writeConcern ? { writeConcern: options.writeConcern } : {};
  const digests = db.collection<DigestDoc>(DIGESTS, wc);
  const alerts = db.collection<AlertDoc>(ALERTS, wc);
  const NO_ID = { projection: { _id: 0 } } as const;

  return withTransientErrors({
    // One index per createIndexes call (FerretDB v1, see store/mongo/collections.ts).
    async init() {
      await digests.createIndexes([{ name: 'subscription', key: { subscriptionId: 1 } }]);
      await alerts.createIndexes([{ name: 'dataset', key: { dataset: 1 } }]);
    },
    async close() {
      if (options.ownsClient !== false) await options.client.close();
    },
    async putDigest(digest) {
      await digests.deleteMany({ _id: digest.id });
      await insertUnique(digests, [{ _id: digest.id, ...Digest.parse(digest) }]);
    },
    async digest(id) {
      const doc = await digests.findOne({ _id: id }, NO_ID);
      return doc && Digest.parse(doc);
    },
    async digests(subscriptionId) {
      const docs = await digests.find({ subscriptionId }, NO_ID).toArray();
      return docs.map((d) => Digest.parse(d)).sort((a, b) => b.period.from.localeCompare(a.period.from));
    },
    async claimAlert(alert) {
      return (await insertUnique(alerts, [{ _id: alert.key, ...Alert.parse(alert) }])).inserted === 1;
    },
    async alerts(dataset) {
      const docs = await alerts.find(dataset === undefined ? {} : { dataset }, NO_ID).toArray();
      return docs.map((a) => Alert.parse(a)).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.key.localeCompare(b.key));
    },
  });
}
