import { Webhook } from 'standardwebhooks';
import { InputError } from '../../errors/index.js';

/** The three headers of a Standard Webhooks message (https://www.standardwebhooks.com/). */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs one attempt of a message: `v1,` and the base64 HMAC-SHA256, keyed by the secret
 * (`whsec_` and base64), of `id.timestamp.body`. The timestamp (Unix seconds) is the
 * attempt's, not the message's: receivers refuse one older than their tolerance (5 minutes
 * in the standardwebhooks package), so a captured request cannot be replayed later, and a
 * retry an hour on is signed afresh under the same id. The signing itself is the
 * standardwebhooks package's, the one receivers verify with.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): WebhookHeaders {
  if (!/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)) throw new InputError('a webhook signing secret is whsec_ followed by base64');
  const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}
