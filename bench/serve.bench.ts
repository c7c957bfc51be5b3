/**
 * npm run bench:serve — the HTTP API as a dashboard uses it, over a dataset of BENCH_ROWS
 * generated feedback rows (default 1,000,000; six months, sliced by channel):
 *
 * 1. embedded: `analyze FILE --by channel --out DIR`, then `serve --from DIR`;
 * 2. FerretDB: `submit FILE --dataset bench --by channel --wait` with 2 workers, then `serve`
 *    on the same services (REDIS_URL / MONGO_URL, else scripts/services.sh).
 *
 * FerretDB's server asks for a key (created with `keys create`; the rate limit raised for the
 * load), so its figures include the key check (a lookup by id per request).
 * On each: the latency of GET /api/v1/themes/top for one-month windows (p50 / p95 of 200
 * sequential requests over the six months and the channels, after a first request that pays
 * for loading the dataset's view; goal p95 <= 50 ms), then load from autocannon (50
 * connections, 30 s, loopback) on one window, against GET /api/v1/health on the same server
 * as the named baseline: routing, validation, headers and the key check, plus on the
 * MongoDB-backed server a MongoDB and a Redis probe per call, so there it is no floor and
 * the "vs health" ratio flatters the top-themes route.
 *
 *   npm run build && npm run bench:serve                    # writes bench/results/serve.md
 *   BENCH_ROWS=100000 npm run bench:serve                   # a quicker look
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaseServices } from '../scripts/lib/services.js';
import { benchEnv } from './lib/bench-env.js';
import { generatedFile } from './lib/generated-file.js';
import { runMeasured } from './lib/rss.js';
import { startWorkers } from './distributed/workers.js';
import { load, sequentialLatency, type Latencies, type Load } from './serve/latency.js';
import { benchReport, fmt } from './lib/report.js';
import { dropBenchData } from './lib/drop-bench-data.js';

const root = join(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const cli = join(root, 'dist/src/cli/main.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first (the bench measures the built CLI)');

const { lines, say } = benchReport();

const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const CHANNELS = [undefined, 'chat', 'survey', 'call', 'email', 'review'];
const lastDay = (month: string): string => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const windowPath = (i: number): string => {
  const month = MONTHS[i % MONTHS.length]!;
  const channel = CHANNELS[Math.floor(i / MONTHS.length) % CHANNELS.length];
  return `/api/v1/themes/top?from=${month}-01&to=${lastDay(month)}${channel ? `&channel=${channel}` : ''}&limit=15`;
};
const PATHS = Array.from({ length: 201 }, (_, i) => windowPath(i));

/** A `frictionlens serve` process on a free port; resolves with its base URL once it listens. */
async function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ base: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(cli, ['serve', '--port', '0', '--quiet', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^ ]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
  });
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.on('exit', resolve));
    },
  };
}

interface Measured {
  store: string;
  latency: Latencies;
  top: Load;
  health: Load;
}

async function measure(store: string, base: string, headers: Record<string, string> = {}): Promise<Measured> {
  const latency = await sequentialLatency(base, PATHS, headers);
  const health = await load(`${base}/api/v1/health`, 50, 30, headers);
  const top = await load(`${base}${windowPath(2)}`, 50, 30, headers);
  return { store, latency, top, health };
}

const dir = join(tmpdir(), 'frictionlens-bench');
const file = await generatedFile(dir, `serve-${ROWS}.jsonl`, ROWS, 'jsonl', say);

const results: Measured[] = [];
const out = join(dir, `serve-out-${process.pid}`);
const analyzed = await runMeasured(cli, ['analyze', file, '--by', 'channel', '--out', out, '--json']);
if (analyzed.code !== 0) throw new Error('analyze failed');
const counts = (JSON.parse(analyzed.stdout) as { run: { analyzed: number } }).run;
say(`embedded: analyze --out: ${fmt(analyzed.seconds, 1)} s, ${fmt(counts.analyzed)} analyses`);
try {
  const server = await startServe(['--from', out], process.env);
  try {
    results.push(await measure('embedded (serve --from DIR)', server.base));
  } finally {
    await server.stop();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const services = await leaseServices();
const tag = `bench_serve_${process.pid}`;
const env = benchEnv(services, tag);
try {
  const workers = await startWorkers(cli, 2, env);
  try {
    const submitted = await runMeasured(cli, ['submit', file, '--dataset', 'bench', '--by', 'channel', '--wait', '--json'], env);
    if (submitted.code !== 0) throw new Error('submit failed');
    say(`FerretDB: submit --wait with 2 workers: ${fmt(submitted.seconds, 1)} s`);
  } finally {
    await workers.stop();
  }
  // The datasets in MongoDB are served to keys only; the limit raised past what the load sends.
  const created = await runMeasured(cli, ['keys', 'create', '--name', 'bench', '--scope', 'insights:read', '--json'], env);
  if (created.code !== 0) throw new Error('keys create failed');
  const headers = { authorization: `Bearer ${(JSON.parse(created.stdout) as { key: string }).key}` };
  const server = await startServe(['--mongo', services.mongoUrl, '--redis', services.redisUrl, '--rate-limit', '100000000'], env);
  try {
    results.push(await measure('FerretDB (serve, dataset bench, with a key)', server.base, headers));
  } finally {
    await server.stop();
  }
} finally {
  await dropBenchData(services, tag).catch(() => {});
  await services.release();
}

say();
say(`# Serve benchmark (${new Date().toISOString().slice(0, 10)})`);
say();
say(
  `Made by \`npm run bench:serve\` (bench/serve.bench.ts) on ${cpus().length} cores, node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.`,
);
say(`Dataset: ${fmt(ROWS)} generated rows (${fmt(counts.analyzed)} analyses), six months, weekly buckets, sliced by channel.`);
say();
say('## GET /api/v1/themes/top, one-month windows, sequential (goal p95 <= 50 ms)');
say();
say('| store | first request ms | p50 ms | p95 ms | requests | goal |');
say('|---|---:|---:|---:|---:|---|');
for (const r of results)
  say(
    `| ${r.store} | ${fmt(r.latency.firstMs, 1)} | ${fmt(r.latency.p50Ms, 1)} | ${fmt(r.latency.p95Ms, 1)} | ${r.latency.requests} | ${r.latency.p95Ms <= 50 ? 'holds' : 'MISSED'} |`,
  );
say();
say('## Under load: autocannon, 50 connections, 30 s, loopback (goal: 0 errors)');
say();
say('| store | route | requests/s | p50 ms | p99 ms | errors | non-2xx | vs health |');
say('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  for (const [route, l] of [
    ['GET /api/v1/health (baseline)', r.health],
    ['GET /api/v1/themes/top (one month)', r.top],
  ] as Array<[string, Load]>)
    say(
      `| ${r.store} | ${route} | ${fmt(l.requestsPerSecond)} | ${fmt(l.p50Ms)} | ${fmt(l.p99Ms)} | ${l.errors} | ${l.non2xx} | ${fmt(l.requestsPerSecond / r.health.requestsPerSecond, 2)} |`,
    );
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'serve.md'), `${lines.slice(lines.findIndex((l) => l.startsWith('# Serve'))).join('\n')}\n`);
