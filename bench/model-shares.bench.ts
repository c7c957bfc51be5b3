/**
 * Does `analyze --model` give each label the share of posts the model's training labels
 * would? A theme model is trained (as `frictionlens train themes` does) on one split of a
 * labelled public set and applied by the analyzer to the other split; each label's share of
 * posts is compared with its gold share there. The same model is applied twice: per
 * sentence (what analyze did before models recorded their unit: a model file with
 * `unit: sentence`) and to the whole verbatim (the unit it was trained on, now the default).
 * Writes bench/results/model-shares.md. `npm run bench:model-shares`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { taskSetup, trainOn } from '../src/cli/commands/train.js';
import { splitIndices } from '../src/core/classify/index.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { writeModel } from '../src/load/classifier.js';
import { datasetFolder, datasetsDir, loadBanking } from './quality/datasets.js';

interface LabelledSet {
  name: string;
  split: string;
  train: { text: string; labels: string[] }[];
  test: { text: string; label: string }[];
}

const root = datasetsDir(join(import.meta.dirname, '..'));
const say = (line: string): void => console.log(line);
const sets: LabelledSet[] = [];
const banking = datasetFolder(root, 'banking77', ['train.csv', 'test.csv'], say);
if (banking) {
  const { train, test } = loadBanking(banking);
  sets.push({
    name: 'banking77 (77 intents)',
    split: 'trained on train.csv, applied to test.csv',
    train: train.texts.map((text, i) => ({ text, labels: [train.labels[i]!] })),
    test: test.texts.map((text, i) => ({ text, label: test.labels[i]! })),
  });
}
const reviewFiles = [1, 2, 3].map((k) => `womens_clothing_reviews_part${k}of3.csv`);
const reviews = datasetFolder(root, 'womens_clothing_reviews', reviewFiles, say);
if (reviews) {
  // Multi-sentence reviews, each with one department: a label of the whole text, as codeframes are.
  const rows = reviewFiles
    .flatMap((f) => parse(readFileSync(join(reviews, f)), { columns: true, relax_quotes: true, bom: true }) as Record<string, string>[])
    .filter((r) => (r['Review Text'] ?? '').trim() !== '' && (r['Department Name'] ?? '').trim() !== '');
  const { train, test } = splitIndices(rows.length, 0.5, 13);
  const text = (i: number): string => rows[i]!['Review Text']!;
  const label = (i: number): string => rows[i]!['Department Name']!;
  sets.push({
    name: 'womens_clothing_reviews (Department Name, 6 labels)',
    split: 'trained on a seeded half of the rows (splitIndices(n, 0.5, 13)), applied to the other half',
    train: train.map((i) => ({ text: text(i), labels: [label(i)] })),
    test: test.map((i) => ({ text: text(i), label: label(i) })),
  });
}

const dir = mkdtempSync(join(tmpdir(), 'frictionlens-model-shares-'));
const lines = ['# Theme model shares: per sentence vs per verbatim', '', 'Command: `npm run bench:model-shares`.', ''];
try {
  for (const set of sets) {
    const started = performance.now();
    const model = await trainOn(set.train, false, 'themes', taskSetup('themes', {}));
    say(`${set.name}: trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const shares = new Map<string, { gold: number; sentence: number; verbatim: number }>();
    const row = (l: string) => shares.get(l) ?? shares.set(l, { gold: 0, sentence: 0, verbatim: 0 }).get(l)!;
    let multi = 0;
    for (const unit of ['sentence', 'verbatim'] as const) {
      const file = join(dir, `${unit}.json`);
      await writeModel(file, { ...model, unit });
      const { analyzer } = await loadAnalyzer({ modelPaths: [file] });
      for (const { text, label } of set.test) {
        const doc = analyzer.parse(text);
        if (unit === 'verbatim') {
          row(label).gold++;
          if (doc.sentences.length > 1) multi++;
        }
        for (const id of new Set((analyzer.modelThemes?.(doc) ?? []).map((h) => h.themeId))) row(id)[unit]++;
      }
    }
    const n = set.test.length;
    const pct = (x: number): string => `${((100 * x) / n).toFixed(1)}%`;
    const sum = (k: 'gold' | 'sentence' | 'verbatim'): number => [...shares.values()].reduce((s, r) => s + r[k], 0);
    const mae = (k: 'sentence' | 'verbatim'): number => [...shares.values()].reduce((s, r) => s + Math.abs(r[k] - r.gold), 0) / shares.size / n;
    const rows = [...shares.entries()].sort((a, b) => b[1].gold - a[1].gold || (a[0] < b[0] ? -1 : 1));
    lines.push(
      `## ${set.name}`,
      '',
      `${set.split}: ${set.train.length} rows to train, ${n} posts to apply to (${multi} of them, ${pct(multi)}, of more than one sentence).`,
      '',
      '| | per sentence (before) | per verbatim (after) | gold |',
      '|---|---:|---:|---:|',
      `| labels per post | ${(sum('sentence') / n).toFixed(2)} | ${(sum('verbatim') / n).toFixed(2)} | ${(sum('gold') / n).toFixed(2)} |`,
      `| mean absolute error of a label's share of posts, points | ${(100 * mae('sentence')).toFixed(2)} | ${(100 * mae('verbatim')).toFixed(2)} | 0 |`,
      '',
    );
    if (shares.size <= 12) {
      lines.push('| label | per sentence (before) | per verbatim (after) | gold |', '|---|---:|---:|---:|');
      for (const [l, r] of rows) lines.push(`| ${l} | ${pct(r.sentence)} | ${pct(r.verbatim)} | ${pct(r.gold)} |`);
      lines.push('');
    } else {
      const worst = rows.sort((a, b) => b[1].sentence - b[1].gold - (a[1].sentence - a[1].gold)).slice(0, 5);
      lines.push('Most inflated labels per sentence:', '', '| label | per sentence (before) | per verbatim (after) | gold |', '|---|---:|---:|---:|');
      for (const [l, r] of worst) lines.push(`| ${l} | ${pct(r.sentence)} | ${pct(r.verbatim)} | ${pct(r.gold)} |`);
      lines.push('');
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(join(import.meta.dirname, 'results', 'model-shares.md'), lines.join('\n'));
console.log(lines.join('\n'));
