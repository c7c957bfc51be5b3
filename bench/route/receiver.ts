import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A subscriber's receiver on loopback: verifies each request as a real one would, answers 204, notes when each webhook id arrived. */
export interface BenchReceiver {
  url: string;
  /** Arrival time (performance.now()) of each verified webhook id, the first time it came. */
  arrivals: Map<string, number>;
  /** The same as wall-clock time (Date.now()), to compare with times stored elsewhere (a run's end). */
  arrivedAt: Map<string, number>;
  /** Requests whose signature did not verify (goal: 0). */
  refused(): number;
  close(): Promise<void>;
}

/** `secret`: the subscription's, or a getter when the subscription is made after the receiver (it needs the receiver's URL). */
export async function startReceiver(secret: string | (() => string)): Promise<BenchReceiver> {
  const verifierOf = (): Webhook => new Webhook(typeof secret === 'string' ? secret : secret());
  const verifier = typeof secret === 'string' ? verifierOf() : undefined;
  const arrivals = new Map<string, number>();
  const arrivedAt = new Map<string, number>();
  let refused = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        (verifier ?? verifierOf()).verify(Buffer.concat(chunks).toString(), req.headers as Record<string, string>);
      } catch {
        refused++;
        res.statusCode = 401;
        res.end();
        return;
      }
      const id = String(req.headers['webhook-id']);
      if (!arrivals.has(id)) {
        arrivals.set(id, performance.now());
        arrivedAt.set(id, Date.now());
      }
      res.statusCode = 204;
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    arrivedAt,
    refused: () => refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
