import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The stored form of a key's secret: SHA-256, hex. A fast hash is enough here, unlike for
 * passwords: the secret is 32 random bytes (256 bits), so a stolen hash cannot be reversed
 * by guessing, and a slow KDF (scrypt, argon2) would only slow every request down.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Whether two hashes are equal, compared in constant time (crypto.timingSafeEqual), so the
 * time a wrong key takes to be refused says nothing about how much of it was right.
 * Hashes of different lengths (never two SHA-256 digests) are unequal without comparing.
 */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
