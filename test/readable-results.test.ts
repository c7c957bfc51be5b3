import { describe, expect, it } from 'vitest';
import type { Analysis, Insight } from '../src/contracts/index.js';
import { computeInsights } from '../src/core/insights/compute.js';
import { parseFacetField } from '../src/core/insights/facet-field.js';
import { createPartial, foldAnalysis, type FoldOptions } from '../src/core/insights/fold.js';
import { mergeAll } from '../src/core/insights/merge.js';
import { chooseMetric, profileOf } from '../src/core/insights/profile.js';
import { runInsights } from '../src/core/insights/run-insights.js';
import { MIN_TREND_VERBATIMS } from '../src/core/insights/trend.js';
import { facetBreakdown, renderFacetBlock } from '../src/cli/facet-breakdown.js';
import { signed } from '../src/cli/format.js';
import { parseByFlags, parseMetricFlag } from '../src/cli/insight-flags.js';
import { metricDisplay, showInterval } from '../src/cli/metric-display.js';
import { checkMetric, metricLine } from '../src/cli/metric-note.js';
import { renderThemesTable } from '../src/cli/render-table.js';
import { textTable, TABLE_WIDTH, wrap } from '../src/cli/text-table.js';
import { themeRows } from '../src/core/insights/theme-rows.js';
import { analysisLine } from '../src/core/analysis-line.js';
import { InputError, UsageError } from '../src/errors/index.js';
import { makeAnalysis } from './helpers/analysis.js';

const options: FoldOptions = { bucketSize: 'week', by: ['channel'] };
const info = (id: string) => ({
  id,
  name: id === 'product.quality' ? 'A theme with a name far longer than any column would hold' : id,
  owner: 'engineering',
  family: id.split('.')[0]!,
});
const widest = (text: string): number => Math.max(...text.split('\n').map((l) => l.length));

function merged(analyses: readonly Analysis[], by: readonly string[] = options.by) {
  const fold = { ...options, by };
  const p = createPartial('run-1', 'b0', fold);
  for (const a of analyses) foldAnalysis(p, a, fold);
  return mergeAll([p])!;
}

/**
 * Six weeks of 100 verbatims: theme A in 10% of each, theme B in 7%, every mention a
 * detractor; then a last week of `lastWeek` verbatims where B is in a quarter of them
 * (+18 points) and A in none.
 */
function risingThinBucket(lastWeek: number): Analysis[] {
  const out: Analysis[] = [];
  const week = (w: number, i: number) => new Date(Date.UTC(2026, 5, 1 + 7 * w, 10, i % 60)).toISOString();
  for (let w = 0; w < 6; w++) {
    for (let i = 0; i < 100; i++) {
      const themes: Array<[string, number]> = i < 10 ? [['theme.a', -0.6]] : i >= 50 && i < 57 ? [['theme.b', -0.6]] : [];
      out.push(makeAnalysis(`w${w}-${i}`, { themes, nps: themes.length ? 0 : 10, sentiment: themes.length ? -0.6 : 0.4, createdAt: week(w, i) }));
    }
  }
  for (let i = 0; i < lastWeek; i++) {
    const themes: Array<[string, number]> = i < lastWeek / 4 ? [['theme.b', -0.6]] : [];
    out.push(makeAnalysis(`w6-${i}`, { themes, nps: themes.length ? 0 : 10, sentiment: themes.length ? -0.6 : 0.4, createdAt: week(6, i) }));
  }
  return out;
}

const ranking = (insights: readonly Insight[]) => themeRows(insights, () => undefined).map((r) => r.id);

