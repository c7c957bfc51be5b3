import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MongoClient } from 'mongodb';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/contracts/index.js';
import { signWebhook } from '../../src/core/webhooks/sign-webhook.js';
import { enqueueDelivery, type Outgoing } from '../../src/distributed/enqueue-delivery.js';
import { startDeliveryWorker } from '../../src/distributed/start-delivery-worker.js';
import type { RunningWorkers } from '../../src/distributed/start-workers.js';
import { openDeliveryQueue, type DeliveryQueue } from '../../src/queue/delivery-queue.js';
import type { DeliveryStore } from '../../src/store/deliveries/delivery-store.js';
import { openDeliveryStore } from '../../src/store/deliveries/open-delivery-store.js';
import type { SigningSecrets } from '../../src/store/deliveries/signing-secrets.js';
import { dropQueues, runCli, spawnCli, stopWorker, waitFor, type Namespace } from '../helpers/cluster.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const name = testNamespace(import.meta.filename);
const ns: Namespace = { db: name, prefix: name };
/** Tiny backoff, so retries and dead letters take milliseconds; the CLI children read the same. */
const RETRIES = { attempts: 3, backoffMs: 40, jitter: 0.5 };
process.env.FRICTIONLENS_WEBHOOK_ATTEMPTS = String(RETRIES.attempts);
process.env.FRICTIONLENS_WEBHOOK_BACKOFF_MS = String(RETRIES.backoffMs);
process.env.FRICTIONLENS_WEBHOOK_ALLOW = '127.0.0.1';

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const SUBSCRIPTION = 'sub_billing_daily';

/** What the receiver got: each request, and whether its signature verified. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

/**
 * The receiver a subscriber would run: it verifies every request with the standardwebhooks
 * package (401 when that fails) and answers by path: /ok 204, /down 500, /flaky 500 to the
 * first attempt of each message, /redirect 302 to /ok, /switch whatever `switchStatus` says.
 */
const received: Received[] = [];
let switchStatus = 500;
let receiver: Server;
let base: string;

