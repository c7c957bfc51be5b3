import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis, Insight, RunCounts } from '../src/contracts/index.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { runEmbedded } from '../src/runner/embedded.js';
import { createEmbeddedStore } from '../src/store/embedded-store.js';
import type { Truth } from '../data/generator/truth.js';

const samples = join(import.meta.dirname, '..', 'data', 'samples');
const truth = JSON.parse(readFileSync(join(samples, 'truth.json'), 'utf8')) as Truth;
const FILES = ['feedback.jsonl', 'survey.csv', 'chats.json'];

/** One embedded run over all three sample files, kept for every assertion below. */
let counts: RunCounts;
let insights: Insight[];
const analyses = new Map<string, Analysis>();

beforeAll(async () => {
  const { analyzer } = await loadAnalyzer();
  const store = createEmbeddedStore();
  try {
    const result = await runEmbedded(
      { store, analyzer },
      {
        sources: FILES.map((f) => join(samples, f)),
        mapping: {},
        channel: 'other',
        createdAt: '2026-11-01T00:00:00Z',
        options: { bucket: 'week', by: ['channel'] },
      },
    );
    counts = result.run.counts;
    insights = result.insights;
    for await (const a of store.analyses(result.run.id)) analyses.set(a.verbatimId, a);
  } finally {
    await store.close();
  }
}, 120_000);

describe('analyze on the generated samples', () => {
  it('accounts for every row: analyzed, rejected, duplicate or unsupported language, matching the planted counts', () => {
    const planted = Object.values(truth.files);
    expect(counts.read).toBe(planted.reduce((s, f) => s + f.rows, 0));
    // A planted bad date no longer costs its row: it is analysed, undated.
    const badDates = planted.reduce((s, f) => s + f.invalid.filter((i) => i.reason === 'bad-date').length, 0);
    expect(badDates).toBeGreaterThan(0);
    expect(counts.rejected).toBe(planted.reduce((s, f) => s + f.invalid.length, 0) - badDates);
    expect(counts.undated).toBe(badDates);
    expect(counts.duplicates).toBe(planted.reduce((s, f) => s + f.duplicates.length, 0));
    expect(counts.read).toBe(counts.analyzed + counts.rejected + counts.duplicates + counts.unsupportedLanguage);
    // The samples are English: at most a handful of very short texts may be misjudged.
    expect(counts.unsupportedLanguage).toBeLessThanOrEqual(0.002 * counts.read);
  });

  it('recovers the planted themes with precision and recall of at least 0.9', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [id, planted] of Object.entries(truth.verbatims)) {
      const found = new Set(analyses.get(id)?.themes.map((t) => t.id) ?? []);
      if (!analyses.has(id)) continue;
      const expected = new Set<string>(planted.themes.map((t) => t.id));
      for (const t of found) expected.has(t) ? tp++ : fp++;
      for (const t of expected) if (!found.has(t)) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`planted themes: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('ranks the planted score drivers by impact in the planted order', () => {
    const headline = insights.filter((i) => i.bucket === '*' && i.facet === 'all' && i.impact);
    const impact = new Map(headline.map((i) => [i.themeId, i.impact!.value]));
    const planted = truth.drivers.expectedOrder;
    const recovered = [...planted].sort((a, b) => impact.get(a)! - impact.get(b)!);
    console.log(`planted driver impacts (NPS points): ${planted.map((t) => `${t} ${impact.get(t)?.toFixed(2)}`).join(', ')}`);
    expect(recovered).toEqual(planted);
    // And they are the four most damaging themes of the run.
    const worst = [...headline]
      .sort((a, b) => a.impact!.value - b.impact!.value)
      .slice(0, planted.length)
      .map((i) => i.themeId);
    expect(new Set(worst)).toEqual(new Set(planted));
  });

  it('flags the planted spike in its window', () => {
    const spikes = insights.filter((i) => i.themeId === truth.spike.theme && i.facet === 'all' && i.bucket !== '*' && i.trend?.spike);
    expect(spikes.length).toBeGreaterThan(0);
    expect(spikes.every((i) => `${i.bucket}T00:00:00Z` >= new Date(Date.parse(truth.spike.from) - 7 * 86_400_000).toISOString())).toBe(true);
  });
});