describe('trend and rank need a minimum bucket volume', () => {
  it('a last bucket of 8 verbatims whose share jumps 18 points does not put its theme at #1', () => {
    const insights = computeInsights(merged(risingThinBucket(8)), 'run-1', 1);
    const thin = insights.find((i) => i.themeId === 'theme.b' && i.facet === 'all' && i.bucket === '2026-07-13')!;
    expect(thin.volume).toBe(2);
    expect(thin.share - 0.07).toBeCloseTo(0.18, 9);
    expect(thin.trend).toBeNull();
    expect(ranking(insights)).toEqual(['theme.a', 'theme.b']);
    // The whole run's trend is the latest bucket with enough verbatims: the sixth week, flat.
    const b = insights.find((i) => i.themeId === 'theme.b' && i.facet === 'all' && i.bucket === '*')!;
    expect(b.trend?.change).toBeCloseTo(0, 9);
  });

  it('lets the same jump rank first once the bucket holds enough verbatims', () => {
    expect(MIN_TREND_VERBATIMS).toBeLessThanOrEqual(40);
    const insights = computeInsights(merged(risingThinBucket(40)), 'run-1', 1);
    expect(ranking(insights)).toEqual(['theme.b', 'theme.a']);
    const b = insights.find((i) => i.themeId === 'theme.b' && i.facet === 'all' && i.bucket === '*')!;
    expect(b.trend?.change).toBeCloseTo(0.18, 9);
  });
});

describe('the metric impacts are measured on', () => {
  it('is the first of NPS, CSAT, rating, CES with 20 responses, else sentiment, unless one is asked for', () => {
    expect(chooseMetric({ nps: 19, csat: 20, sentiment: 100 })).toBe('csat');
    expect(chooseMetric({ nps: 19, sentiment: 100 })).toBe('sentiment');
    expect(chooseMetric({ nps: 500, sentiment: 500 }, 'sentiment')).toBe('sentiment');
    expect(chooseMetric({ sentiment: 500 }, 'ces')).toBe('ces');
  });

  it('drives impacts, drivers and the profile when asked for', () => {
    const analyses = risingThinBucket(40);
    const auto = runInsights(merged(analyses), 'run-1', 1, { by: [] });
    expect(auto.profile.metric).toBe('nps');
    const asked = runInsights(merged(analyses), 'run-1', 1, { by: [], metric: 'sentiment' });
    expect(asked.profile).toMatchObject({ metric: 'sentiment', responses: { nps: 640, sentiment: 640 } });
    expect(asked.insights.every((i) => i.impact?.metric === 'sentiment')).toBe(true);
    expect(asked.drivers?.metric).toBe('sentiment');
  });

  it('is refused with the metrics that have responses when the run has none of it', () => {
    const { profile } = runInsights(merged(risingThinBucket(8)), 'run-1', 1, { by: [], metric: 'csat' });
    expect(() => checkMetric(profile)).toThrow(InputError);
    expect(() => checkMetric(profile)).toThrow('--metric csat: the run has no csat responses; metrics with responses: nps (608), sentiment (608)');
    expect(() => checkMetric({ ...profile, metric: 'nps' })).not.toThrow();
    expect(() => parseMetricFlag('promoters')).toThrow(UsageError);
    expect(parseMetricFlag('NPS')).toBe('nps');
  });

  it('is named above the table with its unit and how it was chosen', () => {
    const { profile } = runInsights(merged(risingThinBucket(8)), 'run-1', 1, { by: [] });
    expect(metricLine('nps', profile, false)).toBe(
      'impact on NPS, in NPS points (−100..+100): 608 responses, the first of NPS, CSAT, rating, CES with 20+ (--metric to choose)',
    );
    expect(metricLine('sentiment', profile, true)).toMatch(
      /^impact on sentiment, in sentiment points \(mean sentiment ×100, −100\.\.\+100\): 608 responses \(--metric sentiment\); also scored: nps 608$/,
    );
  });
});

