import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerToken, formatKey, parseKey } from '../src/core/keys/key-format.js';
import { grants, parseScopes } from '../src/core/keys/scopes.js';
import { UsageError } from '../src/errors/index.js';
import { accessOf } from '../src/serve/route-access.js';
import { buildServer } from '../src/serve/server.js';
import type { Uploads } from '../src/serve/upload-run.js';
import type { ServeSource } from '../src/serve/source.js';
import { hashSecret, sameHash } from '../src/store/keys/secret-hash.js';
import { bundledModels } from './helpers/models.js';
import type { SubscriptionStore } from '../src/store/subscriptions/subscription-store.js';

describe('the text of an API key', () => {
  const id = '0123456789abcdef';
  const secret = randomBytes(32).toString('base64url');

  it('carries its id and its secret, and reads back to both', () => {
    const key = formatKey({ id, secret });
    expect(key).toBe(`fl_${id}_${secret}`);
    expect(parseKey(key)).toEqual({ id, secret });
  });

  it('reads a secret whose base64url holds "_" and "-"', () => {
    const tricky = `_-${'a'.repeat(39)}_-`;
    expect(parseKey(`fl_${id}_${tricky}`)).toEqual({ id, secret: tricky });
  });

  it('refuses anything else without throwing', () => {
    for (const text of [
      '',
      'fl_',
      `${id}_${secret}`,
      `fk_${id}_${secret}`,
      `fl_${id.toUpperCase()}_${secret}`,
      `fl_${id.slice(1)}_${secret}`,
      `fl_${id}_${secret.slice(1)}`,
      `fl_${id}_${secret}x`,
      `fl_${id}_${secret.slice(0, -1)}=`,
      ` fl_${id}_${secret}`,
      `fl_${id}_${secret}\n`,
      `fl_{"$gt":""}_${secret}`,
    ])
      expect(parseKey(text), JSON.stringify(text)).toBeNull();
  });

  it('is taken from an Authorization: Bearer header, whatever the case of the scheme', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('BEARER   abc ')).toBe('abc');
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'Token abc']) expect(bearerToken(header)).toBeNull();
  });
});

