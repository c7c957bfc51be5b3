/**
 * Theme discovery on sets where themes were taken out of the taxonomy: each set is analysed
 * with the full taxonomy (which verbatims each removed theme matches) and with the reduced
 * one, and `themes suggest` is run, as the CLI does, on what the reduced taxonomy left
 * uncovered. Per removed theme: the groups it explains (at least half their verbatims
 * matched by it with the full taxonomy; goal 1), how pure (that share), how much of it
 * they gather, and whether the guessed parent and owner are its family's. Groups no removed
 * theme explains are listed with a verdict read from bench/discovery/judgements.json (junk:
 * filler or entity groups naming no complaint; goal 0). Writes bench/results/discovery.md.
 *
 * `npm run bench:discovery` (FRICTIONLENS_DATASETS overrides ../shared/datasets).
 * Tuned on: the generated samples and tweeteval val.csv. Held out: womens_clothing_reviews
 * (the precision bench's test half), banking77 test.csv, tweeteval test.csv.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml, stringify } from 'yaml';
import type { Analysis } from '../src/contracts/index.js';
import { splitIndices } from '../src/core/classify/index.js';
import { familyVocabularies, suggestFromUnits, uncoveredUnits, type ThemeSuggestion } from '../src/core/discovery/index.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { defaultPacksDir, loadComposedTaxonomy, type TaxonomyChoice } from '../src/load/industry-packs.js';
import { loadOwners } from '../src/load/owners.js';
import { defaultTaxonomyPath } from '../src/load/taxonomy.js';
import { runEmbedded } from '../src/runner/embedded.js';
import { createEmbeddedStore } from '../src/store/embedded-store.js';

interface DiscoverySet {
  name: string;
  /** What the set is to this bench: where thresholds were tuned, or held out. */
  role: 'tuned on' | 'held out';
  sources: string[];
  removed: string[];
}

const repo = join(import.meta.dirname, '..');
const datasets = process.env.FRICTIONLENS_DATASETS ?? join(repo, '..', 'shared', 'datasets');
const work = mkdtempSync(join(tmpdir(), 'frictionlens-discovery-bench-'));
const judgementsFile = join(import.meta.dirname, 'discovery', 'judgements.json');
/** "dataset\u0000label" -> junk or real, judged by reading the group's quotes. */
const judgements: Record<string, 'junk' | 'real'> = existsSync(judgementsFile) ? JSON.parse(readFileSync(judgementsFile, 'utf8')) : {};

function jsonl(name: string, texts: readonly string[]): string {
  const file = join(work, `${name}.jsonl`);
  writeFileSync(file, texts.map((text, i) => JSON.stringify({ id: `${name}-${i}`, text })).join('\n'));
  return file;
}
const csvColumn = (file: string, column: string): string[] =>
  (parse(readFileSync(file), { columns: true, relax_column_count: true, relax_quotes: true, bom: true }) as Record<string, string>[]).map(
    (r) => r[column] ?? '',
  );

const sets: DiscoverySet[] = [
  {
    name: 'generated samples (data/samples)',
    role: 'tuned on',
    sources: ['feedback.jsonl', 'survey.csv', 'chats.json'].map((f) => join(repo, 'data', 'samples', f)),
    removed: ['delivery.damaged-item', 'account.two-factor', 'pricing.promo-not-applied'],
  },
];
const tweets = join(datasets, 'tweeteval_sentiment');
if (existsSync(join(tweets, 'val.csv'))) {
  sets.push({ name: 'tweeteval_sentiment val.csv', role: 'tuned on', sources: [jsonl('tweets-val', csvColumn(join(tweets, 'val.csv'), 'text'))], removed: [] });
}
const reviewFiles = [1, 2, 3].map((k) => join(datasets, 'womens_clothing_reviews', `womens_clothing_reviews_part${k}of3.csv`));
if (reviewFiles.every((f) => existsSync(f))) {
  const texts = reviewFiles.flatMap((f) => csvColumn(f, 'Review Text'));
  // The precision bench's held-out half (bench/precision/corpora.ts), first 6,000 reviews with text.
  const held = splitIndices(texts.length, 0.5, 13)
    .test.map((i) => texts[i]!)
    .filter((t) => t.trim() !== '')
    .slice(0, 6000);
  sets.push({
    name: 'womens_clothing_reviews (test half, 6,000)',
    role: 'held out',
    sources: [jsonl('reviews', held)],
    removed: ['product.sizing-fit', 'product.quality'],
  });
}
const banking = join(datasets, 'banking77', 'test.csv');
if (existsSync(banking)) {
  sets.push({
    name: 'banking77 test.csv',
    role: 'held out',
    sources: [jsonl('banking', csvColumn(banking, 'text'))],
    removed: [
      'billing.double-charge',
      'billing.incorrect-charge',
      'billing.payment-failed',
      'account.login-failure',
      'account.password-reset',
      'account.locked',
      'account.two-factor',
    ],
  });
}
if (existsSync(join(tweets, 'test.csv'))) {
  sets.push({
    name: 'tweeteval_sentiment test.csv',
    role: 'held out',
    sources: [jsonl('tweets-test', csvColumn(join(tweets, 'test.csv'), 'text'))],
    removed: [],
  });
}

