import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Runs a command and samples its peak resident memory (VmHWM from /proc, Linux) every
 * 100 ms; returns the peak in MB and the wall time. The last sample before exit is kept.
 */
export async function runMeasured(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; peakMb: number; seconds: number; stdout: string }> {
  const started = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  let peakKb = 0;
  const sample = (): void => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // The process has exited between samples.
    }
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  return { code, peakMb: peakKb / 1024, seconds: (performance.now() - started) / 1000, stdout };
}

/**
 * Texts per second of each contender over `texts`, measured in `rounds` interleaved rounds
 * (A, B, C, A, B, C, ...) keeping each one's best round: on a shared machine a burst of load
 * then hits every contender alike instead of whichever ran at the time, so ratios hold.
 */
export function interleavedThroughput(contenders: ReadonlyArray<(text: string) => unknown>, texts: readonly string[], rounds = 3): number[] {
  const best = contenders.map(() => 0);
  for (const fn of contenders) for (const t of texts.slice(0, 500)) fn(t);
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((fn, k) => {
      const started = performance.now();
      for (const t of texts) fn(t);
      best[k] = Math.max(best[k] as number, texts.length / ((performance.now() - started) / 1000));
    });
  }
  return best;
}
