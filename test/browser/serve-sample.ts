import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, spawnCommand } from '../helpers/cli.js';

/** A running `frictionlens serve` over the sample, for the browser to open. */
export interface ServedSample {
  /** http://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

/**
 * The one place the browser test gets its server from: today `serve --from DIR` (port 0)
 * over a real `analyze --out DIR` of data/samples/feedback.jsonl by channel; the services mode
 * (serve on Redis + MongoDB after a submitted run) is another function of the same shape.
 */
export async function serveSampleFromOutDir(): Promise<ServedSample> {
  const dir = await mkdtemp(join(tmpdir(), 'fl-browser-'));
  const out = join(dir, 'out');
  const run = await runCommand(['analyze', 'data/samples/feedback.jsonl', '--by', 'channel', '--out', out]);
  if (run.code !== 0) throw new Error(`analyze failed (${run.code}): ${run.stderr}`);
  const server = spawnCommand(['serve', '--from', out, '--port', '0', '--quiet']);
  const stop = async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!(url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())?.[1]) && server.child.exitCode === null && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  if (!url) {
    await stop();
    throw new Error(`serve did not start: ${server.stderr()}`);
  }
  return { url, stop };
}
