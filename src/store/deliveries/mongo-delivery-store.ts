import type { Db, WriteConcernSettings } from 'mongodb';
import { Delivery, DeliveryMessage, DeliverySummary } from '../../contracts/index.js';
import { InputError, NotFoundError } from '../../errors/index.js';
import { insertUnique } from '../mongo/insert-unique.js';
import { withTransientErrors } from '../mongo/transient-errors.js';
import { foldHistory, TURNING_POINTS, type DeliveryEvent } from './delivery-history.js';
import type { DeliveryStore } from './delivery-store.js';

/** The messages as queued (never updated) and their history (only inserted), in the installation's database. */
const DELIVERIES = 'deliveries';
const DELIVERY_EVENTS = 'deliveryEvents';

/** lastError is a status or an error class; cut, in case a message runs long. */
const ERROR_CHARS = 300;

/**
 * The delivery log on MongoDB, insert-only: a message is written once when queued, and each
 * attempt adds one history entry under a unique (id, round, attempt) key. Updating a
 * document in place costs FerretDB v1 a scan of the collection (measured: 15 ms per update at
 * 100 deliveries, 25 ms at 2,000, a 50-update bulkWrite 7.8 s), which a log that only grows
 * would pay on every attempt; an insert costs ~2 ms whatever the size. The status is read
 * back by folding the history (delivery-history.ts), which only list and redrive do.
 */
export function createMongoDeliveryStore(db: Db, writeConcern?: WriteConcernSettings): DeliveryStore & { init(): Promise<void> } {
  const options = writeConcern ? { writeConcern } : {};
  const messages = db.collection<DeliveryMessage>(DELIVERIES, options);
  const events = db.collection<DeliveryEvent>(DELIVERY_EVENTS, options);
  const NO_ID = { projection: { _id: 0 } } as const;

  const insertEvent = async (event: DeliveryEvent): Promise<boolean> => (await insertUnique(events, [{ ...event }])).inserted === 1;
  const historyOf = async (ids: readonly string[]): Promise<Map<string, DeliveryEvent[]>> => {
    const byId = new Map<string, DeliveryEvent[]>(ids.map((id) => [id, []]));
    for (const e of await events.find({ id: { $in: [...ids] } }, NO_ID).toArray()) byId.get(e.id)?.push(e);
    return byId;
  };
  const get = async (id: string): Promise<Delivery | null> => {
    const message = await messages.findOne({ id }, NO_ID);
    if (!message) return null;
    return Delivery.parse({ ...message, ...foldHistory((await historyOf([id])).get(id)!) });
  };

  return withTransientErrors({
    // One index per createIndexes call (FerretDB v1, see store/mongo/collections.ts).
    async init() {
      await messages.createIndexes([{ name: 'id', key: { id: 1 }, unique: true }]);
      await events.createIndexes([{ name: 'id_round_attempt', key: { id: 1, round: 1, attempt: 1 }, unique: true }]);
    },
    close: async () => {},

    async create(message: DeliveryMessage) {
      const doc = DeliveryMessage.parse(message);
      const created = (await insertUnique(messages, [{ ...doc }])).inserted === 1;
      return { delivery: Delivery.parse({ ...doc, status: 'pending', attempts: 0 }), created };
    },
    get,
    async list(filter: { failed: boolean; limit: number }) {
      let query = {};
      if (filter.failed) {
        // A dead letter: the last of its turning points (delivered, dead, reopened) is dead.
        const last = new Map<string, DeliveryEvent>();
        for (const e of await events.find({ kind: { $in: [...TURNING_POINTS] } }, NO_ID).toArray()) {
          const seen = last.get(e.id);
          if (!seen || e.round > seen.round || (e.round === seen.round && e.attempt > seen.attempt)) last.set(e.id, e);
        }
        query = { id: { $in: [...last.values()].filter((e) => e.kind === 'dead').map((e) => e.id) } };
      }
      const found = await messages
        .find(query, { projection: { _id: 0, payload: 0 } })
        .sort({ createdAt: -1, id: 1 })
        .limit(filter.limit)
        .toArray();
      const history = await historyOf(found.map((m) => m.id));
      return found.map((m) => DeliverySummary.parse({ ...m, ...foldHistory(history.get(m.id)!) }));
    },
    async recordAttempt(id, key, outcome) {
      const at = new Date().toISOString();
      if (outcome.delivered) await insertEvent({ id, ...key, kind: 'delivered', at });
      else await insertEvent({ id, ...key, kind: outcome.final ? 'dead' : 'failed', at, error: outcome.error.slice(0, ERROR_CHARS) });
    },
    async reopen(id: string) {
      const found = await get(id);
      if (!found) throw new NotFoundError(`no delivery '${id}' (frictionlens deliveries list shows them)`);
      if (found.status !== 'failed') throw new InputError(`delivery ${id} is ${found.status}: only a failed delivery (a dead letter) is redriven`);
      const rounds = (await historyOf([id])).get(id)!.map((e) => e.round);
      const round = Math.max(0, ...rounds) + 1;
      // Under the unique key, of two redrives at once one reopens it.
      if (!(await insertEvent({ id, round, attempt: 0, kind: 'reopened', at: new Date().toISOString() })))
        throw new InputError(`delivery ${id} was redriven meanwhile`);
      return { delivery: { ...found, status: 'pending' as const }, round };
    },
    async unopen(id: string, round: number) {
      await events.deleteOne({ id, round, attempt: 0, kind: 'reopened' });
    },
  });
}
