/**
 * The text of an API key: `fl_<id>_<secret>`. The id (16 hex digits) names the stored
 * record, so a key is checked by reading one record by id, never by scanning or hashing
 * against every key; the secret (32 random bytes, base64url: 43 characters) is what proves
 * it. The `fl_` prefix lets secret scanners and people recognise a leaked key.
 */
const KEY = /^fl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface KeyParts {
  id: string;
  secret: string;
}

export const formatKey = (parts: KeyParts): string => `fl_${parts.id}_${parts.secret}`;

/** The id and secret of a key, or null for any text that is not one (nothing is thrown: a bad key is a 401, not a bug). */
export function parseKey(text: string): KeyParts | null {
  const match = KEY.exec(text);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/**
 * The credentials of an `Authorization: Bearer KEY` header (RFC 6750; the scheme is
 * case-insensitive), or null when the header is absent or of another scheme.
 */
export function bearerToken(header: string | undefined): string | null {
  const match = header === undefined ? null : /^bearer +(\S+) *$/i.exec(header);
  return match ? match[1]! : null;
}
