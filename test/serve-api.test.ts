import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDirSource } from '../src/serve/out-dir-source.js';
import { buildServer } from '../src/serve/server.js';
import { runCommand, spawnCommand } from './helpers/cli.js';
import { bundledModels } from './helpers/models.js';
import { loadOwners } from '../src/load/owners.js';
import { loadComposedTaxonomy } from '../src/load/industry-packs.js';

/**
 * The API over what `analyze --out DIR` wrote (serve --from): every route against a real
 * run of the sample, its answers compared with the CLI's own `--json` on the same run.
 */
let dir: string;
let app: FastifyInstance;
let cli: {
  runId: string;
  coverage: unknown;
  themes: Array<Record<string, unknown>>;
  by: Array<{ field: string; values: Array<{ value: string; themes: Array<Record<string, unknown>> }> }>;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fl-serve-'));
  const out = join(dir, 'out');
  const run = await runCommand(['analyze', 'data/samples/feedback.jsonl', '--by', 'channel,attributes.region', '--out', out, '--json']);
  expect(run.code, run.stderr).toBe(0);
  cli = JSON.parse(run.stdout);
  app = await buildServer({ source: await outDirSource(out), ...bundledModels() });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : res.body, headers: res.headers };
};
const withoutRank = (rows: Array<Record<string, unknown>>) => rows.map(({ rank: _rank, ...row }) => row);

describe('GET /api/v1/themes/top', () => {
  it("answers the same rows and figures as analyze --json's themes, for the whole dataset", async () => {
    const { status, body } = await get('/api/v1/themes/top?limit=1000');
    expect(status).toBe(200);
    expect(body.window).toBeNull();
    expect(withoutRank(body.themes)).toEqual(cli.themes);
    expect(body.coverage).toEqual(cli.coverage);
  });

  it("answers a facet's rows as analyze --json's breakdown by that field, by channel and by attribute", async () => {
    const chat = cli.by.find((b) => b.field === 'channel')!.values.find((v) => v.value === 'chat')!;
    const { body } = await get('/api/v1/themes/top?channel=chat&limit=1000');
    expect(body.facet).toBe('channel=chat');
    expect(body.themes.map((t: { id: string; volume: number }) => [t.id, t.volume])).toEqual(chat.themes.map((t) => [t.id, t.volume]));
    const region = cli.by.find((b) => b.field === 'attributes.region')!.values[0]!;
    const byAttribute = await get(`/api/v1/themes/top?attr.region=${encodeURIComponent(region.value)}&limit=1000`);
    expect(byAttribute.body.themes.map((t: { id: string }) => t.id)).toEqual(region.themes.map((t) => t.id));
  });

  it('ranks a window of buckets, sorts by volume, impact or trend, and limits', async () => {
    const { body } = await get('/api/v1/themes/top?from=2026-06-01&to=2026-06-30&sort=volume&limit=5');
    expect(body.window.from >= '2026-06-01' && body.window.to <= '2026-06-30').toBe(true);
    expect(body.themes).toHaveLength(5);
    const volumes = body.themes.map((t: { volume: number }) => t.volume);
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
    expect(body.themes.map((t: { rank: number }) => t.rank)).toEqual([1, 2, 3, 4, 5]);
    const byImpact = (await get('/api/v1/themes/top?sort=impact&limit=3')).body.themes.map((t: { impact: { value: number } }) => t.impact.value);
    expect(byImpact).toEqual([...byImpact].sort((a, b) => a - b));
    expect((await get('/api/v1/themes/top?sort=trend&limit=2')).status).toBe(200);
  });

  it('refuses bad parameters with 400 and a JSON error, operator-injection shapes included', async () => {
    for (const url of [
      '/api/v1/themes/top?dataset%5B%24ne%5D=x',
      '/api/v1/themes/top?dataset=a&dataset=b',
      '/api/v1/themes/top?limit=1001',
      '/api/v1/themes/top?limit=-1',
      '/api/v1/themes/top?sort=random',
      '/api/v1/themes/top?from=yesterday',
      '/api/v1/themes/top?from=2026-07-01&to=2026-06-01',
      '/api/v1/analyses?from=2026-07-01&to=2026-06-01',
      '/api/v1/themes/top?channel=chat&attr.region=x',
      '/api/v1/themes/top?%24where=1',
      '/api/v1/analyses?cursor=%7B%22%24gt%22%3A%22%22%7D',
    ]) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.error.code, url).toBe('usage');
      expect(typeof body.error.message).toBe('string');
    }
  });

  it('answers 404 for a dataset it does not hold and 422 for a field the run was not analysed by', async () => {
    const missing = await get('/api/v1/themes/top?dataset=other');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: "no dataset 'other' (datasets: default)" });
    const unsliced = await get('/api/v1/themes/top?segment=enterprise');
    expect(unsliced.status).toBe(422);
    expect(unsliced.body.error.message).toContain('--by segment');
  });
});

