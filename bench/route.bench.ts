/**
 * npm run bench:route — webhook delivery, the whole worker path, to a receiver on loopback:
 *
 * - pipeline: BENCH_DELIVERIES messages (default 2,000, a digest-sized payload each) queued
 *   with enqueueDelivery (a record in MongoDB, a job in Redis) while a built `frictionlens
 *   worker --stages deliver` (BENCH_CONCURRENCY webhooks in flight, default 16) checks the
 *   endpoint, reads the subscription's secret, signs, POSTs, and logs each one delivered;
 *   timed from the first enqueue until the delivery log has none left pending;
 * - baseline, named and in the same run: bare fetch POSTs of the same bodies, signed ahead
 *   of time, at the same concurrency, to the same receiver: what loopback HTTP alone costs.
 *
 * - alerts: a dataset with eight weeks of daily history, then BENCH_ALERT_RUNS runs (default
 *   10) of one new day each whose late deliveries jump, submitted with `submit --wait` to a
 *   built `frictionlens worker` (every stage); for each, the time from the run's end (its
 *   finishedAt) to its spike alert's arrival at the subscription's receiver: p50 and p95.
 *
 * The receiver verifies every request with the standardwebhooks package. Services:
 * REDIS_URL / MONGO_URL, else scripts/services.sh. Needs the built CLI (npm run build).
 *
 *   npm run build && npm run bench:route          # writes bench/results/route.md
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { leaseServices } from '../scripts/lib/services.js';
import { signWebhook } from '../src/core/webhooks/sign-webhook.js';
import { webhookBody } from '../src/core/webhooks/webhook-body.js';
import { enqueueDelivery, type Outgoing } from '../src/distributed/enqueue-delivery.js';
import { newWebhookId, webhookIdOf } from '../src/deliver/webhook-id.js';
import { SubscriptionRequest } from '../src/contracts/index.js';
import { openMongoStore } from '../src/store/mongo/open.js';
import { openSubscriptionStore } from '../src/store/subscriptions/open-subscription-store.js';
import { runMeasured } from './lib/rss.js';
import { openDeliveryQueue } from '../src/queue/delivery-queue.js';
import { openDeliveryStore } from '../src/store/deliveries/open-delivery-store.js';
import { benchEnv } from './lib/bench-env.js';
import { describeMongo } from './distributed/services.js';
import { startReceiver, type BenchReceiver } from './route/receiver.js';
import { benchReport, fmt, quantile } from './lib/report.js';
import { dropBenchData } from './lib/drop-bench-data.js';

const root = join(import.meta.dirname, '..');
const N = Number(process.env.BENCH_DELIVERIES ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ALERT_RUNS = Number(process.env.BENCH_ALERT_RUNS ?? 10);
const cli = join(root, 'dist/src/cli/main.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first (the bench measures the built CLI)');

const { lines, say } = benchReport();

/** A payload the size of a small digest: five themes with figures and a quote each (~2 KB of JSON). */
const payload = (i: number): Outgoing['payload'] => ({
  digest: `bench-${i}`,
  period: '2026-W48',
  themes: Array.from({ length: 5 }, (_, t) => ({
    id: `theme-${t}`,
    volume: 100 + t * 7,
    impact: { value: -0.05 * t, low: -0.07 * t, high: -0.03 * t },
    revenueAtRisk: 12_000 * t,
    quotes: [`The parcel for order [ORDER] never arrived and nobody called me back about it (${t}).`],
  })),
});

