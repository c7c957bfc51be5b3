import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'src', 'cli', 'main.ts');

/** A CLI child process (through tsx, so it runs the sources under test), its output kept. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** `frictionlens ARGS...` in a child process; `env` defaults to this process's (no services needed for analyze). */
export function spawnCommand(args: string[], env: NodeJS.ProcessEnv = process.env): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? String(signal)) as number | string);
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs `frictionlens ARGS...` to its end: exit code (or signal), stdout, stderr. */
export async function runCommand(args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const p = spawnCommand(args, env);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}
