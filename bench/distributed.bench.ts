/**
 * npm run bench:distributed — the distributed mode against the embedded one, on this machine:
 *
 * 1. the same generated file (BENCH_ROWS rows, default 200,000) through `frictionlens
 *    analyze` and through `frictionlens submit --wait` with 2 workers (BENCH_WORKERS):
 *    wall times and their ratio (goal >= 0.6), and Redis's peak memory during that run;
 * 2. the store's write rate (analyses/s) against a bare insertMany loop on the same server;
 * 3. BullMQ's overhead per batch job (a flow of no-op batches).
 *
 * Services: REDIS_URL / MONGO_URL, else scripts/services.sh (Redis, FerretDB). Needs the
 * built CLI (npm run build). Timings on a shared machine are noisy: run it on a quiet one.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaseServices, type ServiceLease } from '../scripts/lib/services.js';
import { Verbatim, type Analysis } from '../src/contracts/index.js';
import { analyzeVerbatim } from '../src/core/analyze.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { benchEnv } from './lib/bench-env.js';
import { generatedFile } from './lib/generated-file.js';
import { runMeasured } from './lib/rss.js';
import { queueOverheadMs } from './distributed/queue-overhead.js';
import { sampleRedisMemory } from './distributed/redis-memory.js';
import { describeMongo } from './distributed/services.js';
import { storeWriteRates } from './distributed/store-writes.js';
import { startWorkers } from './distributed/workers.js';
import { dropBenchData } from './lib/drop-bench-data.js';

const root = join(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const WRITES = Number(process.env.BENCH_WRITES ?? 20_000);
const cli = join(root, 'dist/src/cli/main.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first (the bench measures the built CLI)');

const services = await leaseServices();
const tag = `bench_${process.pid}`;
// Whatever fails, the workers are stopped (startWorkers, below), this bench's data dropped
// and the services' lease released: nothing is left running or stored.
try {
  await bench(services);
} finally {
  await dropBenchData(services, tag).catch((error: unknown) => console.error(`cleaning up ${tag}: ${error instanceof Error ? error.message : String(error)}`));
  await services.release();
}

async function bench(services: ServiceLease): Promise<void> {
  const env = benchEnv(services, tag);
  const server = await describeMongo(services.mongoUrl);
  console.log(`machine: ${cpus().length} cores, node ${process.version}; store: ${server}; Redis ${services.redisUrl}`);

  // 1. The same file, embedded and distributed.
  const dir = join(tmpdir(), 'frictionlens-bench');
  const file = await generatedFile(dir, `big-${ROWS}.csv`, ROWS, 'csv', console.log);
  const flags = ['--by', 'channel', '--date', '2026-11-01T00:00:00Z', '--json'];
  const embedded = await runMeasured(cli, ['analyze', file, ...flags], env);
  if (embedded.code !== 0) throw new Error('analyze failed');

  const workers = await startWorkers(cli, WORKERS, env);
  let distributed: Awaited<ReturnType<typeof runMeasured>>;
  let redis: { baseMb: number; peakMb: number };
  try {
    const memory = await sampleRedisMemory(services.redisUrl);
    try {
      distributed = await runMeasured(cli, ['submit', file, ...flags, '--wait'], env);
    } finally {
      redis = await memory.stop();
    }
  } finally {
    await workers.stop();
  }
  if (distributed.code !== 0) throw new Error('submit failed');
  const same = JSON.stringify({ ...JSON.parse(embedded.stdout), runId: '' }) === JSON.stringify({ ...JSON.parse(distributed.stdout), runId: '' });

  // 2. Store writes: real analyses (the samples, analysed once, repeated under new ids).
  const { analyzer } = await loadAnalyzer();
  const verbatims = readFileSync(join(root, 'data/samples/feedback.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      const v = Verbatim.safeParse(JSON.parse(l));
      return v.success ? [v.data] : [];
    });
  const analysed = verbatims.flatMap((v) => {
    const o = analyzeVerbatim(analyzer, v, 'bench-writes');
    return o.kind === 'analysis' ? [o.analysis] : [];
  });
  const docs: Analysis[] = Array.from({ length: WRITES }, (_, i) => ({ ...analysed[i % analysed.length]!, verbatimId: `w${i}` }));
  const writes = await storeWriteRates(services.mongoUrl, `${tag}_writes`, docs);

  // 3. Queue overhead per batch.
  const overhead = await queueOverheadMs(services.redisUrl, `${tag}_q`);

  const rate = (rows: number, s: number) => Math.round(rows / s).toLocaleString('en-US');
  console.log(`file: ${ROWS.toLocaleString('en-US')} generated rows (CSV), --by channel, batches of 500`);
  console.log(
    `embedded  analyze:                  ${embedded.seconds.toFixed(1)} s  ${rate(ROWS, embedded.seconds)} rows/s  peak RSS ${embedded.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `distributed submit --wait, ${WORKERS} workers: ${distributed.seconds.toFixed(1)} s  ${rate(ROWS, distributed.seconds)} rows/s  (submitter peak RSS ${distributed.peakMb.toFixed(0)} MB)`,
  );
  console.log(
    `ratio distributed/embedded throughput: ${(embedded.seconds / distributed.seconds).toFixed(2)} (goal >= 0.6); same table and counts: ${same ? 'yes' : 'NO'}`,
  );
  console.log(`Redis peak memory during the run: +${redis.peakMb.toFixed(1)} MB over ${redis.baseMb.toFixed(1)} MB at the start`);
  const perS = (x: number) => `${Math.round(x).toLocaleString('en-US')}/s`;
  console.log(
    `store writes, ${WRITES.toLocaleString('en-US')} analyses (~${Math.round(JSON.stringify(docs.slice(0, 1000)).length / 1000 / 100) * 100} B of JSON each), batches of 500: store.putAnalyses ${perS(writes.store)}; bare insertMany of the same documents ${perS(writes.bare)} (ratio ${(writes.store / writes.bare).toFixed(2)}); bare insertMany of the nested analyses ${perS(writes.bareNested)}`,
  );
  console.log(`queue overhead per batch job (flow of 500 no-op batches): ${overhead.toFixed(2)} ms`);
  if (process.env.BENCH_KEEP !== '1') rmSync(file, { force: true });
}
