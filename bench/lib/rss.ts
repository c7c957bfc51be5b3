import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface MeasuredRun {
  code: number;
  /** Peak resident memory of the process (all its threads: they share it), MB. */
  peakMb: number;
  /** Wall time, seconds. */
  seconds: number;
  /** CPU time (user + system) of all its threads, seconds; up to one sampling interval short. */
  cpuSeconds: number;
  stdout: string;
}

const CLOCK_TICKS = 100;

/**
 * Runs a command and samples its peak resident memory (VmHWM from /proc, Linux) and its
 * CPU time (utime + stime of /proc/PID/stat, every thread included) every 50 ms; the last
 * sample before exit is kept.
 */
export async function runMeasured(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  let peakKb = 0;
  let ticks = 0;
  const sample = (): void => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
      // Fields after the command name: state is the 1st, utime the 12th, stime the 13th.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks = Math.max(ticks, Number(fields[11] ?? 0) + Number(fields[12] ?? 0));
    } catch {
      // The process has exited between samples.
    }
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  return { code, peakMb: peakKb / 1024, seconds: (performance.now() - started) / 1000, cpuSeconds: ticks / CLOCK_TICKS, stdout };
}
