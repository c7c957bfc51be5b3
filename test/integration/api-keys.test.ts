import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDirSource } from '../../src/serve/out-dir-source.js';
import { buildServer, type ServerOptions } from '../../src/serve/server.js';
import type { ServeSource } from '../../src/serve/source.js';
import type { KeyStore } from '../../src/store/keys/key-store.js';
import { createMongoKeyStore } from '../../src/store/keys/mongo-key-store.js';
import { openKeyStore } from '../../src/store/keys/open-key-store.js';
import { runCommand } from '../helpers/cli.js';
import { spawnCli, waitFor } from '../helpers/cluster.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { bundledModels } from '../helpers/models.js';

/**
 * The API with keys required (serve --require-key): servers built over what `analyze --out`
 * wrote, keys checked against the key store on FerretDB, requests sent with fastify's inject.
 */
const db = testNamespace(import.meta.filename);
let dir: string;
let source: ServeSource;
let keys: KeyStore;
const key: Record<'read' | 'write' | 'admin' | 'revoked', string> = { read: '', write: '', admin: '', revoked: '' };
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fl-api-keys-'));
  const analysed = await runCommand(['analyze', 'data/samples/feedback.jsonl', '--out', join(dir, 'out'), '--json']);
  expect(analysed.code, analysed.stderr).toBe(0);
  source = await outDirSource(join(dir, 'out'));
  keys = await openKeyStore({ url: services().mongoUrl, database: db, writeConcern: { w: 1 } });
  key.read = (await keys.create('dashboard', ['insights:read'])).key;
  key.write = (await keys.create('uploader', ['runs:write'])).key;
  key.admin = (await keys.create('operator', ['admin'])).key;
  const revoked = await keys.create('old dashboard', ['insights:read']);
  await keys.revoke(revoked.id);
  key.revoked = revoked.key;
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await keys?.close();
  await dropDatabase(db);
  await rm(dir, { recursive: true, force: true });
});

/**
 * A server that requires keys. POST /api/v1/runs (the upload) is not built yet: a route of
 * that name stands in for it, to show that a body is read only once the key and its scope
 * have passed.
 */
async function server(options: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  const app = await buildServer({ source, ...bundledModels(), keys, bodyLimit: 1_048_576, ...options });
  app.post('/api/v1/runs', async (request) => ({ received: String(request.body).length }));
  servers.push(app);
  return app;
}

const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

describe('an API that requires keys', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await server();
  });

  it('answers 401 with the JSON error body without a key, with a wrong one and with a revoked one', async () => {
    const wrongSecret = key.read.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const headers of [{}, bearer('nonsense'), bearer(wrongSecret), bearer(key.revoked), { authorization: `Basic ${key.read}` }, bearer(`${key.read}x`)]) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/themes/top', headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
      expect(res.body).not.toContain(key.read.slice(20));
    }
  });

  it('answers 403 to a valid key without the route scope, and 200 to one with it', async () => {
    const refused = await app.inject({ method: 'GET', url: '/api/v1/themes/top', headers: bearer(key.write) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: 'forbidden', message: 'this key lacks the scope insights:read that GET /api/v1/themes/top needs' } });
    const read = await app.inject({ method: 'GET', url: '/api/v1/themes/top?limit=3', headers: bearer(key.read) });
    expect(read.statusCode).toBe(200);
    expect(read.json().themes).toHaveLength(3);
    const upload = await app.inject({ method: 'POST', url: '/api/v1/runs', headers: { ...bearer(key.read), 'content-type': 'text/plain' }, payload: 'x' });
    expect(upload.statusCode).toBe(403);
  });

  it('lets admin through every route, reading included', async () => {
    for (const url of ['/api/v1/themes/top', '/api/v1/taxonomy', '/api/v1/metrics', '/api/v1/analyses?limit=1'])
      expect((await app.inject({ method: 'GET', url, headers: bearer(key.admin) })).statusCode, url).toBe(200);
  });

  it('keeps the liveness probe and the OpenAPI document open, and everything else closed', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    const openapi = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    // The document says how to send the key.
    expect(openapi.json()).toMatchObject({ components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } }, security: [{ apiKey: [] }] });
    for (const url of [
      '/api/v1/taxonomy',
      '/api/v1/metrics',
      '/api/v1/runs/x',
      '/api/v1/analyses',
      '/api/v1/themes/billing.charged-twice',
      '/api/v1/no-such-route',
    ])
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    // With a key, an unknown route is what it is: a 404.
    expect((await app.inject({ method: 'GET', url: '/api/v1/no-such-route', headers: bearer(key.read) })).statusCode).toBe(404);
  });

  it('checks the key before it reads a body: a huge upload without a key is a 401, not a 413', async () => {
    const huge = 'x'.repeat(3_000_000);
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/runs', headers: { 'content-type': 'text/plain' }, payload: huge });
    expect(anonymous.statusCode).toBe(401);
    const wrongScope = await app.inject({ method: 'POST', url: '/api/v1/runs', headers: { ...bearer(key.read), 'content-type': 'text/plain' }, payload: huge });
    expect(wrongScope.statusCode).toBe(403);
    // With the scope, the body is read, and the size limit applies.
    const tooBig = await app.inject({ method: 'POST', url: '/api/v1/runs', headers: { ...bearer(key.write), 'content-type': 'text/plain' }, payload: huge });
    expect(tooBig.statusCode).toBe(413);
    const small = await app.inject({ method: 'POST', url: '/api/v1/runs', headers: { ...bearer(key.write), 'content-type': 'text/plain' }, payload: 'abc' });
    expect(small.statusCode).toBe(200);
    expect(small.json()).toEqual({ received: 3 });
  });
});

