import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as evalCommand } from '../src/cli/commands/eval.js';
import { run as trainCommand } from '../src/cli/commands/train.js';
import { UsageError } from '../src/errors.js';
import { syntheticRows } from './classify-fixtures.js';

async function capture(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await command(argv), out };
  } finally {
    spy.mockRestore();
  }
}

const csvCell = (s: string): string => `"${s.replaceAll('"', '""')}"`;

describe('train then eval', () => {
  let dir = '';
  let trainFile = '';
  let testFile = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frictionlens-train-eval-'));
    const toCsv = (rows: { text: string; label: string }[]): string =>
      ['comment,code', ...rows.map((r) => `${csvCell(r.text)},${r.label}`)].join('\n') + '\n';
    trainFile = join(dir, 'train.csv');
    testFile = join(dir, 'test.csv');
    await writeFile(trainFile, toCsv(syntheticRows(30, 11)));
    await writeFile(testFile, toCsv(syntheticRows(10, 12)));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a model that eval then scores on new rows', async () => {
    const modelFile = join(dir, 'themes.json');
    const trained = await capture(trainCommand, ['themes', '--in', trainFile, '--map', 'text=comment', '--map', 'label=code', '--out', modelFile, '--seed', '3']);
    expect(trained.code).toBe(0);
    expect(trained.out).toContain('on 90 rows');
    const file = JSON.parse(await readFile(modelFile, 'utf8')) as { labels: string[]; kind: string };
    expect(file.labels).toEqual(['billing', 'delivery', 'login']);
    expect(file.kind).toBe('multiclass');

    const scored = await capture(evalCommand, ['themes', '--in', testFile, '--map', 'text=comment', '--map', 'label=code', '--model', modelFile, '--json']);
    expect(scored.code).toBe(0);
    const result = JSON.parse(scored.out) as { accuracy: number; macroF1: number; examples: number; perClass: { label: string }[]; matrix: number[][] };
    expect(result.examples).toBe(30);
    expect(result.accuracy).toBeGreaterThan(0.9);
    expect(result.macroF1).toBeGreaterThan(0.9);
    expect(result.perClass.map((c) => c.label)).toEqual(['billing', 'delivery', 'login']);
    expect(result.matrix.flat().reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('trains on a seeded split and prints the same report on every run', async () => {
    const argv = ['themes', '--in', trainFile, '--map', 'text=comment', '--map', 'label=code', '--split', '0.7', '--seed', '4'];
    const first = await capture(evalCommand, argv);
    const second = await capture(evalCommand, argv);
    expect(first.code).toBe(0);
    expect(first.out).toContain('scored on 27 held-out rows');
    expect(first.out).toMatch(/accuracy {2}0\.9\d{3}|accuracy {2}1\.0000/);
    expect(first.out).toContain('confusion matrix');
    expect(second.out).toBe(first.out);
  });

  it('refuses a missing label column mapping as a usage error', async () => {
    await expect(trainCommand(['themes', '--in', trainFile, '--map', 'text=comment'])).rejects.toBeInstanceOf(UsageError);
  });
});
