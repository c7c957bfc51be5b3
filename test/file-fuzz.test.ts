import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMutations, baseFiles, describeCase, fuzzCases } from './fuzz/mutate.js';
import { analyzeInProcess, analyzeProcess, judge } from './fuzz/run-case.js';

/**
 * The file fuzzer, a bounded run with a fixed seed: mutated CSV / JSONL / JSON files through
 * `frictionlens analyze --json` must exit 0 with counts that add up, or 2 / 3 with a one-line
 * message; never an internal error or a stack trace. `npm run fuzz` runs a longer campaign
 * of whole processes.
 */
const SEED = 15;
const bases = baseFiles();
const dir = mkdtempSync(join(tmpdir(), 'frictionlens-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const caseFile = (i: number): { path: string; label: string } => {
  const c = fuzzCases(SEED, i + 1, bases.length)[i]!;
  const base = bases[c.base]!;
  const path = join(dir, `case-${i}.${base.ext}`);
  writeFileSync(path, applyMutations(base, c.mutations));
  return { path, label: `case ${i}: ${describeCase(base, c)}` };
};

describe('analyze on mutated files', () => {
  it('exits 0, 2 or 3 with counts that reconcile, never with a stack trace', async () => {
    const problems: string[] = [];
    const codes = new Set<number | string>();
    for (let i = 0; i < 40; i++) {
      const { path, label } = caseFile(i);
      const result = await analyzeInProcess(path);
      codes.add(result.code);
      const problem = judge(result);
      if (problem) problems.push(`${label}\n  ${problem}`);
    }
    expect(problems).toEqual([]);
    // The seed reaches both kinds of outcome: analysed files and files stopped with a message.
    expect([...codes].sort()).toEqual([0, 3]);
  }, 120_000);

  it('holds for the command as its own process too', async () => {
    const tsx = [process.execPath, '--import', 'tsx', join(import.meta.dirname, '..', 'src', 'cli', 'main.ts')];
    for (const i of [0, 1, 2]) {
      const { path, label } = caseFile(i);
      expect(judge(await analyzeProcess(tsx, path, 60_000)), label).toBeUndefined();
    }
  }, 120_000);
});
