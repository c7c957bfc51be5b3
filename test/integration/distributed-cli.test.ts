import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropQueues, spawnCli, waitFor } from '../helpers/cluster.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const name = testNamespace(import.meta.filename);
const ns = { db: name, prefix: name };
const sample = join(import.meta.dirname, '..', '..', 'data', 'samples', 'survey.csv');

afterAll(async () => {
  await dropQueues(ns.prefix);
  await dropDatabase(ns.db);
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function cli(args: string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const p = spawnCli(ns, args);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

describe('distributed commands at the edge', () => {
  it('say in one line, with exit code 4, that Redis cannot be reached', async () => {
    const port = await closedPort();
    const runs = await Promise.all(
      [
        ['submit', sample],
        ['worker', '--stages', 'aggregate'],
      ].map((args) => cli([...args, '--redis', `redis://127.0.0.1:${port}`])),
    );
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(new RegExp(`^frictionlens: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}.*\\(set REDIS_URL or --redis\\)\\n$`));
    }
  });

  it('say in one line, with exit code 4, that MongoDB cannot be reached', async () => {
    const port = await closedPort();
    const runs = await Promise.all([['status', 'run-x'], ['top'], ['submit', sample]].map((args) => cli([...args, '--mongo', `mongodb://127.0.0.1:${port}/`])));
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/^frictionlens: cannot reach MongoDB at mongodb:\/\/127\.0\.0\.1:\d+\/: .*\(set MONGO_URL or --mongo\)\n$/);
    }
  });

  it('tell an unknown run, an empty database and a wrong flag apart', async () => {
    const status = await cli(['status', 'run-nope']);
    expect(status.code).toBe(3);
    expect(status.stderr).toMatch(/no run 'run-nope'/);
    const top = await cli(['top']);
    expect(top.code).toBe(3);
    expect(top.stderr).toMatch(/no finished run/);
    const json = await cli(['submit', sample, '--json']);
    expect(json.code).toBe(2);
    const stages = await cli(['worker', '--stages', 'analyse']);
    expect(stages.code).toBe(2);
    expect(stages.stderr).toMatch(/unknown stage\(s\) analyse/);
  });

  it('refuse a --run id BullMQ cannot take, with exit code 2, before storing a run', async () => {
    const ids = ['20261125', 'team:a'];
    const submits = await Promise.all(ids.map((id) => cli(['submit', sample, '--run', id])));
    for (const [i, r] of submits.entries()) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^frictionlens: --run: '${ids[i]}' is not a run id`));
    }
    const statuses = await Promise.all(ids.map((id) => cli(['status', id])));
    for (const s of statuses) expect(s.stderr).toMatch(/no run '/);
  });

  it('submit prints the run id at once and status follows the run', async () => {
    const submit = await cli(['submit', sample, '--batch-size', '400']);
    expect(submit.code, submit.stderr).toBe(0);
    const runId = submit.stdout.trim();
    expect(runId).toMatch(/^run-\d{8}-[0-9a-f]{8}$/);
    // No worker runs in this file: the run waits in Redis with every batch queued.
    const status = await cli(['status', runId, '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      runId,
      status: 'running',
      stage: 'analyzing',
      ingest: { rows: 2000, batches: 5, complete: true },
      batches: { done: 0, total: 5 },
      progress: 0,
    });
  });

  it('submit --wait gives up with exit code 4 once its services have been away for --give-up seconds', async () => {
    // Both services through proxies this test cuts; no worker runs, so the run never ends by itself.
    const proxies = [services().redisUrl, services().mongoUrl].map((url) => {
      const u = new URL(url);
      return { url: u, proxy: new TcpProxy({ host: u.hostname, port: Number(u.port) }) };
    });
    const [redisUrl, mongoUrl] = await Promise.all(
      proxies.map(async ({ url, proxy }) => {
        const via = new URL(url.toString());
        via.port = String(await proxy.listen());
        return via.toString();
      }),
    );
    const submit = spawnCli({ ...ns, redisUrl: redisUrl!, mongoUrl: mongoUrl! }, ['submit', sample, '--wait', '--give-up', '3']);
    try {
      await waitFor(
        () => /rows in \d+ batches queued/.test(submit.stderr()),
        60_000,
        () => `submit did not queue its run:\n${submit.stderr()}`,
      );
      await Promise.all(proxies.map(({ proxy }) => proxy.cut()));
      const code = await submit.exited;
      expect(code, submit.stderr()).toBe(4);
      expect(submit.stderr()).toMatch(/frictionlens: stopped waiting for run run-\S+ after 3 s without its services.*frictionlens status run-/);
    } finally {
      submit.child.kill('SIGKILL');
      await Promise.all(proxies.map(({ proxy }) => proxy.cut()));
    }
  });
});
