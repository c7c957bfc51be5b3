import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A subscriber's receiver on loopback: verifies each request as a real one would, answers 204, notes when each webhook id arrived. */
export interface BenchReceiver {
  url: string;
  /** Arrival time (performance.now()) of each verified webhook id, the first time it came. */
  arrivals: Map<string, number>;
  /** Requests whose signature did not verify (goal: 0). */
  refused(): number;
  close(): Promise<void>;
}

export async function startReceiver(secret: string): Promise<BenchReceiver> {
  const verifier = new Webhook(secret);
  const arrivals = new Map<string, number>();
  let refused = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        verifier.verify(Buffer.concat(chunks).toString(), req.headers as Record<string, string>);
      } catch {
        refused++;
        res.statusCode = 401;
        res.end();
        return;
      }
      const id = String(req.headers['webhook-id']);
      if (!arrivals.has(id)) arrivals.set(id, performance.now());
      res.statusCode = 204;
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    refused: () => refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
