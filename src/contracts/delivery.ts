import { z } from 'zod';

const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/**
 * The webhook id (Standard Webhooks' `webhook-id`): `msg_` and a random part, made once per
 * message. It is the receiver's idempotency key: every attempt and every redrive of a
 * delivery re-sends the same id, so a receiver that saw it already can drop the copy.
 */
const WebhookId = z.string().regex(/^msg_[A-Za-z0-9_-]{8,64}$/, 'a webhook id is msg_ followed by 8-64 letters, digits, _ or -');

/** What happened, `family.event` in lower case: `digest.created`, `alert.spike`. */
const WebhookType = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'a webhook type is dotted lower-case words, e.g. digest.created');

/** What a delivery job carries: all a worker needs to sign and send one message. */
export const DeliveryMessage = z.object({
  id: WebhookId,
  subscriptionId: z.string().min(1).max(200),
  endpoint: z.url({ protocol: /^https?$/ }),
  type: WebhookType,
  /** The message's data (a digest, an alert), sent as the body's `data`. */
  payload: z.record(z.string(), z.json()),
  createdAt: z.iso.datetime(),
});
export type DeliveryMessage = z.infer<typeof DeliveryMessage>;

/**
 * A queued attempt series: the message and its round (0 when first queued, one more per
 * redrive), which with the attempt number keys each outcome in the delivery log.
 */
export const DeliveryJob = DeliveryMessage.extend({ round: z.number().int().nonnegative() });
export type DeliveryJob = z.infer<typeof DeliveryJob>;

/**
 * A message and its fate, in the `deliveries` collection. `lastError` says why the last
 * attempt failed in terms that hold no personal data (an HTTP status, an error class, a
 * refused address): the receiver's response body is never read into it.
 */
export const Delivery = DeliveryMessage.extend({
  status: DeliveryStatus,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().max(300).optional(),
  deliveredAt: z.iso.datetime().optional(),
});
export type Delivery = z.infer<typeof Delivery>;

/** A delivery as listed: everything but its payload (a digest can be large). */
export const DeliverySummary = Delivery.omit({ payload: true });
export type DeliverySummary = z.infer<typeof DeliverySummary>;
