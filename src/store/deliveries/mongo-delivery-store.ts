import { MongoServerError, type Db, type WriteConcernSettings } from 'mongodb';
import { Delivery, DeliverySummary, type DeliveryMessage, type DeliveryStatus } from '../../contracts/index.js';
import { InputError, NotFoundError } from '../../errors/index.js';
import { withTransientErrors } from '../mongo/transient-errors.js';
import type { DeliveryStore } from './delivery-store.js';

/** The collection of the delivery log, in the installation's database. */
const DELIVERIES = 'deliveries';

const DUPLICATE_KEY = 11000;

/** lastError is a status or an error class; cut, in case a message runs long. */
const ERROR_CHARS = 300;

/**
 * The delivery log on MongoDB (FerretDB v1 in the tests). Every write is an update of one
 * document by its id under a unique index (1-2 ms on FerretDB, ../shared/SERVICES.md); no
 * upserts, no counting. Attempts are counted with $inc, so a redrive's attempts add to the
 * first ones.
 */
export function createMongoDeliveryStore(db: Db, writeConcern?: WriteConcernSettings): DeliveryStore & { init(): Promise<void> } {
  const deliveries = db.collection<Delivery>(DELIVERIES, writeConcern ? { writeConcern } : {});
  const record = (doc: unknown): Delivery => Delivery.parse(doc);

  return withTransientErrors({
    // One index per createIndexes call (FerretDB v1, see store/mongo/collections.ts).
    init: async () => void (await deliveries.createIndexes([{ name: 'id', key: { id: 1 }, unique: true }])),
    close: async () => {},

    async create(message: DeliveryMessage) {
      const doc = record({ ...message, status: 'pending', attempts: 0 });
      try {
        await deliveries.insertOne({ ...doc });
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      }
      return doc;
    },
    async get(id: string) {
      const found = await deliveries.findOne({ id }, { projection: { _id: 0 } });
      return found ? record(found) : null;
    },
    async list(filter: { status?: DeliveryStatus; limit: number }) {
      const docs = await deliveries
        .find(filter.status ? { status: filter.status } : {}, { projection: { _id: 0, payload: 0 } })
        .sort({ createdAt: -1, id: 1 })
        .limit(filter.limit)
        .toArray();
      return docs.map((d) => DeliverySummary.parse(d));
    },
    async markDelivered(id: string, deliveredAt: string) {
      await deliveries.updateOne({ id }, { $inc: { attempts: 1 }, $set: { status: 'delivered', deliveredAt } });
    },
    async recordFailure(id: string, lastError: string, final: boolean) {
      const set = { lastError: lastError.slice(0, ERROR_CHARS), ...(final ? { status: 'failed' as const } : {}) };
      await deliveries.updateOne({ id }, { $inc: { attempts: 1 }, $set: set });
    },
    async reopen(id: string) {
      const found = await deliveries.findOne({ id }, { projection: { _id: 0 } });
      if (!found) throw new NotFoundError(`no delivery '${id}' (frictionlens deliveries list shows them)`);
      if (found.status !== 'failed') throw new InputError(`delivery ${id} is ${found.status}: only a failed delivery (a dead letter) is redriven`);
      // Conditional on the status read: of two redrives at once, one reopens it.
      const { modifiedCount } = await deliveries.updateOne({ id, status: 'failed' }, { $set: { status: 'pending' } });
      if (modifiedCount === 0) throw new InputError(`delivery ${id} was redriven meanwhile`);
      return record({ ...found, status: 'pending' });
    },
    async unopen(id: string) {
      await deliveries.updateOne({ id, status: 'pending' }, { $set: { status: 'failed' } });
    },
  });
}