describe('GET /api/v1/themes/:id', () => {
  it("gives a theme's series by bucket with spikes marked, impact by facet, its driver and quotes", async () => {
    const top = cli.themes[0] as { id: string; impact: unknown; quotes: unknown };
    const { status, body } = await get(`/api/v1/themes/${top.id}`);
    expect(status).toBe(200);
    expect(body.overall.impact).toEqual(top.impact);
    expect(body.quotes).toEqual(top.quotes);
    expect(body.series.length).toBeGreaterThan(3);
    expect(body.series.map((p: { bucket: string }) => p.bucket)).toEqual([...body.series.map((p: { bucket: string }) => p.bucket)].sort());
    for (const p of body.series) expect(typeof p.spike).toBe('boolean');
    expect(body.impactByFacet[0].facet).toBe('all');
    expect(body.impactByFacet.some((f: { facet: string }) => f.facet.startsWith('channel='))).toBe(true);
    expect(body.driver?.themeId ?? top.id).toBe(top.id);
    expect(body.cooccurring.length).toBeGreaterThan(0);
    for (const c of body.cooccurring) expect(c.share > 0 && c.share <= 1 && c.id !== top.id && typeof c.name === 'string').toBe(true);
    expect((await get('/api/v1/themes/no.such-theme')).status).toBe(404);
    expect((await get('/api/v1/themes/NOT%20AN%20ID')).status).toBe(400);
  });
});

describe('GET /api/v1/analyses', () => {
  it('pages redacted analyses of a theme by cursor, each page after the last, every one matching the filters', async () => {
    const theme = (cli.themes[0] as { id: string }).id;
    const seen: string[] = [];
    let cursor = '0';
    for (let page = 0; page < 50 && cursor !== null; page++) {
      const { status, body } = await get(`/api/v1/analyses?theme=${theme}&sentiment=negative&limit=20&cursor=${cursor}`);
      expect(status).toBe(200);
      for (const a of body.items) {
        expect(a.themes.some((t: { id: string }) => t.id === theme)).toBe(true);
        expect(a.sentiment.label).toBe('negative');
        expect(a.text).not.toMatch(/@[a-z]+\.[a-z]/i);
        seen.push(a.id);
      }
      cursor = body.next;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(20);
    // Evidence and sentences come with their spans in the text: the words a theme was found in.
    const sample = (await get(`/api/v1/analyses?theme=${theme}&limit=5`)).body.items;
    for (const a of sample) {
      const mention = a.themes.find((t: { id: string }) => t.id === theme);
      expect(a.text.slice(mention.span.start, mention.span.end)).toBe(mention.evidence);
      const sentence = a.sentences[mention.sentence];
      expect(sentence.span.start <= mention.span.start && mention.span.end <= sentence.span.end).toBe(true);
      expect(['negative', 'neutral', 'positive']).toContain(sentence.sentiment.label);
    }
    const chat = await get('/api/v1/analyses?channel=chat&from=2026-06-01&to=2026-06-07&limit=200');
    for (const a of chat.body.items)
      expect([a.channel, a.createdAt.slice(0, 10) >= '2026-06-01', a.createdAt.slice(0, 10) <= '2026-06-07']).toEqual(['chat', true, true]);
  });

  it('refuses a cursor that is not the start of an analysis', async () => {
    const { status, body } = await get('/api/v1/analyses?cursor=5');
    expect(status).toBe(400);
    expect(body.error.message).toContain('not the start of an analysis');
  });
});

describe('GET /api/v1/datasets', () => {
  it('lists the datasets and, for one, its bucket size, first and last bucket and the facet values to slice by', async () => {
    expect((await get('/api/v1/datasets')).body).toEqual({ datasets: ['default'] });
    const { status, body } = await get('/api/v1/datasets/default');
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'default', bucketSize: 'week', buckets: { first: expect.any(String), last: expect.any(String) } });
    expect(body.buckets.first < body.buckets.last).toBe(true);
    const channels = cli.by.find((b) => b.field === 'channel')!.values.map((v) => v.value);
    expect(body.facets).toEqual([
      { field: 'attributes.region', param: 'attr.region', values: expect.any(Array) },
      { field: 'channel', param: 'channel', values: [...channels].sort() },
    ]);
    // Every value offered is one the API slices by.
    const region = body.facets[0].values[0];
    expect((await get(`/api/v1/themes/top?attr.region=${encodeURIComponent(region)}`)).body.facet).toBe(`attributes.region=${region}`);
    expect((await get('/api/v1/datasets/other')).status).toBe(404);
  });
});

