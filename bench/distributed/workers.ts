import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface BenchWorkers {
  /** SIGTERM to each, and waits for them to exit. */
  stop(): Promise<void>;
}

/**
 * `n` `frictionlens worker` processes, resolved once each says it is ready. If one exits
 * first, the others are stopped before the error is thrown: none outlives the bench.
 */
export async function startWorkers(cli: string, n: number, env: NodeJS.ProcessEnv): Promise<BenchWorkers> {
  const workers: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    const running = workers.filter((w) => w.exitCode === null && w.signalCode === null);
    for (const w of running) w.kill('SIGTERM');
    await Promise.all(running.map((w) => once(w, 'exit')));
  };
  try {
    await Promise.all(
      Array.from({ length: n }, () => {
        const w = spawn(cli, ['worker'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        workers.push(w);
        return new Promise<void>((resolve, reject) => {
          let err = '';
          w.stderr!.on('data', (d: Buffer) => {
            err += d.toString();
            if (err.includes('ready:')) resolve();
          });
          w.on('exit', () => reject(new Error(`worker exited: ${err}`)));
        });
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
