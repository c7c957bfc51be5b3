import type { Delivery, DeliveryMessage } from '../contracts/index.js';
import { DeliveryMessage as Message } from '../contracts/index.js';
import { newWebhookId } from '../deliver/webhook-id.js';
import { InputError, formatIssues } from '../errors/index.js';
import type { DeliveryQueue } from '../queue/delivery-queue.js';
import type { DeliveryStore } from '../store/deliveries/delivery-store.js';

/**
 * What a router hands over: a digest or an alert, for one subscription's endpoint. `id`: a
 * webhook id derived from what the message is about (a spike and a subscription, a digest's
 * period), so a message made twice (a retried job, a bucket recomputed) is queued once.
 */
export type Outgoing = Pick<DeliveryMessage, 'subscriptionId' | 'endpoint' | 'type' | 'payload'> & { id?: string };

/**
 * Makes a message of it (a new webhook id unless given, the time now), records it as
 * pending, then queues it: recorded first, so a message a worker sends is always in the log.
 * A message given an id that is recorded already is not queued again. A malformed one is an
 * InputError before anything is written.
 */
export async function enqueueDelivery(deliveries: DeliveryStore, queue: DeliveryQueue, outgoing: Outgoing): Promise<Delivery> {
  const parsed = Message.safeParse({ ...outgoing, id: outgoing.id ?? newWebhookId(), createdAt: new Date().toISOString() });
  if (!parsed.success) throw new InputError(`a webhook message: ${formatIssues(parsed.error)}`);
  const { delivery, created } = await deliveries.create(parsed.data);
  // A message of a given id recorded before was queued then; a new random id never collides.
  if (created || outgoing.id === undefined) await queue.add({ ...parsed.data, round: 0 });
  return delivery;
}
