import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSubscriptionStore } from '../../src/store/subscriptions/open-subscription-store.js';
import { runCommand, spawnCommand } from '../helpers/cli.js';
import { cliEnv, dropQueues, runCli, waitFor } from '../helpers/cluster.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };
let dir: string;
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCommand(['subscriptions', ...args], { ...cliEnv(ns), ...env });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fl-subscriptions-cli-'));
});
afterAll(async () => {
  await dropQueues(ns.prefix);
  await dropDatabase(ns.db);
  await rm(dir, { recursive: true, force: true });
});

async function secretOf(id: string): Promise<string> {
  const store = await openSubscriptionStore({ url: services().mongoUrl, database: ns.db });
  try {
    return await store.signingSecret(id);
  } finally {
    await store.close();
  }
}

describe('frictionlens subscriptions', () => {
  it('adds a subscription, prints its secret once, lists it without the secret and removes it', async () => {
    const added = await cli(
      [
        'add',
        '--team',
        'billing',
        '--dataset',
        'default',
        '--cadence',
        '0 8 * * 1-5',
        '--time-zone',
        'Europe/Paris',
        '--endpoint',
        'http://127.0.0.1:9/hook',
      ].concat(['--format', 'slack', '--families', 'billing,cancellation', '--facet', 'channel=chat', '--min-volume', '5', '--json']),
      { FRICTIONLENS_WEBHOOK_ALLOW: '127.0.0.1' },
    );
    expect(added.code, added.stderr).toBe(0);
    const { id, secret } = JSON.parse(added.stdout) as { id: string; secret: string };
    expect(Object.keys(JSON.parse(added.stdout))).toEqual(['id', 'secret']);
    expect(secret).toMatch(/^whsec_/);
    expect(await secretOf(id)).toBe(secret);

    const listed = await cli(['list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).subscriptions).toEqual([
      {
        id,
        team: 'billing',
        dataset: 'default',
        filter: { families: ['billing', 'cancellation'], facets: ['channel=chat'] },
        cadence: { kind: 'cron', cron: '0 8 * * 1-5', timeZone: 'Europe/Paris' },
        minVolume: 5,
        endpoint: 'http://127.0.0.1:9/hook',
        format: 'slack',
        createdAt: expect.any(String),
      },
    ]);
    const table = await cli(['list']);
    expect(table.stdout).toMatch(new RegExp(`^${id}\\s+billing\\s+default\\s+cron '0 8 \\* \\* 1-5' \\(Europe/Paris\\)`, 'm'));
    for (const out of [listed.stdout, table.stdout]) expect(out).not.toContain(secret);

    const removed = await cli(['remove', id]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toBe(`removed subscription ${id} (team billing, dataset default)\n`);
    expect((await cli(['list'])).stdout).toMatch(/^no subscriptions/);
  });

  it('prints the subscription and its secret as text without --json', async () => {
    const added = await cli(['add', '--team', 'logistics', '--dataset', 'default', '--cadence', 'weekly', '--endpoint', 'https://hooks.example.com/l']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(
      /^created subscription [0-9a-f]{16}: team logistics, dataset default, weekly \(UTC\), json to https:\/\/hooks\.example\.com\/l$/m,
    );
    expect(added.stdout).toMatch(/^ {2}whsec_\S+$/m);
    expect(added.stdout).toContain('This is the only time the secret is shown');
  });

  it('refuses a team the owners map lacks (exit 3, naming its teams), also with --owners', async () => {
    const unknown = await cli(['add', '--team', 'finance', '--dataset', 'default', '--cadence', 'daily', '--endpoint', 'https://x.example.com/']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("team 'finance' is not in the owners map (teams: billing, logistics, engineering, operations, product, cards, ");
    const owners = join(dir, 'owners.yaml');
    await writeFile(owners, 'version: 1\nteams: [{ id: finance, name: Finance }]\nrules: [{ family: billing, team: finance }]\n');
    const known = await cli([
      'add',
      '--team',
      'finance',
      '--dataset',
      'default',
      '--cadence',
      'daily',
      '--endpoint',
      'https://x.example.com/',
      '--owners',
      owners,
      '--json',
    ]);
    expect(known.code, known.stderr).toBe(0);
  });

  it('refuses an http endpoint whose host is not allowed (exit 3) and a malformed cadence, zone or number (exit 2)', async () => {
    const http = await cli(['add', '--team', 'billing', '--dataset', 'default', '--cadence', 'daily', '--endpoint', 'http://hooks.example.com/x']);
    expect(http.code).toBe(3);
    expect(http.stderr).toMatch(/endpoint: 'http:\/\/hooks\.example\.com\/x': endpoints must be https/);
    const malformed = await cli(
      [
        'add',
        '--team',
        'billing',
        '--dataset',
        'default',
        '--cadence',
        'every monday',
        '--time-zone',
        'Europe/Pariss',
        '--endpoint',
        'https://x.example.com/',
      ].concat(['--min-friction', 'high']),
    );
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/--cadence: 'every monday' is not a cron expression/);
    expect(malformed.stderr).toMatch(/--time-zone: 'Europe\/Pariss' is not an IANA time zone/);
    expect(malformed.stderr).toMatch(/--min-friction: /);
    const missing = await cli(['add', '--team', 'billing']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('subscriptions add needs --dataset');
  });

  it('says an unknown subscription is not found (exit 3)', async () => {
    const removed = await cli(['remove', '0000000000000000']);
    expect(removed.code).toBe(3);
    expect(removed.stderr).toContain("no subscription '0000000000000000' (frictionlens subscriptions list shows them)");
  });
});

describe('serve on MongoDB', () => {
  it('offers the subscriptions the CLI manages, over HTTP, with endpoints allowed by FRICTIONLENS_WEBHOOK_ALLOW', async () => {
    const created = await runCli(ns, ['keys', 'create', '--name', 'routing', '--scope', 'subscriptions:write', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const auth = { authorization: `Bearer ${(JSON.parse(created.stdout) as { key: string }).key}`, 'content-type': 'application/json' };
    const server = spawnCommand(['serve', '--port', '0', '--quiet', '--upload-dir', join(dir, 'uploads')], {
      ...cliEnv(ns),
      FRICTIONLENS_WEBHOOK_ALLOW: '127.0.0.1',
    });
    try {
      await waitFor(
        () => /listening on/.test(server.stdout()),
        60_000,
        () => `serve did not start:\n${server.stderr()}`,
      );
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())![1]!;
      const payload = { team: 'operations', dataset: 'default', cadence: { kind: 'daily' }, endpoint: 'http://127.0.0.1:9/ops' };
      const res = await fetch(`${base}/api/v1/subscriptions`, { method: 'POST', headers: auth, body: JSON.stringify(payload) });
      expect(res.status).toBe(201);
      const { id, secret } = (await res.json()) as { id: string; secret: string };
      const listed = await cli(['list', '--json']);
      expect(JSON.parse(listed.stdout).subscriptions.find((s: { id: string }) => s.id === id)).toMatchObject({
        team: 'operations',
        endpoint: 'http://127.0.0.1:9/ops',
      });
      expect(await secretOf(id)).toBe(secret);
      const removed = await fetch(`${base}/api/v1/subscriptions/${id}`, { method: 'DELETE', headers: { authorization: auth.authorization } });
      expect(removed.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