function startReceiver(): Promise<void> {
  const verifier = new Webhook(secret);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      let verified = true;
      try {
        verifier.verify(body, req.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      const path = req.url ?? '/';
      const id = String(req.headers['webhook-id']);
      received.push({ path, headers: req.headers, body, verified });
      if (!verified) res.statusCode = 401;
      else if (path === '/ok') res.statusCode = 204;
      else if (path === '/down') res.statusCode = 500;
      else if (path === '/flaky') res.statusCode = received.filter((r) => r.headers['webhook-id'] === id).length === 1 ? 500 : 200;
      else if (path === '/redirect') {
        res.statusCode = 302;
        res.setHeader('location', `${base}/ok`);
      } else if (path === '/switch') res.statusCode = switchStatus;
      else res.statusCode = 404;
      // A body the sender must never keep (lastError holds no response body).
      res.end(res.statusCode >= 400 ? 'customer jane@example.com not found' : '');
    });
  });
  return new Promise((resolve) =>
    receiver.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

let store: DeliveryStore & { secrets: SigningSecrets };
let queue: DeliveryQueue;
let worker: RunningWorkers;
let raw: MongoClient;
const logged: string[] = [];

beforeAll(async () => {
  await startReceiver();
  raw = await MongoClient.connect(services().mongoUrl);
  await raw.db(ns.db).collection('subscriptions').insertOne({ id: SUBSCRIPTION, secret });
  store = await openDeliveryStore({ url: services().mongoUrl, database: ns.db, writeConcern: { w: 1 } });
  queue = await openDeliveryQueue({ redisUrl: services().redisUrl, prefix: ns.prefix }, RETRIES);
  worker = startDeliveryWorker(
    { redisUrl: services().redisUrl, prefix: ns.prefix },
    { deliveries: store, secrets: store.secrets, send: { allow: ['127.0.0.1'], timeoutMs: 2_000 } },
    8,
    (line) => logged.push(line),
  );
});

afterAll(async () => {
  await worker?.close();
  await queue?.close();
  await store?.close();
  await raw?.close();
  receiver?.close();
  await dropQueues(ns.prefix);
  await dropDatabase(ns.db);
});

const outgoing = (path: string, payload: Record<string, unknown> = { digest: 'billing', themes: ['charged-twice'] }): Outgoing => ({
  subscriptionId: SUBSCRIPTION,
  endpoint: `${base}${path}`,
  type: 'digest.created',
  payload: payload as Outgoing['payload'],
});

/** Waits for a delivery's record to leave pending; returns it. */
async function settled(id: string): Promise<Delivery> {
  await waitFor(
    async () => (await store.get(id))?.status !== 'pending',
    30_000,
    () => `delivery ${id} still pending; worker log:\n${logged.join('\n')}`,
  );
  return (await store.get(id))!;
}

const requestsOf = (id: string): Received[] => received.filter((r) => r.headers['webhook-id'] === id);

describe('webhook delivery on Redis and MongoDB', () => {
  it('delivers a message signed, verified by the receiver with standardwebhooks, and logs it delivered', async () => {
    const queued = await enqueueDelivery(store, queue, outgoing('/ok'));
    expect(queued).toMatchObject({ status: 'pending', attempts: 0, type: 'digest.created' });
    expect(queued.id).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
    const done = await settled(queued.id);
    expect(done).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: expect.any(String) });
    const [request, ...more] = requestsOf(queued.id);
    expect(more).toHaveLength(0);
    expect(request!.verified).toBe(true);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(Number(request!.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(JSON.parse(request!.body)).toEqual({ type: 'digest.created', timestamp: queued.createdAt, data: queued.payload });
  });

  it('retries a receiver answering 500 under the same webhook id, then keeps a dead letter, listed and redriven by the CLI', async () => {
    switchStatus = 500;
    const queued = await enqueueDelivery(store, queue, outgoing('/switch'));
    const dead = await settled(queued.id);
    expect(dead).toMatchObject({ status: 'failed', attempts: RETRIES.attempts, lastError: 'HTTP 500' });
    expect(dead.deliveredAt).toBeUndefined();
    const attempts = requestsOf(queued.id);
    expect(attempts).toHaveLength(RETRIES.attempts);
    expect(attempts.every((r) => r.verified)).toBe(true);
    // The receiver's body (with an email in it) is nowhere in the log.
    for (const collection of ['deliveries', 'deliveryEvents']) {
      const docs = await raw.db(ns.db).collection(collection).find({ id: queued.id }).toArray();
      expect(docs.length, collection).toBeGreaterThan(0);
      expect(JSON.stringify(docs)).not.toContain('jane@');
    }
    // The message is written once and never updated; each attempt is an entry of its own.
    expect(await raw.db(ns.db).collection('deliveryEvents').countDocuments({ id: queued.id })).toBe(RETRIES.attempts);

    const listed = await runCli(ns, ['deliveries', 'list', '--failed', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const failed = JSON.parse(listed.stdout).deliveries as Delivery[];
    expect(failed.map((d) => d.id)).toContain(queued.id);
    expect(failed.find((d) => d.id === queued.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 500', subscriptionId: SUBSCRIPTION });
    expect(failed.find((d) => d.id === queued.id)).not.toHaveProperty('payload');
    const table = await runCli(ns, ['deliveries', 'list']);
    expect(table.stdout).toMatch(new RegExp(`^${queued.id}\\s+${SUBSCRIPTION}\\s+digest\\.created\\s+failed\\s+3\\s+.*HTTP 500\\s*$`, 'm'));

    switchStatus = 200;
    const redrive = await runCli(ns, ['deliveries', 'redrive', queued.id]);
    expect(redrive.code, redrive.stderr).toBe(0);
    expect(redrive.stdout).toBe(`redriven: ${queued.id} (digest.created) is queued again\n`);
    const delivered = await settled(queued.id);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: RETRIES.attempts + 1 });
    const last = requestsOf(queued.id).at(-1)!;
    expect(last.verified).toBe(true);
    expect(last.headers['webhook-id']).toBe(queued.id);
    expect(JSON.parse(last.body)).toEqual(JSON.parse(attempts[0]!.body));

    const again = await runCli(ns, ['deliveries', 'redrive', queued.id]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(`delivery ${queued.id} is delivered: only a failed delivery (a dead letter) is redriven`);
    const unknown = await runCli(ns, ['deliveries', 'redrive', 'msg_nosuchdelivery00']);
    expect(unknown.code).toBe(3);
  });

  it('delivers on the retry after a 500, and the receiver sees one webhook id twice (its idempotency key)', async () => {
    const queued = await enqueueDelivery(store, queue, outgoing('/flaky'));
    expect(await settled(queued.id)).toMatchObject({ status: 'delivered', attempts: 2, lastError: 'HTTP 500' });
    const seen = requestsOf(queued.id);
    expect(seen.map((r) => r.headers['webhook-id'])).toEqual([queued.id, queued.id]);
    expect(seen[0]!.body).toBe(seen[1]!.body);
  });

  it('has a forged signature and a replayed message refused by the receiver', async () => {
    const genuine = received.find((r) => r.path === '/ok' && r.verified)!;
    const headers = {
      'webhook-id': String(genuine.headers['webhook-id']),
      'webhook-timestamp': String(genuine.headers['webhook-timestamp']),
      'webhook-signature': String(genuine.headers['webhook-signature']),
    };
    const post = async (body: string, h: Record<string, string>): Promise<number> =>
      (await fetch(`${base}/ok`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...h } })).status;
    // The genuine request, sent again within the tolerance, verifies (the receiver dedupes it by its id).
    expect(await post(genuine.body, headers)).toBe(204);
    // Forged: another body under the captured signature; a signature made with another secret.
    expect(await post(genuine.body.replace('billing', 'logistics'), headers)).toBe(401);
    const forger = signWebhook(`whsec_${randomBytes(24).toString('base64')}`, headers['webhook-id'], Math.floor(Date.now() / 1000), genuine.body);
    expect(await post(genuine.body, { ...forger })).toBe(401);
    // Replayed: genuinely signed, but ten minutes ago.
    const replay = signWebhook(secret, headers['webhook-id'], Math.floor(Date.now() / 1000) - 600, genuine.body);
    expect(await post(genuine.body, { ...replay })).toBe(401);
  });

  it('does not follow a redirect: a 302 is a failed attempt, and its target never gets the message', async () => {
    const queued = await enqueueDelivery(store, queue, outgoing('/redirect'));
    expect(await settled(queued.id)).toMatchObject({ status: 'failed', attempts: RETRIES.attempts, lastError: 'HTTP 302 (a redirect: not followed)' });
    expect(requestsOf(queued.id).map((r) => r.path)).toEqual(Array(RETRIES.attempts).fill('/redirect'));
  });

  it('refuses an endpoint on a private address that is not allow-listed, at once and without retries', async () => {
    // localhost resolves to a loopback address; only 127.0.0.1 is allow-listed.
    const port = new URL(base).port;
    const queued = await enqueueDelivery(store, queue, { ...outgoing('/ok'), endpoint: `https://localhost:${port}/ok` });
    const refused = await settled(queued.id);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.lastError).toMatch(/^endpoint refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address/);
    expect(requestsOf(queued.id)).toHaveLength(0);
  });

  it('fails a message whose subscription is gone at once', async () => {
    const queued = await enqueueDelivery(store, queue, { ...outgoing('/ok'), subscriptionId: 'sub_removed' });
    expect(await settled(queued.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: "no subscription 'sub_removed' (frictionlens subscriptions list shows them)",
    });
  });

  it('is sent by the frictionlens worker command too (--stages deliver)', async () => {
    const other: Namespace = { db: ns.db, prefix: `${ns.prefix}_cli` };
    const cliQueue = await openDeliveryQueue({ redisUrl: services().redisUrl, prefix: other.prefix }, RETRIES);
    const cliWorker = spawnCli(other, ['worker', '--stages', 'deliver']);
    try {
      await waitFor(
        () => cliWorker.stderr().includes('ready:'),
        60_000,
        () => `worker did not start:\n${cliWorker.stderr()}`,
      );
      expect(cliWorker.stderr()).toMatch(/ready: stages deliver, .*deliver concurrency 16/);
      const queued = await enqueueDelivery(store, cliQueue, outgoing('/ok', { alert: 'spike' }));
      expect(await settled(queued.id)).toMatchObject({ status: 'delivered', attempts: 1 });
      expect(requestsOf(queued.id)[0]!.verified).toBe(true);
    } finally {
      await stopWorker(cliWorker);
      await cliQueue.close();
      await dropQueues(other.prefix);
    }
  });
});