/**
 * The taxonomy these figures were first measured with (the core and the retail pack, the
 * default before every pack was): so that they compare with discovery-before.md.
 */
const INDUSTRIES = ['retail'];

/** The core and the retail pack written again into `work` without the removed themes. */
function reducedChoice(removed: readonly string[]): TaxonomyChoice {
  const taxonomy = join(work, 'reduced.yaml');
  for (const [from, to] of [
    [defaultTaxonomyPath(), taxonomy],
    ...INDUSTRIES.map((p) => [join(defaultPacksDir(), `${p}.yaml`), join(work, `${p}.yaml`)] as const),
  ] as const) {
    const doc = parseYaml(readFileSync(from, 'utf8')) as { themes: Array<{ id: string }> };
    doc.themes = doc.themes.filter((t) => !removed.includes(t.id));
    writeFileSync(to, stringify(doc));
  }
  return { taxonomy, industries: INDUSTRIES, packsDir: work };
}

async function analyse(choice: TaxonomyChoice, sources: string[]) {
  const loaded = await loadAnalyzer({ taxonomyPath: choice.taxonomy, industries: choice.industries, packsDir: choice.packsDir });
  const owners = loadOwners(loadComposedTaxonomy(choice), { taxonomyGiven: true });
  const store = createEmbeddedStore();
  const analyses: Analysis[] = [];
  try {
    const { run } = await runEmbedded(
      { store, analyzer: loaded.analyzer },
      { sources, mapping: {}, channel: 'other', createdAt: '2026-11-01T00:00:00Z', options: { bucket: 'week', by: [] } },
    );
    for await (const a of store.analyses(run.id)) analyses.push(a);
  } finally {
    await store.close();
  }
  return { ...loaded, owners, analyses };
}

