import { randomBytes } from 'node:crypto';

/** A new webhook id: `msg_` and 128 random bits (base64url), unique without coordination between workers. */
export const newWebhookId = (): string => `msg_${randomBytes(16).toString('base64url')}`;