describe('a key store that cannot be reached', () => {
  it('answers 503 service_unavailable, never 401 nor 200, and lets keys through again once it is back', async () => {
    const target = new URL(services().mongoUrl);
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port) });
    const port = await proxy.listen();
    // A short server selection, so the test does not wait out the 30 s the server's client waits.
    const client = await new MongoClient(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 1_500 }).connect();
    const cut = createMongoKeyStore({ client, database: db });
    try {
      const app = await server({ keys: cut });
      const get = () => app.inject({ method: 'GET', url: '/api/v1/taxonomy', headers: bearer(key.read) });
      expect((await get()).statusCode).toBe(200);
      await proxy.cut();
      const down = await get();
      expect(down.statusCode).toBe(503);
      expect(down.json().error.code).toBe('service_unavailable');
      await proxy.restore();
      expect((await get()).statusCode).toBe(200);
    } finally {
      await cut.close();
      await proxy.cut();
    }
  }, 60_000);
});

describe('the rate limit', () => {
  it('answers 429 with the JSON error body past the limit of a key, and counts each key apart', async () => {
    const app = await server({ rateLimit: { max: 3, windowMs: 60_000 } });
    const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/taxonomy', headers });
    for (let i = 0; i < 3; i++) expect((await get(bearer(key.read))).statusCode).toBe(200);
    const limited = await get(bearer(key.read));
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/^Rate limit exceeded, retry in/) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(bearer(key.admin))).statusCode).toBe(200);
  });

  it('limits requests without a valid key by client address, wrong keys included', async () => {
    const app = await server({ rateLimit: { max: 2, windowMs: 60_000 } });
    const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/taxonomy', headers, remoteAddress: '10.0.0.7' });
    expect((await get({})).statusCode).toBe(401);
    expect((await get(bearer(key.revoked))).statusCode).toBe(401);
    expect((await get({})).statusCode).toBe(429);
    expect((await get(bearer(key.read))).statusCode).toBe(200);
  });
});

describe('frictionlens serve --from DIR --require-key', () => {
  it('serves with keys checked against MongoDB, and never logs a key', async () => {
    const ns = { db, prefix: db };
    const serve = spawnCli(ns, ['serve', '--from', join(dir, 'out'), '--port', '0', '--require-key']);
    try {
      await waitFor(
        () => /listening on/.test(serve.stdout()),
        60_000,
        () => serve.stderr(),
      );
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(serve.stdout())?.[1];
      expect(serve.stdout()).toContain('keys required');
      expect((await fetch(`${url}/api/v1/themes/top`)).status).toBe(401);
      expect((await fetch(`${url}/api/v1/themes/top`, { headers: bearer(key.read) })).status).toBe(200);
      expect((await fetch(`${url}/api/v1/themes/top`, { headers: bearer(key.write) })).status).toBe(403);
      await waitFor(
        () => (serve.stderr().match(/"statusCode":403/g) ?? []).length > 0,
        10_000,
        () => serve.stderr(),
      );
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
    const logged = serve.stdout() + serve.stderr();
    expect(logged).toMatch(/"statusCode":200/);
    for (const k of [key.read, key.write]) expect(logged).not.toContain(k.slice(20));
    expect(logged.toLowerCase()).not.toContain('authorization');
  }, 120_000);

  it('fails at start with exit 4 when MongoDB cannot be reached', async () => {
    const r = await runCommand(['serve', '--from', join(dir, 'out'), '--port', '0', '--require-key', '--mongo', 'mongodb://127.0.0.1:1/']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^frictionlens: cannot reach MongoDB at/);
  });
});