const services = await leaseServices();
const tag = `bench_route_${process.pid}`;
/** The baseline signs with a secret of its own; the worker path with its subscription's (made in workerPath). */
let secret = `whsec_${randomBytes(24).toString('base64')}`;
const receiver = await startReceiver(() => secret);
try {
  const server = await describeMongo(services.mongoUrl);
  say('# Route benchmark: webhook delivery');
  say();
  say(
    `Made by \`npm run bench:route\` (bench/route.bench.ts) on ${cpus().length} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}. Store: ${server}; Redis ${services.redisUrl.replace(/\/\/.*@/, '//')}.`,
  );
  say(
    `${fmt(N)} messages of ~${fmt(webhookBody({ type: 'digest.created', createdAt: new Date().toISOString(), payload: payload(0) }).length)} B, ${CONCURRENCY} in flight, to a node:http receiver on 127.0.0.1 that verifies each signature (standardwebhooks).`,
  );
  say();

  const baseline = await bareFetch(receiver);
  const pipeline = await workerPath(receiver);
  say('| path | deliveries/s | wall s | enqueue→receipt p50 ms | p95 ms | refused signatures | vs baseline |');
  say('|---|---:|---:|---:|---:|---:|---:|');
  say(`| bare fetch POSTs, signed ahead (baseline) | ${fmt(baseline.rate)} | ${fmt(baseline.seconds, 2)} | — | — | ${baseline.refused} | 1.00 |`);
  say(
    `| deliver queue + \`frictionlens worker --stages deliver\` | ${fmt(pipeline.rate)} | ${fmt(pipeline.seconds, 2)} | ${fmt(pipeline.p50, 1)} | ${fmt(pipeline.p95, 1)} | ${pipeline.refused} | ${(pipeline.rate / baseline.rate).toFixed(2)} |`,
  );
  say();
  say(
    `The pipeline's time runs from the first enqueue until the delivery log holds none pending: per message a MongoDB insert (the record), a Redis job, the subscription's secret (a MongoDB read, which the worker keeps 10 s), the endpoint check, signing, the POST, and an entry in the delivery's history (a MongoDB insert). Enqueueing alone: ${fmt(pipeline.enqueueRate)} messages/s. All ${fmt(N)} delivered at the first attempt: ${pipeline.allDelivered ? 'yes' : 'NO'}.`,
  );
  say();
  const alerts = await alertPath();
  say("## A run's end to its spike alert's delivery");
  say();
  say(
    `${fmt(ALERT_RUNS)} runs of 100 verbatims, each one new day whose late deliveries jump from 5% to 30%, after eight weeks of daily history (5,600 verbatims), through \`submit --wait\` and a built \`frictionlens worker\` (every stage) to a subscription of the owning team (logistics). Timed from each run's \`finishedAt\` (the aggregate stage's end) to the arrival of its alert: the route stage (the spikes of the buckets it touched, the alert's record), the deliver queue and the POST.`,
  );
  say();
  say('| runs | alerts received | p50 ms | p95 ms | max ms |');
  say('|---:|---:|---:|---:|---:|');
  say(
    `| ${alerts.runs} | ${alerts.received} | ${fmt(quantile(alerts.latencies, 0.5))} | ${fmt(quantile(alerts.latencies, 0.95))} | ${fmt(Math.max(...alerts.latencies))} |`,
  );
  writeFileSync(join(root, 'bench', 'results', 'route.md'), `${lines.join('\n')}\n`);
} finally {
  await receiver.close();
  await dropBenchData(services, tag).catch((error: unknown) => console.error(`cleaning up ${tag}: ${error instanceof Error ? error.message : String(error)}`));
  await services.release();
}

/** The same bodies POSTed with fetch, CONCURRENCY at a time: loopback HTTP and the receiver alone. */
async function bareFetch(to: BenchReceiver): Promise<{ rate: number; seconds: number; refused: number }> {
  const refusedBefore = to.refused();
  const requests = Array.from({ length: N }, (_, i) => {
    const id = newWebhookId();
    const body = webhookBody({ type: 'digest.created', createdAt: new Date().toISOString(), payload: payload(i) });
    return { body, headers: { ...signWebhook(secret, id, Math.floor(Date.now() / 1000), body), 'content-type': 'application/json' } };
  });
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        const response = await fetch(to.url, { method: 'POST', body: r.body, headers: r.headers, redirect: 'manual' });
        await response.arrayBuffer();
        if (response.status !== 204) throw new Error(`baseline: HTTP ${response.status}`);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { rate: N / seconds, seconds, refused: to.refused() - refusedBefore };
}

