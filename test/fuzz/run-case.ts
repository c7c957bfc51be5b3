import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { reportError } from '../../src/cli/report-error.js';

export interface CaseResult {
  /** The exit code, or 'timeout'. */
  code: number | 'timeout';
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * `frictionlens analyze FILE --json` in this process, as src/cli/main.ts runs it (the same
 * command, the same error-to-exit-code mapping), with stdout and stderr captured: a third of
 * a second a case where a process takes over one.
 */
export async function analyzeInProcess(path: string): Promise<CaseResult> {
  const { run } = await import('../../src/cli/commands/analyze.js');
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  const start = performance.now();
  let code: number;
  try {
    code = await run([path, '--json']);
  } catch (error) {
    code = reportError(error, (line) => err.push(line));
  } finally {
    process.stdout.write = write;
  }
  return { code, stdout: out.join(''), stderr: err.join('\n'), ms: performance.now() - start };
}

/** The same command as its own process (`command` starts it: node with the built CLI, or tsx on the sources); killed after `timeoutMs`. */
export async function analyzeProcess(command: readonly string[], path: string, timeoutMs: number): Promise<CaseResult> {
  const start = performance.now();
  const child = spawn(command[0]!, [...command.slice(1), 'analyze', path, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code: timedOut ? 'timeout' : (code ?? -1), stdout, stderr, ms: performance.now() - start };
}

/**
 * What a run on any file must do: exit 0 (every row analysed or rejected, counts that add
 * up), 2 or 3 with a one-line message; never an internal error, a stack trace or a hang.
 */
export function judge(result: CaseResult): string | undefined {
  if (result.code === 'timeout') return `no exit after ${Math.round(result.ms)} ms`;
  if (/internal error/.test(result.stderr) || /\n\s+at \S.*:\d+:\d+/.test(result.stderr)) return `a stack trace: ${result.stderr.slice(0, 600)}`;
  if (result.code === 2 || result.code === 3)
    return /^frictionlens: \S/.test(result.stderr) ? undefined : `exit ${result.code} without a message: ${result.stderr.slice(0, 200)}`;
  if (result.code !== 0) return `exit ${result.code}: ${result.stderr.slice(0, 600)}`;
  let counts: { read: number; analyzed: number; rejected: number; duplicates: number; unsupportedLanguage: number };
  try {
    counts = (JSON.parse(result.stdout) as { run: typeof counts }).run;
  } catch {
    return `exit 0 but stdout is not the JSON summary: ${result.stdout.slice(0, 200)}`;
  }
  const sum = counts.analyzed + counts.rejected + counts.duplicates + counts.unsupportedLanguage;
  return sum === counts.read ? undefined : `counts do not reconcile: ${JSON.stringify(counts)}`;
}
