/**
 * Whether a webhook endpoint may be used: an absolute http(s) URL, https unless its host is
 * in `allow` (FRICTIONLENS_WEBHOOK_ALLOW: hosts a test or a private network serves over
 * plain http, such as 127.0.0.1). A secret-signed payload with customers' quotes must not
 * cross a network in clear. Null when fine, else the reason. Whether a host resolves to a
 * private address is the delivery's check (it needs DNS), not this one.
 */
export function checkEndpoint(url: string, allow: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `'${url}' is not an absolute URL`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `'${url}': only https endpoints (not ${parsed.protocol.slice(0, -1)})`;
  if (parsed.username !== '' || parsed.password !== '')
    return `'${url}': credentials in the URL would be stored and shown; put them in the path or a query token`;
  // URL keeps IPv6 hosts in brackets; the allow list names them bare.
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (
    parsed.protocol === 'http:' &&
    !allow.some(
      (h) =>
        h
          .trim()
          .toLowerCase()
          .replace(/^\[|\]$/g, '') === host,
    )
  )
    return `'${url}': endpoints must be https (http only for hosts in FRICTIONLENS_WEBHOOK_ALLOW${allow.length ? `: ${allow.join(', ')}` : ', which is empty'})`;
  return null;
}
