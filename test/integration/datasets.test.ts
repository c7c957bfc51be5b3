import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsReconcile, type RunCounts } from '../../src/contracts/index.js';
import { dropQueues, runCli, spawnCli, startWorker, stopWorker, waitFor, type CliProcess } from '../helpers/cluster.js';
import { openMongoStore } from '../../src/store/mongo/open.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';

/**
 * Two overlapping exports submitted to one dataset (a daily export that repeats yesterday's
 * tail): the overlap counts once, and the dataset served over HTTP answers exactly what one
 * run over the union of the two exports answers.
 */
const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };
const FLAGS = ['--by', 'channel'];
const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'samples', 'feedback.jsonl');

let dir: string;
let worker: CliProcess;
let server: CliProcess | undefined;
let base: string;
type Summary = { runId: string; run: RunCounts; themes: Array<Record<string, unknown>>; coverage: unknown };
let union: Summary;
let first: Summary;
let second: Summary;
let uploadedRunId = '';
/** The datasets in MongoDB are served to keys only. */
let auth: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fl-datasets-'));
  const lines = (await readFile(SAMPLE, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  // Rows 1-2000, then rows 1001-3000: 1000 rows in both exports.
  await writeFile(join(dir, 'monday.jsonl'), `${lines.slice(0, 2000).join('\n')}\n`);
  await writeFile(join(dir, 'tuesday.jsonl'), `${lines.slice(1000).join('\n')}\n`);
  worker = await startWorker(ns);
  const analyze = await runCli(ns, ['analyze', SAMPLE, ...FLAGS, '--json']);
  expect(analyze.code, analyze.stderr).toBe(0);
  union = JSON.parse(analyze.stdout);
  const submit = async (file: string): Promise<Summary> => {
    const run = await runCli(ns, ['submit', join(dir, file), '--dataset', 'shop', ...FLAGS, '--batch-size', '250', '--wait', '--json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };
  first = await submit('monday.jsonl');
  second = await submit('tuesday.jsonl');
  const created = await runCli(ns, ['keys', 'create', '--name', 'datasets-test', '--scope', 'insights:read,runs:write', '--json']);
  expect(created.code, created.stderr).toBe(0);
  auth = { authorization: `Bearer ${(JSON.parse(created.stdout) as { key: string }).key}` };
  server = spawnCli(ns, ['serve', '--port', '0', '--quiet', '--upload-limit', '5', '--upload-dir', join(dir, 'uploads')]);
  await waitFor(
    () => /listening on/.test(server!.stdout()),
    60_000,
    () => `serve did not start:\n${server!.stderr()}`,
  );
  base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())![1]!;
}, 300_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  if (worker) await stopWorker(worker);
  await dropQueues(ns.prefix);
  await dropDatabase(ns.db);
  await rm(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(`${base}${path}`, { headers: auth });
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, read field by field in the assertions
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('a dataset fed by two overlapping exports', () => {
  it('counts the overlap once: as duplicates of the later run, every row accounted for', () => {
    expect(countsReconcile(first.run) && countsReconcile(second.run)).toBe(true);
    expect(first.run.analyzed + second.run.analyzed).toBe(union.run.analyzed);
    // The later run's duplicates: its own repeated ids, and the ids the earlier run analysed.
    expect(second.run.duplicates).toBeGreaterThan(900);
    expect(second.run.read).toBe(2000);
  });

  it("keeps the dataset's rollups by bucket, written by the aggregate stage: each names the runs that touched it", async () => {
    const store = await openMongoStore({ url: services().mongoUrl, database: ns.db });
    try {
      const runs = [(await store.getRun(first.runId))!, (await store.getRun(second.runId))!];
      // Before any request: the aggregate stage cut each run by bucket and summed the dataset's.
      expect(runs.every((r) => r.rollup?.generation === r.insightGeneration)).toBe(true);
      const index = await store.rollupIndex('dataset:shop');
      const buckets = [...new Set(runs.flatMap((r) => r.rollup!.buckets))].sort();
      expect(index.map((e) => e.bucket).sort()).toEqual(buckets);
      for (const entry of index) {
        const touched = runs.filter((r) => r.rollup!.buckets.includes(entry.bucket)).map((r) => `${r.id}@${r.insightGeneration}`);
        expect(entry.sources, entry.bucket).toEqual(touched.sort());
      }
      expect(index.length).toBeGreaterThan(3);
    } finally {
      await store.close();
    }
  });

  it('serves the dataset as one run over the union of the exports: the same themes and figures', async () => {
    const { status, body } = await get('/api/v1/themes/top?dataset=shop&limit=1000');
    expect(status).toBe(200);
    const rows = (body.themes as Array<Record<string, unknown>>).map(({ rank: _rank, ...row }) => row);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(union.themes);
    expect(body.coverage).toEqual(union.coverage);
  });

  it('pages every analysis of the dataset once, across its runs', async () => {
    const ids: string[] = [];
    let cursor: string | null = '0';
    for (let page = 0; cursor !== null && page < 100; page++) {
      const { status, body } = await get(`/api/v1/analyses?dataset=shop&limit=200&cursor=${cursor}`);
      expect(status).toBe(200);
      ids.push(...body.items.map((a: { id: string }) => a.id));
      cursor = body.next;
    }
    expect(ids.length).toBe(union.run.analyzed);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers runs, datasets it does not hold, health and queue metrics from the services', async () => {
    expect((await get(`/api/v1/runs/${second.runId}`)).body).toMatchObject({ id: second.runId, dataset: 'shop', status: 'done' });
    const listed = (await get('/api/v1/runs?dataset=shop')).body.runs as Array<{ id: string; counts: RunCounts }>;
    expect(listed.map((r) => r.id)).toEqual([second.runId, first.runId]);
    expect(listed[0]!.counts).toEqual(second.run);
    expect((await get('/api/v1/themes/top?dataset=other')).body.error).toEqual({ code: 'not_found', message: "no dataset 'other' (datasets: shop)" });
    expect((await get('/api/v1/health')).body).toEqual({ live: true, ready: true, source: 'store', services: { mongodb: true, redis: true } });
    expect((await fetch(`${base}/api/v1/themes/top?dataset=shop`)).status).toBe(401);
    const metrics = await (await fetch(`${base}/api/v1/metrics`, { headers: auth })).text();
    expect(metrics).toMatch(/frictionlens_queue_jobs\{stage="analyze",state="completed"\} \d+/);
    expect(metrics).toMatch(/frictionlens_verbatims_analysed \d+/);
  });

  it('shows the queues in Bull Board at /admin/queues, to an admin key only', async () => {
    const admin = await runCli(ns, ['keys', 'create', '--name', 'operator', '--scope', 'admin', '--json']);
    expect(admin.code, admin.stderr).toBe(0);
    const adminAuth = { authorization: `Bearer ${(JSON.parse(admin.stdout) as { key: string }).key}` };
    expect((await fetch(`${base}/admin/queues`, { headers: auth })).status).toBe(403);
    const page = await fetch(`${base}/admin/queues`, { headers: adminAuth });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const api = await fetch(`${base}/admin/queues/api/queues`, { headers: adminAuth });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name).sort();
    expect(names).toEqual(['aggregate', 'analyze', 'ingest', 'route']);
  });

  it('refuses a run that would slice the dataset otherwise, before any work (exit 3)', async () => {
    const other = await runCli(ns, ['submit', join(dir, 'monday.jsonl'), '--dataset', 'shop', '--by', 'segment']);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('dataset shop is bucketed by week and sliced by channel');
  });

  it('runs an export uploaded over HTTP: 202 with the run id, then the same themes as the CLI', async () => {
    const res = await fetch(`${base}/api/v1/runs?dataset=uploaded&by=channel&batch-size=500`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-ndjson' },
      body: await readFile(SAMPLE),
    });
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    uploadedRunId = runId;
    expect(res.headers.get('location')).toBe(`/api/v1/runs/${runId}`);
    // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, read field by field
    let run: Record<string, any> = {};
    await waitFor(
      async () => {
        run = (await get(`/api/v1/runs/${runId}`)).body;
        return run.status === 'done' || run.status === 'failed';
      },
      240_000,
      () => `run ${runId} did not finish: ${JSON.stringify(run)}`,
    );
    expect(run).toMatchObject({ dataset: 'uploaded', status: 'done', counts: union.run });
    const top = await get('/api/v1/themes/top?dataset=uploaded&limit=1000');
    expect(top.body.themes.map(({ rank: _rank, ...row }: Record<string, unknown>) => row)).toEqual(union.themes);
  }, 300_000);

  it('refuses an upload it cannot run, before any run is made: 422, 415, 400 and 413 with a JSON error', async () => {
    const post = async (query: string, type: string, body: string | Blob) => {
      const res = await fetch(`${base}/api/v1/runs${query}`, { method: 'POST', headers: { ...auth, 'content-type': type }, body });
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    };
    const missing = await post('?map=text%3Dno_such_column', 'text/csv', 'comment,score\nLate again,3\n');
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toContain('no_such_column');
    expect((await post('', 'text/plain', 'hello')).status).toBe(415);
    expect((await post('?dataset%5B%24ne%5D=x', 'text/csv', 'text\nhi\n')).status).toBe(400);
    const huge = await post('', 'text/csv', new Blob([Buffer.alloc(6 * 1_048_576, 'a')]));
    expect(huge).toEqual({ status: 413, body: { error: { code: 'payload_too_large', message: 'the upload is over the limit of 5,242,880 bytes' } } });
    const store = await openMongoStore({ url: services().mongoUrl, database: ns.db });
    try {
      expect((await store.listRuns()).map((r) => r.id).sort()).toEqual([first.runId, second.runId, uploadedRunId].sort());
    } finally {
      await store.close();
    }
    expect(await readdir(join(dir, 'uploads'))).toEqual([]);
  });

  it('follows a run that finishes later: the view it answers from is replaced once the next is ready', async () => {
    const before = (await get('/api/v1/themes/top?dataset=shop&limit=1000')).body.themes as Array<{ id: string; volume: number }>;
    const total = (themes: Array<{ volume: number }>) => themes.reduce((sum, t) => sum + t.volume, 0);
    // 200 rows the dataset has not seen (new ids), as a third export.
    const lines = (await readFile(SAMPLE, 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(0, 200);
    const fresh = lines.map((l) => l.replace(/"id":"([^"]+)"/, '"id":"wednesday-$1"'));
    await writeFile(join(dir, 'wednesday.jsonl'), `${fresh.join('\n')}\n`);
    const third = await runCli(ns, ['submit', join(dir, 'wednesday.jsonl'), '--dataset', 'shop', ...FLAGS, '--wait', '--json']);
    expect(third.code, third.stderr).toBe(0);
    let after = before;
    await waitFor(
      async () => {
        const res = await get('/api/v1/themes/top?dataset=shop&limit=1000');
        expect(res.status).toBe(200);
        after = res.body.themes;
        return total(after) > total(before);
      },
      120_000,
      () => `the view did not follow the third run: ${total(before)} mentions before, ${total(after)} after`,
    );
  }, 180_000);
});
