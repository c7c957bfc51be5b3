import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { DeliveryMessage } from '../contracts/index.js';
import { signWebhook } from '../core/webhooks/sign-webhook.js';
import { webhookBody } from '../core/webhooks/webhook-body.js';
import { TransientError } from '../errors/index.js';
import { endpointAddress, type ResolveHost, type ResolvedAddress } from './private-address.js';

export interface SendOptions {
  /** Hosts exempt from the https and public-address rules (FRICTIONLENS_WEBHOOK_ALLOW). */
  allow: readonly string[];
  /** One attempt's limit, connection to last header; then it fails as transient. */
  timeoutMs: number;
  resolve?: ResolveHost;
  /** The attempt's clock (Unix ms), for its webhook-timestamp. */
  now?: () => number;
}

/** What is read of a response body before the connection is dropped: it is never used, only drained. */
const DRAIN_LIMIT = 64 * 1024;

/**
 * Sends one attempt of a message: checks where it may go (private-address.ts), signs it
 * with this attempt's timestamp, POSTs it, and resolves only on a 2xx. Anything else throws
 * TransientError, to be retried with backoff: a non-2xx status (a 3xx too: redirects are
 * not followed, as node:http never does, since a redirect could lead to an address that was
 * not checked), a connection failure or the timeout. A refused endpoint throws InputError.
 * Messages name a status or an error code, never the endpoint (its path may hold a token,
 * as Slack's do) nor the response body (it may hold anything).
 */
export async function sendWebhook(message: DeliveryMessage, secret: string, options: SendOptions): Promise<void> {
  const address = await endpointAddress(message.endpoint, options.allow, options.resolve);
  const body = webhookBody(message);
  const timestamp = Math.floor((options.now ?? Date.now)() / 1000);
  const headers = signWebhook(secret, message.id, timestamp, body);
  const status = await post(new URL(message.endpoint), body, { ...headers }, address, options.timeoutMs);
  if (status >= 200 && status < 300) return;
  throw new TransientError(status >= 300 && status < 400 ? `HTTP ${status} (a redirect: not followed)` : `HTTP ${status}`);
}

/** Connects to the checked address whatever the host name resolves to now; the URL's host still names the TLS server. */
export function pinnedTo(to: ResolvedAddress): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) callback(null, [to]);
    else callback(null, to.address, to.family);
  };
}

function post(url: URL, body: string, headers: Record<string, string>, address: ResolvedAddress | null, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'frictionlens-webhooks' },
        signal,
        ...(address ? { lookup: pinnedTo(address) } : {}),
      },
      (response) => {
        drain(response);
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      reject(new TransientError(signal.aborted ? `timeout after ${timeoutMs} ms` : `connection failed (${error.code ?? error.name})`));
    });
    request.end(body);
  });
}

/** Reads and drops the body so a kept-alive connection can be reused; a long one is cut. */
function drain(response: IncomingMessage): void {
  let read = 0;
  response.on('error', () => {});
  response.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > DRAIN_LIMIT) response.destroy();
  });
}
