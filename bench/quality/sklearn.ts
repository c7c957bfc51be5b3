import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MultiLabelSplit, Split } from './datasets.js';

export type BaselineTask =
  | { name: string; kind: 'multiclass'; train: Split; test: Split }
  | { name: string; kind: 'multilabel' | 'aspect'; train: MultiLabelSplit; test: MultiLabelSplit }
  | { name: string; kind: 'reject'; train: Split; val: Split; test: Split; oos_label: string; oos_val_texts: string[]; oos_test_texts: string[] };

export interface BaselineScores {
  accuracy?: number;
  macroF1?: number;
  microF1?: number;
  oosRecall?: number;
  /** aspect: micro-F1 of the categories alone, and polarity accuracy on the gold categories. */
  categoryMicroF1?: number;
  polarityAccuracy?: number;
  seconds: number;
}

/** task name -> model name -> scores */
export type BaselineResults = Record<string, Record<string, BaselineScores>>;

const VENV = join(homedir(), '.cache', 'frictionlens', 'venv');

function sh(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/**
 * A Python with scikit-learn: ~/.cache/frictionlens/venv, created with `python3 -m venv` and
 * `pip install scikit-learn` on first use. undefined (after saying why) when that fails.
 */
export function ensureSklearn(say: (line: string) => void): string | undefined {
  const python = join(VENV, 'bin', 'python');
  if (!existsSync(python)) {
    if (!sh('python3', ['--version']).ok) {
      say('skipped scikit-learn baselines: python3 not found');
      return undefined;
    }
    say(`creating ${VENV} (python3 -m venv; pip install scikit-learn)...`);
    const made = sh('python3', ['-m', 'venv', VENV]);
    if (!made.ok) {
      say(`skipped scikit-learn baselines: python3 -m venv failed: ${made.out.trim().split('\n').pop()}`);
      return undefined;
    }
  }
  if (!sh(python, ['-c', 'import sklearn']).ok) {
    const installed = sh(python, ['-m', 'pip', 'install', '--quiet', 'scikit-learn']);
    if (!installed.ok) {
      say(`skipped scikit-learn baselines: pip install scikit-learn failed: ${installed.out.trim().split('\n').pop()}`);
      return undefined;
    }
  }
  return python;
}

/** Runs bench/quality/sklearn_baseline.py on the tasks (same splits as ours) and reads its JSON. */
export function runSklearn(python: string, script: string, tasks: readonly BaselineTask[], say: (line: string) => void): BaselineResults {
  const dir = mkdtempSync(join(tmpdir(), 'frictionlens-sklearn-'));
  try {
    const file = join(dir, 'tasks.json');
    writeFileSync(file, JSON.stringify(tasks));
    const r = sh(python, [script, file]);
    if (!r.ok) {
      say(`scikit-learn baselines failed: ${r.out.trim().split('\n').slice(-3).join(' | ')}`);
      return {};
    }
    return JSON.parse(r.out.trim().split('\n').pop() ?? '{}') as BaselineResults;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
