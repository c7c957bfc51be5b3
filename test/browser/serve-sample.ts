import { dropQueues, runCli, spawnCli, startWorker, stopWorker, waitFor } from '../helpers/cluster.js';
import { dropDatabase, testNamespace } from '../helpers/services.js';

/** A running `frictionlens serve` over the sample, for the browser to open. */
export interface ServedSample {
  /** http://127.0.0.1:PORT */
  url: string;
  /** A key with the insights:read scope: the datasets in MongoDB are served to keys only. */
  key: string;
  stop(): Promise<void>;
}

/**
 * The one place the browser test gets its server from: `serve` (port 0) on the real Redis
 * and FerretDB the test setup started, after a submitted run of data/samples/feedback.jsonl
 * by channel, analysed by one worker, with a key created by `keys create`.
 */
export async function serveSampleFromServices(): Promise<ServedSample> {
  const name = testNamespace('browser-dashboard');
  const ns = { db: name, prefix: name };
  const worker = await startWorker(ns);
  const cleanUp = async (): Promise<void> => {
    await stopWorker(worker);
    await dropQueues(ns.prefix);
    await dropDatabase(ns.db);
  };
  const submit = await runCli(ns, ['submit', 'data/samples/feedback.jsonl', '--by', 'channel', '--wait', '--json']);
  const created = await runCli(ns, ['keys', 'create', '--name', 'browser-test', '--scope', 'insights:read', '--json']);
  if (submit.code !== 0 || created.code !== 0) {
    await cleanUp();
    throw new Error(`submit (${submit.code}) or keys create (${created.code}) failed: ${submit.stderr}${created.stderr}`);
  }
  const server = spawnCli(ns, ['serve', '--port', '0', '--quiet']);
  const stop = async (): Promise<void> => {
    server.child.kill('SIGTERM');
    await server.exited;
    await cleanUp();
  };
  try {
    await waitFor(
      () => /listening on/.test(server.stdout()),
      60_000,
      () => `serve did not start: ${server.stderr()}`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())![1]!;
  return { url, key: (JSON.parse(created.stdout) as { key: string }).key, stop };
}