describe('runs, taxonomy, health, metrics, OpenAPI, errors and headers', () => {
  it('answers each with JSON (metrics in Prometheus text) and security headers, no CORS', async () => {
    const run = await get(`/api/v1/runs/${encodeURIComponent(cli.runId)}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ dataset: 'default', status: 'done', counts: { read: 3000 } });
    expect((await get('/api/v1/runs/nope')).status).toBe(404);
    expect((await get('/api/v1/runs')).body.runs).toEqual([run.body]);
    expect((await get('/api/v1/runs?dataset=other')).body.runs).toEqual([]);
    expect((await get('/api/v1/runs?status=done')).status).toBe(400);
    const taxonomy = await get('/api/v1/taxonomy');
    expect(taxonomy.body.themes.find((t: { id: string }) => t.id === 'delivery.lost-package')).toMatchObject({ owner: 'logistics' });
    const health = await get('/api/v1/health');
    expect(health.body).toEqual({ live: true, ready: true, source: 'out-dir' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toBeDefined();
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
    const metrics = await get('/api/v1/metrics');
    expect(metrics.body).toContain('frictionlens_http_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(/route="\/api\/v1\/themes\/top",status="200"/);
    expect(metrics.body).toMatch(/frictionlens_verbatims_analysed \d+/);
    const openapi = await get('/openapi.json');
    expect(openapi.body.openapi).toMatch(/^3\./);
    // No key asked here, so none declared.
    expect(openapi.body.security).toBeUndefined();
    for (const path of [
      '/api/v1/themes/top',
      '/api/v1/themes/{id}',
      '/api/v1/analyses',
      '/api/v1/datasets',
      '/api/v1/datasets/{name}',
      '/api/v1/runs/{id}',
      '/api/v1/taxonomy',
      '/api/v1/health',
      '/api/v1/metrics',
    ])
      expect(Object.keys(openapi.body.paths), path).toContain(path);
    const params = openapi.body.paths['/api/v1/themes/top'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['dataset', 'from', 'to', 'channel', 'segment', 'sort', 'limit']));
    expect(await get('/nope')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('refuses a body over the limit with 413 and a JSON error', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/themes/top', payload: 'x'.repeat(1_100_000), headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});

describe('frictionlens serve --from DIR', () => {
  it('listens on loopback and answers over HTTP, refuses a non-loopback host and a DIR analyze did not write', async () => {
    const server = spawnCommand(['serve', '--from', join(dir, 'out'), '--port', '0', '--quiet']);
    try {
      const deadline = Date.now() + 60_000;
      while (!/listening on/.test(server.stdout()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())?.[1];
      expect(url, server.stderr()).toBeDefined();
      const res = await fetch(`${url}/api/v1/themes/top?limit=3`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { themes: unknown[] }).themes).toHaveLength(3);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect((await runCommand(['serve', '--from', join(dir, 'out'), '--host', '0.0.0.0'])).code).toBe(2);
    await writeFile(join(dir, 'not-json.txt'), 'x');
    const wrong = await runCommand(['serve', '--from', dir, '--port', '0']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('insights.json: not found');
  }, 120_000);
});

describe('owners from an owners map with a facet rule (serve --owners)', () => {
  it('gives the facet rule team on the rows of its facet, the family team elsewhere, in /themes and /taxonomy', async () => {
    const file = join(dir, 'owners.yaml');
    await writeFile(
      file,
      `version: 1
teams: [{ id: money, name: Money }, { id: chat-desk, name: Chat desk }, { id: rest, name: Everyone else }]
rules:
  - { team: rest }
  - { family: billing, team: money }
  - { family: billing, facet: channel=chat, team: chat-desk }
`,
    );
    const composed = loadComposedTaxonomy();
    const owned = await buildServer({
      source: await outDirSource(join(dir, 'out')),
      taxonomy: composed.taxonomy,
      owners: loadOwners(composed, { owners: file }),
    });
    try {
      const top = async (url: string) => (await owned.inject({ method: 'GET', url })).json();
      const all = await top('/api/v1/themes/top?limit=1000');
      const chat = await top('/api/v1/themes/top?channel=chat&limit=1000');
      const ownerIn = (body: { themes: Array<{ id: string; owner: string }> }, id: string) => body.themes.find((t) => t.id === id)?.owner;
      expect(ownerIn(all, 'billing.double-charge')).toBe('money');
      expect(ownerIn(chat, 'billing.double-charge')).toBe('chat-desk');
      expect(ownerIn(all, 'delivery.lost-package')).toBe('rest');
      expect(ownerIn(chat, 'delivery.lost-package')).toBe('rest');
      expect((await top('/api/v1/themes/billing.double-charge?channel=chat')).owner).toBe('chat-desk');
      expect((await top('/api/v1/themes/billing.double-charge')).owner).toBe('money');
      const tax = await top('/api/v1/taxonomy');
      expect(tax.families.find((f: { id: string }) => f.id === 'billing').owner).toBe('money');
      expect(tax.teams.map((t: { id: string }) => t.id)).toEqual(['money', 'chat-desk', 'rest']);
    } finally {
      await owned.close();
    }
  });
});
