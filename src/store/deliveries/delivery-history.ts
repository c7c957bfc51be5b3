import type { DeliveryStatus } from '../../contracts/index.js';

/**
 * One entry of a delivery's history, as stored: an attempt's outcome (`delivered`, `failed`:
 * retried, `dead`: the last attempt failed) or a redrive (`reopened`, attempt 0 of its round).
 */
export interface DeliveryEvent {
  id: string;
  round: number;
  attempt: number;
  kind: 'delivered' | 'failed' | 'dead' | 'reopened';
  at: string;
  error?: string;
}

/** The outcome kinds that end or restart a series: the last of them says whether a delivery is a dead letter. */
export const TURNING_POINTS: readonly DeliveryEvent['kind'][] = ['delivered', 'dead', 'reopened'];

export interface DeliveryState {
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  deliveredAt?: string;
}

/**
 * A delivery's state from its history, in (round, attempt) order: the status of its latest
 * entry (no entry, a retried failure or a redrive: pending), attempts counted over every
 * round, the latest error, and when it was delivered. Pure, so a list folds many at once.
 */
export function foldHistory(events: readonly DeliveryEvent[]): DeliveryState {
  const ordered = [...events].sort((a, b) => a.round - b.round || a.attempt - b.attempt);
  const state: DeliveryState = { status: 'pending', attempts: 0 };
  for (const e of ordered) {
    if (e.kind !== 'reopened') state.attempts++;
    if (e.error !== undefined) state.lastError = e.error;
    if (e.kind === 'delivered') state.deliveredAt = e.at;
    state.status = e.kind === 'delivered' ? 'delivered' : e.kind === 'dead' ? 'failed' : 'pending';
  }
  return state;
}
