import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, dropQueues, runCli, startWorker, stopWorker, waitFor } from '../helpers/cluster.js';
import { dropDatabase, testNamespace } from '../helpers/services.js';

/**
 * Routing end to end on real Redis and FerretDB, through the built CLI: a dataset with eight
 * weeks of daily history and a day whose late deliveries jump; the route stage alerts the
 * owning team (logistics) once, however often the day is recomputed; a digest scheduler
 * (every second) fires and its digest arrives; `digest preview` and `digest send`. Every
 * webhook is checked by a receiver with the standardwebhooks package, as a subscriber would.
 */
process.env.FRICTIONLENS_WEBHOOK_ALLOW = '127.0.0.1';
const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };
const FLAGS = ['--dataset', 'ops', '--bucket', 'day'];

interface Received {
  path: string;
  type: string;
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: webhook bodies, read field by field in the assertions
  data: any;
}
const received: Received[] = [];
const secrets = new Map<string, string>();
let receiver: Server;
let base = '';
let dir: string;
let worker: CliProcess;
let digests: CliProcess | undefined;
let alertSub = '';
let digestSub = '';

const NEUTRAL = ['Thanks for the quick answer today.', 'The app shows my balance fine.', 'I would like to change my address.', 'Good service as usual.'];
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Rows of `days` (offsets from today), `perDay` a day, `late` of them about a late parcel. */
function rows(tag: string, days: number[], perDay: number, late: (d: number) => number): string {
  const lines = ['id,text,created_at'];
  for (const d of days) {
    for (let i = 0; i < perDay; i++) {
      const text = i < late(d) ? `The parcel arrived ${2 + (i % 5)} days late again.` : NEUTRAL[i % NEUTRAL.length]!;
      lines.push(`${tag}-${d}-${i},"${text}",${day(d)}T10:00:00Z`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function submit(file: string): Promise<string> {
  const run = await runCli(ns, ['submit', join(dir, file), ...FLAGS, '--map', 'createdAt=created_at', '--wait', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { runId: string }).runId;
}

async function subscribe(path: string, cadence: string): Promise<string> {
  const added = await runCli(ns, [
    'subscriptions',
    'add',
    '--team',
    'logistics',
    '--dataset',
    'ops',
    '--cadence',
    cadence,
    '--endpoint',
    `${base}${path}`,
    '--json',
  ]);
  expect(added.code, added.stderr).toBe(0);
  const { id, secret } = JSON.parse(added.stdout) as { id: string; secret: string };
  secrets.set(path, secret);
  return id;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fl-routing-'));
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      try {
        const payload = new Webhook(secrets.get(path)!).verify(body, req.headers as Record<string, string>) as { type: string; data: unknown };
        received.push({ path, type: payload.type, id: String(req.headers['webhook-id']), data: payload.data });
        res.writeHead(204).end();
      } catch {
        res.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  alertSub = await subscribe('/alerts', 'weekly');
  worker = await startWorker(ns);
  // Eight weeks of days before today, 5% late; today, 30% late.
  await writeFile(
    join(dir, 'history.csv'),
    rows(
      'h',
      Array.from({ length: 56 }, (_, i) => i - 56),
      120,
      () => 6,
    ),
  );
  await writeFile(
    join(dir, 'today.csv'),
    rows('t', [0], 120, () => 36),
  );
  await writeFile(
    join(dir, 'more.csv'),
    rows('m', [0], 20, () => 6),
  );
  await submit('history.csv');
  await submit('today.csv');
}, 300_000);

afterAll(async () => {
  receiver?.close();
  if (digests) await stopWorker(digests);
  if (worker) await stopWorker(worker);
  await dropQueues(ns.prefix);
  await dropDatabase(ns.db);
  await rm(dir, { recursive: true, force: true });
});

describe('routing to the teams that own the friction', () => {
  it("alerts the owning team's subscription to today's spike once, signed, however often the day is recomputed", async () => {
    const alerts = () => received.filter((r) => r.path === '/alerts' && r.type === 'alert.spike');
    await waitFor(
      () => alerts().length > 0,
      60_000,
      () => `no alert arrived: ${JSON.stringify(received.map((r) => [r.path, r.type]))}`,
    );
    const [alert] = alerts();
    expect(alert!.data).toMatchObject({ dataset: 'ops', themeId: 'delivery.late', team: 'logistics', facet: 'all', bucket: day(0), kind: 'volume' });
    expect(alert!.data.observed).toBeGreaterThan(2 * alert!.data.expected);
    // A third export recomputes today's bucket: the spike is found again, and not sent again.
    await submit('more.csv');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(alerts().map((a) => a.data.key)).toEqual([alert!.data.key]);
    const listed = await runCli(ns, ['deliveries', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const logged = (JSON.parse(listed.stdout) as { deliveries: Array<{ type: string; subscriptionId: string }> }).deliveries;
    expect(logged.filter((d) => d.type === 'alert.spike' && d.subscriptionId === alertSub)).toHaveLength(1);
  }, 120_000);

  it("fires a subscription's digest from its job scheduler, once for its period: the team's themes, with quotes and coverage", async () => {
    digestSub = await subscribe('/digests', '* * * * * *');
    // A worker syncs the schedulers when it starts (and every 30 s).
    digests = await startWorker(ns, ['--stages', 'digest']);
    const got = () => received.filter((r) => r.path === '/digests' && r.type === 'digest.created');
    await waitFor(
      () => got().length > 0,
      60_000,
      () => `no digest arrived:\n${digests!.stderr()}`,
    );
    const digest = got()[0]!.data;
    expect(digest).toMatchObject({ id: `${digestSub}/${day(0)}`, team: 'logistics', dataset: 'ops', period: { label: day(0) } });
    expect(digest.top[0]).toMatchObject({ id: 'delivery.late' });
    expect(digest.top[0].quotes.length).toBeGreaterThan(0);
    expect(digest.top[0].quotes.length).toBeLessThanOrEqual(3);
    expect(digest.coverage.verbatims).toBe(140);
    // The scheduler fires every second; the period's digest is sent once.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(got().map((r) => r.id)).toEqual([got()[0]!.id]);
  }, 120_000);

  it('previews a digest as Markdown and sends one now', async () => {
    const preview = await runCli(ns, ['digest', 'preview', '--subscription', digestSub, '--period', day(0)]);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain(`# Friction digest for logistics: ${day(0)}`);
    expect(preview.stdout).toMatch(/## 1\. Late delivery \(delivery\.late\)/);
    // Kept as a CI artifact (test/artifacts/, ignored by git): what a team receives.
    const artifacts = join(import.meta.dirname, '..', 'artifacts');
    await mkdir(artifacts, { recursive: true });
    await writeFile(join(artifacts, 'digest-logistics.md'), preview.stdout);
    const slack = await runCli(ns, ['digest', 'preview', '--subscription', digestSub, '--period', day(0), '--format', 'slack']);
    expect(JSON.parse(slack.stdout).blocks[0].type).toBe('header');
    const before = received.filter((r) => r.path === '/digests' && r.type === 'digest.created').length;
    const sent = await runCli(ns, ['digest', 'send', '--subscription', digestSub, '--period', day(0)]);
    expect(sent.code, sent.stderr).toBe(0);
    await waitFor(
      () => received.filter((r) => r.path === '/digests' && r.type === 'digest.created').length > before,
      30_000,
      () => 'the digest sent now did not arrive',
    );
    const unknown = await runCli(ns, ['digest', 'preview', '--subscription', 'sub_nope']);
    expect(unknown.code).toBe(3);
    const bad = await runCli(ns, ['digest', 'preview', '--subscription', digestSub, '--period', 'last week']);
    expect(bad.code).toBe(2);
  }, 120_000);
});
