import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDirSource } from '../../src/serve/out-dir-source.js';
import { buildServer, type ServerOptions } from '../../src/serve/server.js';
import type { ServeSource } from '../../src/serve/source.js';
import type { KeyStore } from '../../src/store/keys/key-store.js';
import { openKeyStore } from '../../src/store/keys/open-key-store.js';
import { openSubscriptionStore } from '../../src/store/subscriptions/open-subscription-store.js';
import type { SubscriptionStore } from '../../src/store/subscriptions/subscription-store.js';
import { runCommand } from '../helpers/cli.js';
import { bundledModels } from '../helpers/models.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

/**
 * /api/v1/subscriptions on a server that requires keys, with the key and subscription stores
 * on FerretDB; requests sent with fastify's inject. The insights come from what
 * `analyze --out` wrote (the routes do not read them).
 */
const db = testNamespace(import.meta.filename);
let dir: string;
let source: ServeSource;
let keys: KeyStore;
let subscriptions: SubscriptionStore;
const key = { read: '', write: '', admin: '' };
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fl-subscriptions-api-'));
  const analysed = await runCommand(['analyze', 'data/samples/survey.csv', '--out', join(dir, 'out'), '--json']);
  expect(analysed.code, analysed.stderr).toBe(0);
  source = await outDirSource(join(dir, 'out'));
  keys = await openKeyStore({ url: services().mongoUrl, database: db, writeConcern: { w: 1 } });
  subscriptions = await openSubscriptionStore({ url: services().mongoUrl, database: db, writeConcern: { w: 1 } });
  key.read = (await keys.create('dashboard', ['insights:read'])).key;
  key.write = (await keys.create('routing', ['subscriptions:write'])).key;
  key.admin = (await keys.create('operator', ['admin'])).key;
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await keys?.close();
  await subscriptions?.close();
  await dropDatabase(db);
  await rm(dir, { recursive: true, force: true });
});

async function server(options: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  const app = await buildServer({ source, ...bundledModels(), keys, subscriptions: { store: subscriptions, webhookAllow: ['127.0.0.1'] }, ...options });
  servers.push(app);
  return app;
}

const bearer = (k: string) => ({ authorization: `Bearer ${k}` });
const body = {
  team: 'billing',
  dataset: 'default',
  cadence: { kind: 'cron', cron: '0 8 * * 1', timeZone: 'Europe/Paris' },
  endpoint: 'https://hooks.example.com/billing',
  format: 'slack',
  filter: { families: ['billing'], facets: ['channel=chat'] },
  minVolume: 5,
};

describe('the subscriptions API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await server();
  });

  it('creates a subscription: 201 with its id and signing secret, once', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: bearer(key.write), payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret, subscription } = created.json();
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(secret).toMatch(/^whsec_/);
    expect(subscription).toEqual({ ...body, id, createdAt: expect.any(String) });

    const one = await app.inject({ method: 'GET', url: `/api/v1/subscriptions/${id}`, headers: bearer(key.write) });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(subscription);
    const list = await app.inject({ method: 'GET', url: '/api/v1/subscriptions', headers: bearer(key.admin) });
    expect(list.statusCode).toBe(200);
    expect(list.json().subscriptions.map((s: { id: string }) => s.id)).toContain(id);
    for (const res of [one, list]) expect(res.body).not.toContain(secret);
    expect(await subscriptions.signingSecret(id)).toBe(secret);
  });

  it('deletes a subscription, then answers 404 for it', async () => {
    const { id } = (
      await app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: bearer(key.write), payload: { ...body, team: 'logistics', filter: {} } })
    ).json();
    const removed = await app.inject({ method: 'DELETE', url: `/api/v1/subscriptions/${id}`, headers: bearer(key.write) });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().removed).toMatchObject({ id, team: 'logistics' });
    for (const method of ['GET', 'DELETE'] as const) {
      const gone = await app.inject({ method, url: `/api/v1/subscriptions/${id}`, headers: bearer(key.write) });
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toEqual({ error: { code: 'not_found', message: `no subscription '${id}' (frictionlens subscriptions list shows them)` } });
    }
  });

  it('asks for a key (401) with the scope subscriptions:write (403), reading included', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/subscriptions'],
      ['POST', '/api/v1/subscriptions'],
      ['GET', '/api/v1/subscriptions/0000000000000000'],
      ['DELETE', '/api/v1/subscriptions/0000000000000000'],
    ] as const) {
      const anonymous = await app.inject({ method, url, ...(method === 'POST' ? { payload: body } : {}) });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.json().error.code).toBe('unauthorized');
      const reader = await app.inject({ method, url, headers: bearer(key.read), ...(method === 'POST' ? { payload: body } : {}) });
      expect(reader.statusCode, `${method} ${url}`).toBe(403);
      expect(reader.json().error.message).toContain('subscriptions:write');
    }
  });

  it('answers 400 to an operator in place of a value, an unknown field, a bad cron or zone, and a malformed id', async () => {
    const bad = [
      { ...body, team: { $gt: '' } },
      { ...body, dataset: { $ne: null } },
      { ...body, $where: 'sleep(1000)' },
      { ...body, cadence: { kind: 'cron', cron: 'every monday', timeZone: 'UTC' } },
      { ...body, cadence: { kind: 'daily', timeZone: 'Moon/Base' } },
      { ...body, filter: { facets: [{ $regex: '.*' }] } },
    ];
    for (const payload of bad) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: bearer(key.write), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'usage', message: expect.stringMatching(/^body/) } });
    }
    const injected = await app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: bearer(key.write), payload: { ...body, team: { $gt: '' } } });
    expect(injected.json().error.message).toMatch(/body\.team: .*expected string/);
    const id = await app.inject({ method: 'GET', url: '/api/v1/subscriptions/%7B%22%24ne%22%3A%22%22%7D', headers: bearer(key.write) });
    expect(id.statusCode).toBe(400);
    expect((await subscriptions.list()).every((s) => typeof s.team === 'string')).toBe(true);
  });

  it('answers 422 naming an unknown team (with the teams there are) or an endpoint the policy refuses', async () => {
    const team = await app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: bearer(key.write), payload: { ...body, team: 'finance' } });
    expect(team.statusCode).toBe(422);
    expect(team.json().error.message).toContain(
      "team 'finance' is not in the owners map (teams: billing, logistics, engineering, operations, product, cards, ",
    );
    const http = await app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: bearer(key.write),
      payload: { ...body, endpoint: 'http://hooks.example.com/x' },
    });
    expect(http.statusCode).toBe(422);
    expect(http.json().error.message).toMatch(/endpoint: .*must be https/);
    const allowed = await app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: bearer(key.write),
      payload: { ...body, endpoint: 'http://127.0.0.1:9/x' },
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('describes the four operations in the OpenAPI document', async () => {
    const paths = (await app.inject({ method: 'GET', url: '/openapi.json' })).json().paths;
    expect(Object.keys(paths['/api/v1/subscriptions']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/subscriptions/{id}']).sort()).toEqual(['delete', 'get']);
    expect(paths['/api/v1/subscriptions'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('cadence');
  });
});

describe('a server without MongoDB subscriptions (serve --from DIR)', () => {
  it('has no subscription routes: a 404 to a key with the scope', async () => {
    const app = await buildServer({ source, ...bundledModels(), keys });
    servers.push(app);
    const res = await app.inject({ method: 'GET', url: '/api/v1/subscriptions', headers: bearer(key.admin) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
