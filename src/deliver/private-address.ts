import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { InputError, TransientError } from '../errors/index.js';

/** One address a host name resolves to, as node:net connects to it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address of a host name (the system resolver, as node:http would use it); injectable for tests. */
export type ResolveHost = (host: string) => Promise<ResolvedAddress[]>;

const systemResolver: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/** `[::1]` (a URL's hostname) and `::1` (an allow-list entry) are the same host. */
const bareHost = (host: string): string => host.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** Hosts of FRICTIONLENS_WEBHOOK_ALLOW, comma-separated, as compared with an endpoint's host. */
export function parseAllowList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((h) => bareHost(h.trim()))
    .filter(Boolean);
}

/**
 * Why an address may not receive webhooks, or null when it is a public unicast address.
 * ipaddr.js names the range (loopback, private, linkLocal, carrierGradeNat, uniqueLocal,
 * unspecified, multicast, reserved, ...); only `unicast` is public. IPv4-mapped IPv6
 * (::ffff:10.0.0.1) is judged as the IPv4 address it is, and the IPv6 ranges that carry an
 * IPv4 address inside (6to4, NAT64's rfc6052, teredo) are refused with the rest: each could
 * reach a private IPv4 host.
 */
export function addressProblem(address: string): string | null {
  if (!ipaddr.isValid(address)) return `'${address}' is not an IP address`;
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

/**
 * The endpoint rule this module needs on its own: https, unless the host is allow-listed.
 * (core/routing/endpoint-policy.ts states the same rule for subscriptions; this copy keeps
 * delivery safe for an endpoint stored before the rule or by another path.)
 */
function schemeProblem(url: URL, allowed: boolean): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol} is not a webhook scheme`;
  if (url.protocol === 'http:' && !allowed) return `${url.host} is not in FRICTIONLENS_WEBHOOK_ALLOW, so its endpoint must be https`;
  return null;
}

/**
 * Where a webhook to `endpoint` may connect, decided at delivery time: null for a host in
 * the allow list (the operator vouches for it: resolved as usual, any scheme of http/https);
 * otherwise https is required and every address the host resolves to must be public. The
 * one address returned is the address to connect to (send-webhook.ts pins the connection to
 * it), so a host that answers a public address to this check and a private one to the
 * connection (DNS rebinding) still reaches only the address checked. Refusals are
 * InputErrors (retrying cannot change the policy); a failed resolution is transient.
 */
export async function endpointAddress(endpoint: string, allow: readonly string[], resolve: ResolveHost = systemResolver): Promise<ResolvedAddress | null> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InputError('the endpoint is not a URL');
  }
  const host = bareHost(url.hostname);
  const allowed = allow.includes(host);
  const scheme = schemeProblem(url, allowed);
  if (scheme) throw new InputError(`endpoint refused: ${scheme}`);
  if (allowed) return null;
  const refuse = (problem: string): never => {
    throw new InputError(`endpoint refused: ${problem}, and ${host} is not in FRICTIONLENS_WEBHOOK_ALLOW`);
  };
  if (ipaddr.isValid(host)) {
    const problem = addressProblem(host);
    if (problem) refuse(problem);
    return { address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    throw new TransientError(`cannot resolve ${host} (${(error as { code?: string }).code ?? (error as Error).name})`);
  }
  if (addresses.length === 0) throw new TransientError(`cannot resolve ${host} (no address)`);
  // Every address, not only the first: a resolver may rotate them, and one private address
  // among public ones is a way in.
  for (const { address } of addresses) {
    const problem = addressProblem(address);
    if (problem) refuse(`${host} resolves to ${problem}`);
  }
  return addresses[0]!;
}
