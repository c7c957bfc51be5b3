import { createHash } from 'node:crypto';
import type { Channel, Turn } from '../contracts/index.js';

/**
 * The id of a verbatim whose source has none: identical rows get identical ids, so a row
 * exported twice is caught as a duplicate. sha1 is used as a fingerprint, not for security;
 * 16 hex characters (64 bits) keep collisions negligible at millions of rows.
 */
export function contentId(channel: Channel, content: { text?: string; turns?: Turn[] }, createdAt: string): string {
  const body = content.text ?? JSON.stringify(content.turns ?? []);
  return createHash('sha1').update(`${channel}\u0000${createdAt}\u0000${body}`).digest('hex').slice(0, 16);
}
