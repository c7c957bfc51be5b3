/**
 * Precision bench: how often a theme mention is really about its root cause, on public
 * sets from industries the taxonomy was not written for, judged by reading.
 *
 *   npm run bench:precision                  # writes bench/results/precision.md
 *   npm run bench:precision -- --sample dev  # also writes data/precision/unjudged-dev.jsonl to judge
 *                                            # and wrong-dev.jsonl (judged wrong, still matching)
 *
 * Every row of each set goes through the real analyzer; per theme, set and split up to 30
 * mentions are sampled (bottom-k of a seeded draw per mention, score.ts) and joined with
 * the judgements in data/precision/labels.jsonl by (dataset, row, themeId). Dev labels
 * were judged before the taxonomy was fixed and tuned against; test labels after, and only
 * measure. Reads ../shared/datasets; a missing set is skipped with a message.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeVerbatim } from '../src/core/analyze.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { availablePacks } from '../src/load/industry-packs.js';
import { datasetsDir } from './quality/datasets.js';
import { precisionCorpora, type CorpusRow } from './precision/corpora.js';
import { readLabels } from './precision/labels.js';
import { renderPrecision } from './precision/render.js';
import { scorePrecision, type Mention } from './precision/score.js';

const repoRoot = join(import.meta.dirname, '..');
const labelsFile = join(repoRoot, 'data', 'precision', 'labels.jsonl');
const { values } = parseArgs({ options: { sample: { type: 'string' } } });
const notes: string[] = [];
const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
  notes.push(line);
};

// The core and every pack there is: a pack's themes are judged on every set, not only its own industry's.
const { analyzer, taxonomy } = await loadAnalyzer({ industries: availablePacks() });
const themeNames = new Map(taxonomy.themes.map((t) => [t.id, t.name]));
const corpora = precisionCorpora(datasetsDir(repoRoot), say);
const mentions: Mention[] = [];

function analyzeRows(dataset: string, split: 'dev' | 'test', rows: readonly CorpusRow[]): number {
  let analysed = 0;
  for (const r of rows) {
    const out = analyzeVerbatim(analyzer, { id: `${dataset}:${r.row}`, channel: 'other', text: r.text }, 'precision');
    if (out.kind !== 'analysis') continue;
    analysed++;
    const a = out.analysis;
    for (const t of a.themes) {
      const s = a.sentences[t.evidence.sentence];
      const sentence = s ? a.text.slice(s.span.start, s.span.end) : a.text;
      mentions.push({ dataset, split, row: r.row, themeId: t.id, sentence, evidence: t.evidence.text });
    }
  }
  return analysed;
}

const started = performance.now();
const sizes: { dataset: string; industry: string; split: string; dev: number; test: number }[] = [];
for (const c of corpora) {
  const dev = analyzeRows(c.dataset, 'dev', c.dev);
  const test = analyzeRows(c.dataset, 'test', c.test);
  sizes.push({ dataset: c.dataset, industry: c.industry, split: c.split, dev, test });
  say(`${c.dataset}: ${dev} dev + ${test} test rows analysed`);
}
say(`analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const labels = readLabels(labelsFile);
const dev = scorePrecision(mentions, labels, 'dev');
const test = scorePrecision(mentions, labels, 'test');
const sample = values.sample;
if (sample === 'dev' || sample === 'test') {
  const report = sample === 'dev' ? dev : test;
  const file = join(repoRoot, 'data', 'precision', `unjudged-${sample}.jsonl`);
  mkdirSync(join(repoRoot, 'data', 'precision'), { recursive: true });
  const lines = (list: readonly Mention[]): string => list.map((m) => `${JSON.stringify(m)}\n`).join('');
  writeFileSync(file, lines(report.unjudged));
  // The judged-wrong mentions that still match: what the next fix looks at.
  writeFileSync(join(repoRoot, 'data', 'precision', `wrong-${sample}.jsonl`), lines(report.wrong));
  say(`${report.unjudged.length} unjudged ${sample} mentions written to ${file}, ${report.wrong.length} still-wrong ones beside it`);
}
const md = renderPrecision({ sizes, dev, test, themeName: (id) => themeNames.get(id) ?? id, taxonomy: taxonomy.version, notes });
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'precision.md'), md);
process.stdout.write(md);
