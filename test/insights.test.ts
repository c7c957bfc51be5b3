import { describe, expect, it } from 'vitest';
import { computeInsights } from '../src/core/insights/compute.js';
import { createPartial, foldAnalysis, type FoldOptions } from '../src/core/insights/fold.js';
import { accumulatePartial, mergeAll, mergePartials } from '../src/core/insights/merge.js';
import { poissonWeights } from '../src/core/insights/bootstrap.js';
import { bucketStart } from '../src/core/insights/bucket.js';
import type { Analysis } from '../src/contracts/index.js';
import { makeAnalysis } from './helpers/analysis.js';

const options: FoldOptions = { bucketSize: 'week', by: ['channel', 'segment'] };

/** A seeded sample: late deliveries drag NPS hard, slow app a little, praise lifts it. */
function sample(n: number): Analysis[] {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: Analysis[] = [];
  for (let i = 0; i < n; i++) {
    const themes: Array<[string, number]> = [];
    let nps = 9;
    if (rand() < 0.2) { themes.push(['delivery.late', -0.6]); nps -= 6; }
    if (rand() < 0.15) { themes.push(['app.slow', -0.3]); nps -= 2; }
    if (rand() < 0.1) { themes.push(['support.agent-attitude', 0.7]); nps += 1; }
    const day = 1 + Math.floor(rand() * 60);
    out.push(
      makeAnalysis(`v${i}`, {
        themes,
        nps: Math.max(0, Math.min(10, nps - Math.floor(rand() * 2))),
        sentiment: themes.length ? themes[0]![1] : 0.3,
        createdAt: new Date(Date.UTC(2026, 4, day)).toISOString(),
        channel: rand() < 0.5 ? 'chat' : 'survey',
        segment: rand() < 0.3 ? 'enterprise' : 'consumer',
        value: 1000,
      }),
    );
  }
  return out;
}

function partialsOf(analyses: Analysis[], batchSize: number) {
  const partials = [];
  for (let i = 0; i < analyses.length; i += batchSize) {
    const p = createPartial('run-1', `b${i}`, options);
    for (const a of analyses.slice(i, i + batchSize)) foldAnalysis(p, a, options);
    partials.push(p);
  }
  return partials;
}