describe('figures shown with the digits their scale needs', () => {
  it('shows sentiment impacts as points on −100..+100, never −0.00', () => {
    const d = metricDisplay('sentiment');
    expect(showInterval(d, -0.004, [-0.0061, -0.0019])).toBe('−0.4 [−0.6, −0.2]');
    expect(showInterval(metricDisplay('nps'), -7.83, [-9.02, -6.5])).toBe('−7.8 [−9.0, −6.5]');
    expect(showInterval(metricDisplay('csat'), -0.0123, [-0.02, -0.0051])).toBe('−0.012 [−0.020, −0.005]');
    expect(metricDisplay('ces').digits).toBe(3);
  });

  it('never prints a negative zero', () => {
    expect(signed(-0.00004, 2)).toBe('±0.00');
    expect(signed(-0.04, 1)).toBe('±0.0');
    expect(signed(0.06, 1)).toBe('+0.1');
  });

  it('gives every sentiment impact of a real-shaped run a figure other than zero', () => {
    const { insights } = runInsights(merged(risingThinBucket(40)), 'run-1', 1, { by: [], metric: 'sentiment' });
    const table = renderThemesTable(
      themeRows(insights, info),
      { read: 640, analyzed: 640, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
      { metric: 'sentiment' },
    );
    expect(table).not.toMatch(/[−±]0\.0 \[[−±]0\.0, [−±]0\.0\]/);
    expect(table).toMatch(/−\d+\.\d \[−\d+\.\d, −\d+\.\d\]/);
  });
});

describe('the default table', () => {
  const insights = computeInsights(
    merged([
      ...risingThinBucket(40),
      ...Array.from({ length: 60 }, (_, i) => makeAnalysis(`q${i}`, { themes: [['product.quality', -0.5]], nps: 3, sentiment: -0.5, value: 123456 })),
    ]),
    'run-1',
    1,
  );
  const counts = { read: 700, analyzed: 700, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 };

  it('fits 120 columns, cutting a long theme name rather than a figure', () => {
    const table = renderThemesTable(themeRows(insights, info), counts, { metric: 'csat', metricLine: 'x '.repeat(100) });
    expect(widest(table)).toBeLessThanOrEqual(TABLE_WIDTH);
    expect(table).toContain('A theme with a name');
    expect(table).toContain('…');
    expect(table).not.toContain('(product.quality)');
    expect(table).toContain('at risk');
  });

  it('shows every column with --wide: theme ids, negative-only impact and the driver attribution', () => {
    const table = renderThemesTable(themeRows(insights, info), counts, { wide: true });
    expect(table).toContain('A theme with a name far longer than any column would hold (product.quality)');
    expect(table.split('\n')[0]).toMatch(/neg impact\s+driver\s+at risk/);
  });

  it('cuts only the shrinkable column, never under its header, and wraps long lines at spaces', () => {
    const lines = textTable(
      [
        { header: 'name', align: 'left', shrink: true, cells: ['abcdefghijklmnop'] },
        { header: 'n', align: 'right', cells: ['12345'] },
      ],
      14,
    );
    expect(lines[2]).toBe('abcdef…  12345');
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', '  cc', '  dd']);
  });
});

describe('--by', () => {
  const regions = ['north-america', 'emea', 'apac', 'latam', 'oceania', 'middle-east', 'south-asia', 'central-europe', 'nordics', 'caribbean'];
  const analyses = risingThinBucket(40).map((a, i) => ({
    ...a,
    attributes: { region: regions[i % regions.length]!, ...(i % 2 ? { 'plan.tier': 'gold' } : {}) },
  }));
  const partial = merged(analyses, ['channel', 'attributes.region', 'attributes.regoin']);
  const { insights, profile } = runInsights(partial, 'run-1', 1, { by: ['channel', 'attributes.region', 'attributes.regoin'] });
  const rows = themeRows(insights, info);

  it('accepts channel, segment and attributes.NAME and refuses anything else with what to write', () => {
    expect(parseByFlags(['channel,customer.segment', 'attributes.region', 'segment'])).toEqual(['channel', 'segment', 'attributes.region']);
    expect(parseFacetField('regoin')).toEqual({
      problem: "'regoin' is not a field to slice by (channel, segment or attributes.NAME); did you mean attributes.regoin?",
    });
    expect(parseFacetField('chanel')).toMatchObject({ problem: expect.stringMatching(/did you mean channel\?$/) });
    expect(parseFacetField('createdAt')).toMatchObject({ problem: expect.stringMatching(/sliced by --bucket$/) });
    expect(parseFacetField('attributes.')).toMatchObject({ problem: expect.stringMatching(/needs an attribute name/) });
    expect(() => parseByFlags(['score.nps'])).toThrow(UsageError);
  });

  it('breaks each field down by value, most verbatims first, each value with its own ranking', () => {
    const b = facetBreakdown(insights, 'attributes.region', info, profile);
    expect(b.verbatims).toBe(640);
    expect(b.values.map((v) => v.value)).toEqual([...regions].sort());
    expect(b.values.reduce((s, v) => s + v.verbatims, 0)).toBe(640);
    const apac = b.values.find((v) => v.value === 'apac')!;
    expect(apac.themes[0]).toMatchObject({ rank: 1 });
    expect(apac.themes[0]).not.toHaveProperty('quotes');
  });

  it('renders a block within 120 columns, naming the values left to --wide', () => {
    const block = renderFacetBlock(facetBreakdown(insights, 'attributes.region', info, profile), rows, { profile });
    expect(widest(block)).toBeLessThanOrEqual(TABLE_WIDTH);
    expect(block).toMatch(/^by attributes\.region: share of each value's verbatims that mention the theme \(\* where highest\)/);
    expect(block).toMatch(/smaller values? in --wide and --json/);
    const wide = renderFacetBlock(facetBreakdown(insights, 'attributes.region', info, profile), rows, { wide: true, profile });
    for (const r of regions) expect(wide).toContain(`${r} (64)`);
  });

  it('names the attributes the run has when no row carries the one asked for', () => {
    expect(profile.attributes).toEqual([
      { name: 'region', verbatims: 640 },
      { name: 'plan.tier', verbatims: 320 },
    ]);
    expect(profile.facets).toEqual([
      { field: 'channel', verbatims: 640 },
      { field: 'attributes.region', verbatims: 640 },
      { field: 'attributes.regoin', verbatims: 0 },
    ]);
    const block = renderFacetBlock(facetBreakdown(insights, 'attributes.regoin', info, profile), rows, { profile });
    expect(block).toBe('--by attributes.regoin: no analysed verbatim carries it; attributes in this run: region (640), plan.tier (320)');
  });

  it('counts attributes across batches by addition', () => {
    const fold = { ...options, by: [] };
    const parts = [0, 1].map((k) => {
      const p = createPartial('run-1', `b${k}`, fold);
      for (const a of analyses.filter((_, i) => i % 2 === k)) foldAnalysis(p, a, fold);
      return p;
    });
    expect(profileOf(mergeAll(parts)!, { by: [] }).attributes).toEqual(profile.attributes);
  });
});

describe('analyses.jsonl', () => {
  it('carries the redacted customer text and the mapped score, customer and attributes', () => {
    const a = { ...makeAnalysis('v1', { nps: 3, segment: 'enterprise', value: 120 }), attributes: { region: 'emea' } };
    expect(analysisLine(a)).toMatchObject({
      id: 'v1',
      text: a.text,
      score: { type: 'nps', value: 3, scale: 10 },
      customer: { segment: 'enterprise', value: 120 },
      attributes: { region: 'emea' },
    });
  });

  it('carries each sentence with its span and sentiment, and each theme with the span of its evidence', () => {
    const a = makeAnalysis('v1', { nps: 3, themes: [['billing.double-charge', -0.6]] });
    expect(a.themes).toHaveLength(1);
    const line = analysisLine(a) as { sentences: unknown; themes: Array<Record<string, unknown>> };
    expect(line.sentences).toEqual(a.sentences.map((s) => ({ span: s.span, sentiment: s.sentiment })));
    expect(line.themes).toEqual(
      a.themes.map((t) => expect.objectContaining({ id: t.id, evidence: t.evidence.text, span: t.evidence.span, sentence: t.evidence.sentence })),
    );
  });
});