async function workerPath(to: BenchReceiver) {
  const env = { ...benchEnv(services, tag), FRICTIONLENS_WEBHOOK_ALLOW: '127.0.0.1' };
  const raw = await MongoClient.connect(services.mongoUrl);
  const subscriptions = await openSubscriptionStore({ url: services.mongoUrl, database: tag, writeConcern: { w: 1 } });
  const added = await subscriptions.add(SubscriptionRequest.parse({ team: 'product', dataset: 'bench', cadence: { kind: 'weekly' }, endpoint: to.url }));
  await subscriptions.close();
  secret = added.secret;
  const subscriptionId = added.subscription.id;
  const store = await openDeliveryStore({ url: services.mongoUrl, database: tag, writeConcern: { w: 1 } });
  const queue = await openDeliveryQueue({ redisUrl: services.redisUrl, prefix: tag }, { attempts: 3, backoffMs: 100, jitter: 0.5 });
  const worker = spawn(cli, ['worker', '--stages', 'deliver', '--deliver-concurrency', String(CONCURRENCY)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  worker.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  try {
    while (!log.includes('ready:')) {
      if (worker.exitCode !== null) throw new Error(`worker exited: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const refusedBefore = to.refused();
    const queuedAt = new Map<string, number>();
    const t0 = performance.now();
    // Several routers at once, as a run's alerts and the digests of many subscriptions would be.
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < N) {
          const i = next++;
          const start = performance.now();
          const d = await enqueueDelivery(store, queue, { subscriptionId, endpoint: to.url, type: 'digest.created', payload: payload(i) });
          queuedAt.set(d.id, start);
        }
      }),
    );
    const enqueueSeconds = (performance.now() - t0) / 1000;
    // Done when every message arrived and the delivery log says each one is delivered.
    const history = raw.db(tag).collection('deliveryEvents');
    const arrived = (): number => [...queuedAt.keys()].filter((id) => to.arrivals.has(id)).length;
    while (arrived() < N || (await history.countDocuments({ kind: 'delivered' })) < N) {
      if (worker.exitCode !== null) throw new Error(`worker exited: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - t0) / 1000;
    const latencies = [...queuedAt].map(([id, at]) => (to.arrivals.get(id) ?? Number.NaN) - at);
    return {
      rate: N / seconds,
      seconds,
      enqueueRate: N / enqueueSeconds,
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      refused: to.refused() - refusedBefore,
      allDelivered: (await history.countDocuments({ kind: 'delivered' })) === N && (await history.countDocuments({ kind: { $ne: 'delivered' } })) === 0,
    };
  } finally {
    worker.kill('SIGTERM');
    if (worker.exitCode === null) await once(worker, 'exit');
    await queue.close();
    await store.close();
    await raw.close();
  }
}

/** Each spiking run's end (finishedAt) to its alert's arrival, in ms. */
async function alertPath(): Promise<{ runs: number; received: number; latencies: number[] }> {
  const env = { ...benchEnv(services, tag), FRICTIONLENS_WEBHOOK_ALLOW: '127.0.0.1' };
  let alertSecret = '';
  const to = await startReceiver(() => alertSecret);
  const subscriptions = await openSubscriptionStore({ url: services.mongoUrl, database: tag, writeConcern: { w: 1 } });
  const store = await openMongoStore({ url: services.mongoUrl, database: tag, writeConcern: { w: 1 } });
  const dir = mkdtempSync(join(tmpdir(), 'fl-bench-alerts-'));
  const worker = spawn(cli, ['worker'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  worker.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  try {
    const added = await subscriptions.add(SubscriptionRequest.parse({ team: 'logistics', dataset: 'alerts', cadence: { kind: 'weekly' }, endpoint: to.url }));
    alertSecret = added.secret;
    while (!log.includes('ready:')) {
      if (worker.exitCode !== null) throw new Error(`worker exited: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const day = (offset: number): string => new Date(Date.UTC(2026, 9, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    const csv = (tag: string, days: number[], late: number): string =>
      `id,text,created_at\n${days
        .flatMap((d) =>
          Array.from({ length: 100 }, (_, i) => {
            const text =
              i < late
                ? `The parcel arrived ${2 + (i % 5)} days late again.`
                : ['Thanks for the quick answer.', 'Good service as usual.', 'I changed my address online.'][i % 3];
            return `${tag}-${d}-${i},"${text}",${day(d)}T10:00:00Z`;
          }),
        )
        .join('\n')}\n`;
    const submit = async (name: string, text: string): Promise<string> => {
      writeFileSync(join(dir, name), text);
      const run = await runMeasured(
        cli,
        ['submit', join(dir, name), '--dataset', 'alerts', '--bucket', 'day', '--map', 'createdAt=created_at', '--wait', '--json'],
        env,
      );
      if (run.code !== 0) throw new Error(`submit ${name} failed`);
      return (JSON.parse(run.stdout) as { runId: string }).runId;
    };
    await submit(
      'history.csv',
      csv(
        'h',
        Array.from({ length: 56 }, (_, i) => i),
        5,
      ),
    );
    const latencies: number[] = [];
    for (let k = 0; k < ALERT_RUNS; k++) {
      const d = 56 + k;
      const runId = await submit(`day-${k}.csv`, csv(`d${k}`, [d], 30));
      const id = webhookIdOf(`alert/alerts/delivery.late/all/${day(d)}/volume/${added.subscription.id}`);
      const deadline = Date.now() + 60_000;
      while (!to.arrivedAt.has(id)) {
        if (Date.now() > deadline) throw new Error(`no alert for run ${runId} (day ${day(d)}):\n${log.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      const finishedAt = Date.parse((await store.getRun(runId))!.finishedAt!);
      latencies.push(to.arrivedAt.get(id)! - finishedAt);
    }
    return { runs: ALERT_RUNS, received: to.arrivedAt.size, latencies };
  } finally {
    worker.kill('SIGTERM');
    if (worker.exitCode === null) await once(worker, 'exit');
    await Promise.all([subscriptions.close(), store.close(), to.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
