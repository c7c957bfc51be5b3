import type { Delivery } from '../contracts/index.js';
import type { DeliveryQueue } from '../queue/delivery-queue.js';
import type { DeliveryStore } from '../store/deliveries/delivery-store.js';

/**
 * Sends a dead letter again: the same message under the same webhook id (the receiver's
 * idempotency key), with a fresh series of attempts; each attempt is signed with its own
 * timestamp. When it cannot be queued, the record is put back to failed, so it stays a
 * dead letter to redrive later instead of a pending message no worker has.
 */
export async function redriveDelivery(deliveries: DeliveryStore, queue: DeliveryQueue, id: string): Promise<Delivery> {
  const { delivery, round } = await deliveries.reopen(id);
  const { status: _s, attempts: _a, lastError: _e, deliveredAt: _d, ...message } = delivery;
  try {
    await queue.add({ ...message, round });
  } catch (error) {
    await deliveries.unopen(id, round).catch(() => {});
    throw error;
  }
  return delivery;
}
