/**
 * Coverage bench (issue 13): for every public set of ../shared/datasets, the share of
 * verbatims, and of negative verbatims, that a theme other than a catch-all explains, with
 * the default taxonomy (core + retail) and with the industry pack(s) that fit the set.
 *
 *   npm run bench:coverage        # writes bench/results/coverage.md
 *
 * A pack missing from models/packs is listed as "pack not present"; a missing set is
 * skipped with a message. Every figure is measured, none is tuned here: the sets' splits
 * are named so a figure on a part the packs were written against is not read as held out.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import type { Coverage } from '../src/contracts/index.js';
import { loadAnalyzer, type LoadedAnalyzer } from '../src/load/analyzer.js';
import { availablePacks } from '../src/load/industry-packs.js';
import { measureCoverage } from './coverage/measure.js';
import { clincChoices, compositionKey, resolveChoice, type PackChoice, type ResolvedChoice } from './coverage/plan.js';
import { datasetFolder, datasetsDir, loadClinc } from './quality/datasets.js';
import { precisionCorpora } from './precision/corpora.js';

const repoRoot = join(import.meta.dirname, '..');
const root = datasetsDir(repoRoot);
const notes: string[] = [];
const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
  notes.push(line);
};

interface CoverageSet {
  dataset: string;
  part: string;
  texts: string[];
  choices: PackChoice[];
}

const sets: CoverageSet[] = [];
const corpora = new Map(precisionCorpora(root, say).map((c) => [c.dataset, c]));
const texts = (rows: readonly { text: string }[]): string[] => rows.map((r) => r.text);
const banking = corpora.get('banking77');
if (banking) {
  sets.push({
    dataset: 'banking77',
    part: 'train.csv',
    texts: texts(banking.dev),
    choices: [{ kind: 'before-packs' }, { kind: 'packs', packs: ['banking'] }, { kind: 'all' }],
  });
  sets.push({
    dataset: 'banking77',
    part: 'test.csv',
    texts: texts(banking.test),
    choices: [{ kind: 'before-packs' }, { kind: 'packs', packs: ['banking'] }, { kind: 'all' }],
  });
}
const clincDir = datasetFolder(root, 'clinc150', ['data_full.json', 'domains.json'], say);
if (clincDir) {
  const clinc = loadClinc(clincDir);
  const domains = JSON.parse(readFileSync(join(clincDir, 'domains.json'), 'utf8')) as Record<string, string[]>;
  const domainOf = new Map(Object.entries(domains).flatMap(([d, intents]) => intents.map((i) => [i, d] as const)));
  const byDomain = new Map<string, string[]>();
  for (const split of [clinc.train, clinc.val, clinc.test]) {
    split.texts.forEach((t, i) => {
      const d = domainOf.get(split.labels[i]!) ?? 'unmapped';
      (byDomain.get(d) ?? byDomain.set(d, []).get(d)!).push(t);
    });
  }
  for (const [domain, list] of [...byDomain].sort(([a], [b]) => a.localeCompare(b))) {
    sets.push({ dataset: 'clinc150', part: `${domain} (train+val+test)`, texts: list, choices: clincChoices(domain) });
  }
  sets.push({
    dataset: 'clinc150',
    part: 'out of scope (oos train+val+test)',
    texts: [...clinc.oosTrain, ...clinc.oosVal, ...clinc.oosTest],
    choices: clincChoices('oos'),
  });
}
const restaurants = corpora.get('semeval2014_restaurants');
if (restaurants) {
  sets.push({
    dataset: 'semeval2014_restaurants',
    part: 'train+test sentences',
    texts: [...texts(restaurants.dev), ...texts(restaurants.test)],
    choices: [{ kind: 'before-packs' }, { kind: 'core' }, { kind: 'all' }],
  });
}
const clothing = corpora.get('womens_clothing_reviews');
if (clothing) {
  sets.push({
    dataset: 'womens_clothing_reviews',
    part: 'all reviews with text',
    texts: [...texts(clothing.dev), ...texts(clothing.test)],
    choices: [{ kind: 'before-packs' }, { kind: 'all' }],
  });
}
const tweets = corpora.get('tweeteval_sentiment');
if (tweets) sets.push({ dataset: 'tweeteval_sentiment', part: 'test.csv', texts: texts(tweets.test), choices: [{ kind: 'before-packs' }, { kind: 'all' }] });

const available = availablePacks();
say(`packs present in models/packs: ${available.join(', ') || 'none'}`);
const analyzers = new Map<string, Promise<LoadedAnalyzer>>();
/** One analyzer per composition (compositionKey), loaded once for every set that measures it. */
const analyzerFor = (r: ResolvedChoice): Promise<LoadedAnalyzer> => {
  const key = compositionKey(r);
  if (!analyzers.has(key)) analyzers.set(key, loadAnalyzer(r.industries === undefined ? {} : { industries: r.industries }));
  return analyzers.get(key)!;
};