describe('the hash kept of a secret', () => {
  it('is the SHA-256 of the secret, never the secret', () => {
    const secret = randomBytes(32).toString('base64url');
    expect(hashSecret(secret)).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hashSecret(secret)).not.toContain(secret);
  });

  it('compares equal hashes as equal and any difference, length included, as unequal', () => {
    const a = hashSecret('one');
    expect(sameHash(a, hashSecret('one'))).toBe(true);
    expect(sameHash(a, hashSecret('two'))).toBe(false);
    expect(sameHash(a, `${a.slice(0, -1)}${a.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(sameHash(a, a.slice(0, -2))).toBe(false);
    expect(sameHash(a, '')).toBe(false);
  });
});

describe('scopes', () => {
  it('are read from comma-separated or repeated --scope values, deduplicated, in a fixed order', () => {
    expect(parseScopes(['runs:write,insights:read'])).toEqual(['insights:read', 'runs:write']);
    expect(parseScopes(['admin', 'insights:read', 'admin'])).toEqual(['insights:read', 'admin']);
    expect(parseScopes([' subscriptions:write '])).toEqual(['subscriptions:write']);
  });

  it('refuse an unknown scope, naming the valid ones, and an empty list', () => {
    expect(() => parseScopes(['insights:read,insights:write'])).toThrow(UsageError);
    expect(() => parseScopes(['read'])).toThrow("unknown scope 'read' (scopes: insights:read, runs:write, subscriptions:write, admin)");
    expect(() => parseScopes([])).toThrow(/--scope is needed/);
    expect(() => parseScopes([','])).toThrow(/unknown scope ''/);
  });

  it('grant their own routes, and admin grants every scope', () => {
    expect(grants(['insights:read'], 'insights:read')).toBe(true);
    expect(grants(['insights:read'], 'runs:write')).toBe(false);
    expect(grants(['runs:write', 'subscriptions:write'], 'insights:read')).toBe(false);
    for (const needed of ['insights:read', 'runs:write', 'subscriptions:write', 'admin'] as const) expect(grants(['admin'], needed)).toBe(true);
  });
});

describe('the access table', () => {
  it('opens the liveness probe and the OpenAPI document to everyone', () => {
    expect(accessOf('GET', '/api/v1/health')).toBe('public');
    expect(accessOf('HEAD', '/api/v1/health')).toBe('public');
    expect(accessOf('GET', '/openapi.json')).toBe('public');
  });

  it('asks insights:read to read, runs:write to upload, subscriptions:write for subscriptions, admin for /admin', () => {
    for (const route of ['/api/v1/themes/top', '/api/v1/themes/:id', '/api/v1/analyses', '/api/v1/runs/:id', '/api/v1/taxonomy', '/api/v1/metrics'])
      expect(accessOf('GET', route), route).toBe('insights:read');
    expect(accessOf('POST', '/api/v1/runs')).toBe('runs:write');
    for (const [method, route] of [
      ['GET', '/api/v1/subscriptions'],
      ['POST', '/api/v1/subscriptions'],
      ['DELETE', '/api/v1/subscriptions/:id'],
      ['GET', '/api/v1/subscriptions/:id'],
    ] as const)
      expect(accessOf(method, route), `${method} ${route}`).toBe('subscriptions:write');
    expect(accessOf('GET', '/admin/queues')).toBe('admin');
    expect(accessOf('POST', '/admin/queues/api/queues/:name/retry')).toBe('admin');
  });

  it('refuses what no rule names: other methods, routes outside the table (a look-alike prefix is not its neighbour)', () => {
    expect(accessOf('DELETE', '/api/v1/themes/:id')).toBeNull();
    expect(accessOf('POST', '/api/v1/themes/top')).toBeNull();
    expect(accessOf('PUT', '/api/v1/runs')).toBeNull();
    expect(accessOf('POST', '/api/v1/health')).toBeNull();
    expect(accessOf('GET', '/api/v1/subscriptionsX')).toBe('insights:read');
    expect(accessOf('GET', '/administrator')).toBeNull();
    expect(accessOf('GET', '/app.js.map')).toBeNull();
    expect(accessOf('POST', '/')).toBeNull();
    expect(accessOf('GET', '/api/v2/themes/top')).toBeNull();
  });
});

describe('every route of the server', () => {
  it('has a rule in the access table, so that none is refused to every key by mistake', async () => {
    // The routes are listed, never called: the source and the uploads are not used.
    const app = await buildServer({
      source: {} as ServeSource,
      ...bundledModels(),
      uploads: {} as Uploads,
      subscriptions: { store: {} as SubscriptionStore, webhookAllow: [] },
    });
    await app.ready();
    // printRoutes draws a tree ("├── api/v1/datasets (GET)", "│   └── /:name (GET)"): a
    // route is its ancestors' segments and its own, joined.
    const routes: string[] = [];
    const ancestors: string[] = [];
    for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /^(.*?)[└├]── (\S+) \(([A-Z, ]+)\)/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length / 4;
      ancestors.length = depth;
      const route = ancestors.join('') + m[2]!;
      ancestors.push(m[2]!);
      routes.push(...m[3]!.split(', ').map((method) => `${method} ${route}`));
    }
    await app.close();
    expect(routes).toEqual(
      expect.arrayContaining(['GET /api/v1/themes/top', 'POST /api/v1/runs', 'POST /api/v1/subscriptions', 'DELETE /api/v1/subscriptions/:id']),
    );
    expect(routes.filter((r) => accessOf(r.split(' ')[0]!, r.split(' ')[1]!) === null)).toEqual([]);
    for (const r of routes.filter((r) => r.includes('/subscriptions'))) expect(accessOf(r.split(' ')[0]!, r.split(' ')[1]!), r).toBe('subscriptions:write');
  });
});
