import { createHash, randomBytes } from 'node:crypto';

/** A new webhook id: `msg_` and 128 random bits (base64url), unique without coordination between workers. */
export const newWebhookId = (): string => `msg_${randomBytes(16).toString('base64url')}`;

/** The webhook id of a message about `subject` (e.g. "alert/KEY/SUBSCRIPTION"): the same subject, the same id, so it is sent once. */
export const webhookIdOf = (subject: string): string => `msg_${createHash('sha256').update(subject).digest('base64url').slice(0, 32)}`;