describe('insights from partials', () => {
  const analyses = sample(600);

  it('gives identical insights whatever the batching and merge order', () => {
    const reference = computeInsights(mergeAll(partialsOf(analyses, 600))!, 'run-1', 1);
    const small = partialsOf(analyses, 37);
    const reversed = computeInsights(mergeAll([...small].reverse())!, 'run-1', 1);
    // Pairwise tree merge: a different grouping of the same additions.
    let level = partialsOf(analyses, 50);
    while (level.length > 1) {
      const next = [];
      for (let i = 0; i < level.length; i += 2) next.push(level[i + 1] ? mergePartials(level[i]!, level[i + 1]!) : level[i]!);
      level = next;
    }
    const tree = computeInsights(level[0]!, 'run-1', 1);
    // In place, as the aggregate stage adds partials read from the store.
    const [first, ...rest] = structuredClone(partialsOf(analyses, 37));
    for (const p of rest) accumulatePartial(first!, p);
    const inPlace = computeInsights(first!, 'run-1', 1);
    expect(reversed).toEqual(reference);
    expect(tree).toEqual(reference);
    expect(inPlace).toEqual(reference);
  });

  it('measures impact as S(all) minus S(responses without the theme)', () => {
    const insights = computeInsights(mergeAll(partialsOf(analyses, 100))!, 'run-1', 1);
    const late = insights.find((i) => i.themeId === 'delivery.late' && i.bucket === '*' && i.facet === 'all')!;
    const nps = (xs: Analysis[]) =>
      (100 * (xs.filter((a) => a.score!.value >= 9).length - xs.filter((a) => a.score!.value <= 6).length)) / xs.length;
    const without = analyses.filter((a) => !a.themes.some((t) => t.id === 'delivery.late'));
    expect(late.impact!.metric).toBe('nps');
    expect(late.impact!.value).toBeCloseTo(nps(analyses) - nps(without), 9);
    expect(late.impact!.ci[0]).toBeLessThan(late.impact!.value);
    expect(late.impact!.ci[1]).toBeGreaterThan(late.impact!.value);
    expect(late.impact!.value).toBeLessThan(0);
    const praise = insights.find((i) => i.themeId === 'support.agent-attitude' && i.bucket === '*' && i.facet === 'all')!;
    expect(praise.impact!.value).toBeGreaterThan(late.impact!.value);
  });

  it('ranks the theme that drags the score hardest first by friction', () => {
    const insights = computeInsights(mergeAll(partialsOf(analyses, 100))!, 'run-1', 1)
      .filter((i) => i.bucket === '*' && i.facet === 'all')
      .sort((a, b) => b.frictionScore - a.frictionScore);
    expect(insights.map((i) => i.themeId)).toEqual(['delivery.late', 'app.slow', 'support.agent-attitude']);
  });

  it('slices by facet and by week, and counts revenue at risk on negative mentions', () => {
    const insights = computeInsights(mergeAll(partialsOf(analyses, 100))!, 'run-1', 1);
    const late = analyses.filter((a) => a.themes.some((t) => t.id === 'delivery.late'));
    const enterprise = insights.find((i) => i.themeId === 'delivery.late' && i.bucket === '*' && i.facet === 'segment=enterprise')!;
    expect(enterprise.volume).toBe(late.filter((a) => a.customer?.segment === 'enterprise').length);
    const headline = insights.find((i) => i.themeId === 'delivery.late' && i.bucket === '*' && i.facet === 'all')!;
    expect(headline.revenueAtRisk).toBe(late.length * 1000);
    const weeks = insights.filter((i) => i.themeId === 'delivery.late' && i.bucket !== '*' && i.facet === 'all');
    expect(weeks.reduce((s, i) => s + i.volume, 0)).toBe(late.length);
    expect(weeks.every((w) => w.bucket === bucketStart(`${w.bucket}T00:00:00Z`, 'week'))).toBe(true);
  });

  it('draws the same bootstrap weights for the same verbatim id in every run', () => {
    expect([...poissonWeights('abc')]).toEqual([...poissonWeights('abc')]);
    const all = Array.from({ length: 2000 }, (_, i) => [...poissonWeights(`id${i}`)]).flat();
    const mean = all.reduce((s, x) => s + x, 0) / all.length;
    expect(mean).toBeGreaterThan(0.97);
    expect(mean).toBeLessThan(1.03);
  });
});

import { fitDrivers } from '../src/core/insights/drivers.js';

describe('key drivers', () => {
  const merged = mergeAll(partialsOf(sample(1500), 250))!;

  it('attributes the gap to themes so that attributions plus residual add up to it', () => {
    const model = fitDrivers('nps', merged.drivers.nps!)!;
    const sum = model.drivers.reduce((s, d) => s + d.attribution, 0) + model.residual;
    expect(sum).toBeCloseTo(model.gap, 9);
    expect(model.gap).toBeLessThan(0);
    // The planted themes explain the gap: the model leaves little to the residual.
    expect(Math.abs(model.residual)).toBeLessThan(0.2 * Math.abs(model.gap));
  });

  it('ranks the planted drag first and keeps its interval around its weight', () => {
    const model = fitDrivers('nps', merged.drivers.nps!)!;
    expect(model.drivers[0]!.themeId).toBe('delivery.late');
    expect(model.drivers[0]!.weight).toBeLessThan(-50);
    const d = model.drivers[0]!;
    expect(d.ci[0]).toBeLessThan(d.attribution);
    expect(d.ci[1]).toBeGreaterThan(d.attribution);
  });
});
