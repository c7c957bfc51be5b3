import type { Delivery, DeliveryMessage, DeliverySummary } from '../../contracts/index.js';

/** What one attempt came to: delivered, or an error (the last one: `final`, a dead letter). */
type AttemptOutcome = { delivered: true } | { delivered: false; error: string; final: boolean };

/** Where an attempt sits in a delivery's history: its round (0, then one per redrive) and its attempt number in that round (from 1). */
interface AttemptKey {
  round: number;
  attempt: number;
}

/**
 * The delivery log: each webhook message as queued, and what became of each attempt. A
 * delivery's status, attempts, last error and delivery time are read from its outcomes.
 * `deliveries list` shows it; `deliveries redrive` re-sends a dead letter from it.
 */
export interface DeliveryStore {
  /**
   * Records a new message as pending; recording the same id again is a no-op (an enqueue
   * retried, a message made twice), which `created` says, in the same write.
   */
  create(message: DeliveryMessage): Promise<{ delivery: Delivery; created: boolean }>;
  /** The delivery, or null for an unknown id. */
  get(id: string): Promise<Delivery | null>;
  /** Newest first, without payloads; only the dead letters when `failed`. */
  list(filter: { failed: boolean; limit: number }): Promise<DeliverySummary[]>;
  /** One attempt's outcome; writing the same attempt again is a no-op (a stalled job run twice). */
  recordAttempt(id: string, key: AttemptKey, outcome: AttemptOutcome): Promise<void>;
  /**
   * A dead letter made pending again for a redrive, and its new round; NotFoundError for an
   * unknown id, InputError for one that is not failed (pending: still being tried; delivered).
   */
  reopen(id: string): Promise<{ delivery: Delivery; round: number }>;
  /** Undoes a reopen whose message could not be queued: a dead letter again. */
  unopen(id: string, round: number): Promise<void>;
  close(): Promise<void>;
}
