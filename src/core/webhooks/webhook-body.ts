import type { DeliveryMessage } from '../../contracts/index.js';

/**
 * The body of a webhook, in the shape the Standard Webhooks specification recommends:
 * `{"type", "timestamp", "data"}`. The timestamp is when the message was made, so every
 * attempt of one message sends the same bytes; only the signature headers change.
 */
export function webhookBody(message: Pick<DeliveryMessage, 'type' | 'createdAt' | 'payload'>): string {
  return JSON.stringify({ type: message.type, timestamp: message.createdAt, data: message.payload });
}
