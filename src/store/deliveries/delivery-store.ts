import type { Delivery, DeliveryMessage, DeliveryStatus, DeliverySummary } from '../../contracts/index.js';

/**
 * The delivery log: one record per webhook message, its status and attempts. The message
 * itself travels in its queue job; the record is what `deliveries list` shows and what
 * `deliveries redrive` re-sends from once the job has failed for good (a dead letter).
 */
export interface DeliveryStore {
  /** Records a new message as pending; recording the same id again is a no-op (an enqueue retried). */
  create(message: DeliveryMessage): Promise<Delivery>;
  /** The record, or null for an unknown id. */
  get(id: string): Promise<Delivery | null>;
  /** Newest first, without payloads; only those of `status` when given. */
  list(filter: { status?: DeliveryStatus; limit: number }): Promise<DeliverySummary[]>;
  /** One attempt delivered it (a 2xx). */
  markDelivered(id: string, deliveredAt: string): Promise<void>;
  /** One attempt failed; `final`: it was the last one, and the delivery is a dead letter (status failed). */
  recordFailure(id: string, lastError: string, final: boolean): Promise<void>;
  /**
   * A dead letter made pending again, for a redrive; NotFoundError for an unknown id,
   * InputError for one that is not failed (pending: still being tried; delivered: done).
   */
  reopen(id: string): Promise<Delivery>;
  /** Undoes a reopen whose message could not be queued: failed again, attempts unchanged. */
  unopen(id: string): Promise<void>;
  close(): Promise<void>;
}
