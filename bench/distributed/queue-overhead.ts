import { FlowProducer, Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { HELD } from '../../src/queue/job-options.js';

/**
 * What BullMQ costs per batch, without the batch's work: a run's flow as submit builds it
 * (a parent held open by a delayed ingest job, `n` children added one by one, then the
 * ingest job released) processed by no-op workers; milliseconds of wall time per child.
 */
export async function queueOverheadMs(redisUrl: string, prefix: string, n = 500): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const flow = new FlowProducer({ connection, prefix });
  const batches = new Queue('analyze', { connection, prefix });
  const ingest = new Queue('ingest', { connection, prefix });
  const parents = new Queue('aggregate', { connection, prefix });
  let parentDone!: () => void;
  const finished = new Promise<void>((resolve) => (parentDone = resolve));
  // BullMQ leaves connections it was given open: they are disconnected below.
  const connections: Redis[] = [];
  const worker = (name: string, fn: () => unknown, concurrency = 1) => {
    const c = new Redis(redisUrl, { maxRetriesPerRequest: null });
    connections.push(c);
    return new Worker(name, async () => fn(), { connection: c, prefix, concurrency });
  };
  const workers = [worker('analyze', () => ({ read: 1 }), 2), worker('ingest', () => ({ rows: n })), worker('aggregate', () => parentDone())];
  const started = performance.now();
  const { job: parent } = await flow.add({
    name: 'aggregate',
    queueName: 'aggregate',
    data: {},
    opts: { jobId: 'run' },
    children: [{ name: 'ingest', queueName: 'ingest', data: {}, opts: { jobId: 'run.ingest', delay: HELD } }],
  });
  for (let i = 0; i < n; i++) {
    await batches.add(
      'analyze',
      { runId: 'run', key: `k${i}`, items: [] },
      { jobId: `run.k${i}`, parent: { id: parent.id!, queue: `${prefix}:aggregate` }, removeOnComplete: true },
    );
  }
  await (await Job.fromId(ingest, 'run.ingest'))!.promote();
  await finished;
  const ms = (performance.now() - started) / n;
  await Promise.all(workers.map((w) => w.close()));
  for (const q of [batches, ingest, parents]) {
    await q.obliterate({ force: true });
    await q.close();
  }
  await flow.close();
  for (const c of [connection, ...connections]) c.disconnect();
  return ms;
}
