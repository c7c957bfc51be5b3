import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabels, readLabels, type PrecisionLabel } from '../bench/precision/labels.js';
import { sampleMentions, scorePrecision, type Mention } from '../bench/precision/score.js';

const mention = (dataset: string, row: string, themeId: string, split: 'dev' | 'test' = 'dev'): Mention => ({
  dataset,
  split,
  row,
  themeId,
  sentence: `sentence ${row}`,
  evidence: 'words',
});
const label = (m: Mention, correct: boolean): PrecisionLabel => ({ ...m, correct });

describe('the precision harness', () => {
  it('reads the stored judgements: every line a valid label, no mention judged twice', () => {
    const labels = readLabels(join(import.meta.dirname, '..', 'data', 'precision', 'labels.jsonl'));
    expect(labels.length).toBeGreaterThan(0);
    const keys = labels.map((l) => `${l.split} ${l.dataset} ${l.row} ${l.themeId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the line of a label that is not valid', () => {
    const good = JSON.stringify({ dataset: 'd', split: 'dev', row: 'train:1', themeId: 't', sentence: 's', evidence: 'e', correct: true });
    expect(parseLabels(`${good}\n\n${good}\n`)).toHaveLength(2);
    expect(() => parseLabels(`${good}\n{"dataset":"d"}\n`)).toThrow(/line 2/);
    expect(() => parseLabels('not json')).toThrow(/line 1: not JSON/);
  });

  it('computes precision per theme and set from the judged mentions that still match, and lists the unjudged ones', () => {
    const a = ['r1', 'r2', 'r3', 'r4', 'r5'].map((r) => mention('shop', r, 'late'));
    const b = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((r) => mention('bank', r, 'late'));
    const labels = [
      label(a[0]!, true),
      label(a[1]!, true),
      label(a[2]!, false),
      label(a[3]!, true),
      // r5 of shop is unjudged; bank r1..r4 are judged, one of them wrong.
      ...b.slice(0, 4).map((m, i) => label(m, i !== 0)),
      // A wrong mention a fix removed, and a test label that dev ignores.
      label(mention('bank', 'r9', 'late'), false),
      label(mention('bank', 'r1', 'late', 'test'), false),
    ];
    const report = scorePrecision([...a, ...b], labels, 'dev');
    const shop = report.cells.find((c) => c.dataset === 'shop');
    const bank = report.cells.find((c) => c.dataset === 'bank');
    expect(shop).toMatchObject({ mentions: 5, judged: 4, correct: 3, precision: 0.75 });
    expect(bank).toMatchObject({ mentions: 6, judged: 4, correct: 3, precision: 0.75 });
    expect(report.themes).toEqual([expect.objectContaining({ dataset: 'all', themeId: 'late', mentions: 11, judged: 8, correct: 6, precision: 0.75 })]);
    expect(report.unjudged.map((m) => `${m.dataset} ${m.row}`).sort()).toEqual(['bank r5', 'bank r6', 'shop r5']);
    expect(report.gone).toEqual({ correct: 0, wrong: 1 });
  });

  it('samples up to the size per theme and set, the same ones every time, skipping rare themes', () => {
    const many = Array.from({ length: 50 }, (_, i) => mention('shop', `r${i}`, 'late'));
    const rare = [mention('shop', 'r1', 'lost'), mention('shop', 'r2', 'lost')];
    const first = sampleMentions([...many, ...rare], 30, 5);
    expect(first).toHaveLength(30);
    expect(first.every((m) => m.themeId === 'late')).toBe(true);
    // Removing mentions outside the sample leaves the sample as it was (bottom-k).
    const kept = new Set(first.map((m) => m.row));
    const fewer = many.filter((m, i) => kept.has(m.row) || i % 2 === 0);
    expect(sampleMentions(fewer, 30, 5).map((m) => m.row)).toEqual(first.map((m) => m.row));
  });
});