interface Row {
  dataset: string;
  part: string;
  label: string;
  taxonomy: string;
  coverage?: Coverage;
  missing: string[];
}
const rows: Row[] = [];
const started = performance.now();
for (const set of sets) {
  const measured = new Map<string, Coverage>();
  for (const choice of set.choices) {
    const r = resolveChoice(choice, available);
    if (r.missing.length > 0) {
      rows.push({ dataset: set.dataset, part: set.part, label: r.label, taxonomy: '', missing: r.missing });
      continue;
    }
    const { analyzer, taxonomy } = await analyzerFor(r);
    const key = compositionKey(r);
    // The same composition under two labels is measured once.
    let coverage = measured.get(taxonomy.version);
    if (coverage === undefined) {
      const t0 = performance.now();
      coverage = measureCoverage(analyzer, new Set(taxonomy.themes.filter((t) => t.catchAll).map((t) => t.id)), set.texts);
      measured.set(taxonomy.version, coverage);
      process.stderr.write(`${set.dataset} ${set.part} with ${key}: ${coverage.verbatims} analysed in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    rows.push({ dataset: set.dataset, part: set.part, label: r.label, taxonomy: taxonomy.version, coverage, missing: [] });
  }
}
const seconds = (performance.now() - started) / 1000;

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
/** The row every other is compared with: core + retail, the taxonomy of before the packs. */
const REFERENCE = '--industry retail';
const delta = (row: Row): string => {
  const base = rows.find((r) => r.dataset === row.dataset && r.part === row.part && r.label.startsWith(REFERENCE))?.coverage;
  if (!row.coverage || !base || row.label.startsWith(REFERENCE)) return '';
  const d = 100 * (row.coverage.negativeShare - base.negativeShare);
  return `${d >= 0 ? '+' : ''}${d.toFixed(1)} pt`;
};
const lines = [
  '# Theme coverage by industry pack',
  '',
  `Produced by \`npm run bench:coverage\` (bench/coverage.bench.ts) on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, in ${seconds.toFixed(0)} s.`,
  'Every text goes through the real analyzer (the shipped sentiment model) with each taxonomy; coverage is the share of analysed',
  'verbatims, and of the negative ones, with a theme other than a catch-all, folded and read as a run reports it',
  '(src/core/insights/profile.ts). Packs present in models/packs: ' + (available.join(', ') || 'none') + '.',
  'A pack not present is listed as such, not measured. Nothing here is tuned on: which split each figure is on is in "part";',
  'a pack written while reading a set (its train part) is not held out on that part.',
  '',
  '| dataset | part | taxonomy | version | analysed | coverage | negative | negative coverage | vs core + retail (negative) |',
  '|---|---|---|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) =>
    r.coverage
      ? `| ${r.dataset} | ${r.part} | ${r.label} | ${r.taxonomy} | ${r.coverage.verbatims} | ${pct(r.coverage.share)} | ${r.coverage.negative} | ${pct(r.coverage.negativeShare)} | ${delta(r)} |`
      : `| ${r.dataset} | ${r.part} | ${r.label} | pack not present (${r.missing.join(', ')}) | | | | | |`,
  ),
  '',
  '## Notes',
  '',
  ...notes.map((n) => `- ${n}`),
  '',
];
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'coverage.md'), lines.join('\n'));
process.stdout.write(lines.join('\n'));
