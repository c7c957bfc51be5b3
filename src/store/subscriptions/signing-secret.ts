import { randomBytes } from 'node:crypto';

/**
 * A Standard Webhooks signing secret: `whsec_` and the base64 of 32 random bytes (the
 * specification asks for 24 to 64; 32 is the key size of its HMAC-SHA256). The
 * `standardwebhooks` package reads this form as it is, on both the sender and the receiver.
 */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;