const lines: string[] = [
  '# Theme discovery with themes taken out of the taxonomy',
  '',
  `\`npm run bench:discovery\`, ${new Date().toISOString().slice(0, 10)}. A group's purity for a removed theme is the share of its verbatims that theme matched with the full taxonomy; the group is explained by the theme when its purity is at least halfway from the theme's share of all verbatims to 1 (0.5 for a rare theme, 0.8 for one that 61% of reviews match); groups no removed theme explains are judged by reading (bench/discovery/judgements.json): junk = filler or a name, no complaint.`,
  '',
];
const totals = { 'tuned on': { removed: 0, found: 0, groups: 0, junk: 0, unjudged: 0 }, 'held out': { removed: 0, found: 0, groups: 0, junk: 0, unjudged: 0 } };
try {
  for (const set of sets) {
    const started = performance.now();
    const full = await analyse({ industries: INDUSTRIES }, set.sources);
    const reduced = await analyse(reducedChoice(set.removed), set.sources);
    const matchedBy = new Map(set.removed.map((id) => [id, new Set(full.analyses.filter((a) => a.themes.some((t) => t.id === id)).map((a) => a.verbatimId))]));
    const taxonomy = reduced.taxonomy;
    const owners = reduced.owners;
    const catchAll = new Set(taxonomy.themes.filter((t) => t.catchAll).map((t) => t.id));
    const units = reduced.analyses.flatMap((a) =>
      uncoveredUnits(
        a,
        (text) => reduced.analyzer.parse(text),
        (id) => catchAll.has(id),
      ),
    );
    const result = suggestFromUnits(units, {
      existingIds: new Set([...taxonomy.themes.map((t) => t.id), ...taxonomy.families.map((f) => f.id)]),
      families: familyVocabularies(taxonomy, owners.familyOwner),
      valence: (w) => reduced.lexicon.words[w] ?? 0,
    });
    const seconds = (performance.now() - started) / 1000;
    const purity = (s: ThemeSuggestion, id: string): number => s.members.filter((m) => matchedBy.get(id)!.has(m)).length / s.members.length;
    // Halfway from the theme's share of all verbatims to 1: a theme most verbatims match (fit, in reviews) needs purer groups.
    const base = (id: string): number => matchedBy.get(id)!.size / full.analyses.length;
    const explainer = (s: ThemeSuggestion): string | undefined => set.removed.find((id) => purity(s, id) >= (1 + base(id)) / 2);
    // A suggestion from before nearestTheme existed has only its parent.
    const nearOf = (s: ThemeSuggestion): string =>
      s.nearestTheme === undefined ? `parent ${s.parent}` : s.nearestTheme === null ? 'no close theme' : `near ${s.nearestTheme}`;
    // A placeholder parent (no close theme) is no right guess, even when it is the family.
    const guessed = (s: ThemeSuggestion): boolean => s.nearestTheme !== null;
    const fullTaxonomy = full.taxonomy;
    const familyOf = (id: string): string => fullTaxonomy.themes.find((t) => t.id === id)!.parent;
    const fullOwners = full.owners;
    lines.push(
      `## ${set.name} (${set.role})`,
      '',
      `${full.analyses.length} verbatims analysed, ${result.uncovered} sentences uncovered with the reduced taxonomy, ${result.suggestions.length} suggestions (CLI defaults: at least 10 complaining verbatims, at most 30); ${seconds.toFixed(0)} s for both analyses and discovery.`,
      '',
    );
    if (set.removed.length > 0) {
      lines.push(
        '| removed theme | verbatims it matched (share) | groups it explains | each: label (purity) | share of its verbatims in them | parent right | owner right |',
        '|---|---:|---:|---|---:|---:|---:|',
      );
      for (const id of set.removed) {
        const own = result.suggestions.filter((s) => explainer(s) === id);
        const matched = matchedBy.get(id)!;
        const gathered = new Set(own.flatMap((s) => s.members.filter((m) => matched.has(m))));
        const family = familyOf(id);
        const owner = fullOwners.familyOwner(family);
        if (matched.size >= 10) {
          const total = totals[set.role];
          total.removed++;
          if (own.length > 0) total.found++;
          total.groups += own.length;
        }
        lines.push(
          `| ${id} | ${matched.size} (${(100 * base(id)).toFixed(0)}%) | ${own.length} | ${own.map((s) => `${s.label} (${purity(s, id).toFixed(2)}; ${nearOf(s)})`).join('; ')} | ${matched.size ? ((100 * gathered.size) / matched.size).toFixed(0) : '-'}% | ${own.filter((s) => guessed(s) && s.parent === family).length}/${own.length} | ${own.filter((s) => guessed(s) && s.owner === owner).length}/${own.length} |`,
        );
      }
      lines.push('');
    }
    const others = result.suggestions.filter((s) => explainer(s) === undefined);
    const verdicts = others.map((s) => judgements[`${set.name}\u0000${s.label}`]);
    lines.push(
      `Groups no removed theme explains: ${others.length}, of which junk (judged by reading): ${verdicts.filter((v) => v === 'junk').length}, not judged: ${verdicts.filter((v) => v === undefined).length}.`,
      '',
    );
    if (others.length > 0) {
      lines.push('| group (label) | verbatims | nearest theme (parent guess) | verdict | a quote |', '|---|---:|---|---|---|');
      for (const s of others) {
        const verdict = judgements[`${set.name}\u0000${s.label}`];
        const total = totals[set.role];
        if (verdict === 'junk') total.junk++;
        if (verdict === undefined) total.unjudged++;
        const quote = (s.quotes[0]?.sentence ?? '').replaceAll('|', '/').replaceAll('\n', ' ').slice(0, 90);
        lines.push(`| ${s.label} | ${s.size} | ${nearOf(s)} | ${verdict ?? 'unjudged'} | ${quote} |`);
      }
      lines.push('');
    }
    console.log(`${set.name}: ${seconds.toFixed(0)} s`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
lines.push('## Totals', '');
for (const role of ['tuned on', 'held out'] as const) {
  const t = totals[role];
  lines.push(
    `Sets ${role}: removed themes with at least 10 matched verbatims: ${t.removed}; found again (at least one group): ${t.found}; groups for them: ${t.groups} (goal: one each). Junk groups: ${t.junk} (goal 0); groups not judged: ${t.unjudged}.`,
    '',
  );
}
const out = process.env.DISCOVERY_RESULTS ?? join(import.meta.dirname, 'results', 'discovery.md');
writeFileSync(out, lines.join('\n'));
console.log(lines.join('\n'));
