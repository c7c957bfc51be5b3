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
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: Analysis[] = [];
  for (let i = 0; i < n; i++) {
    const themes: Array<[string, number]> = [];
    let nps = 9;
    if (rand() < 0.2) {
      themes.push(['delivery.late', -0.6]);
      nps -= 6;
    }
    if (rand() < 0.15) {
      themes.push(['app.slow', -0.3]);
      nps -= 2;
    }
    if (rand() < 0.1) {
      themes.push(['support.agent-attitude', 0.7]);
      nps += 1;
    }
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

  it('counts the themes mentioned together, once a verbatim, on the whole run only', () => {
    const options: FoldOptions = { bucketSize: 'week', by: ['channel'] };
    const together = [
      makeAnalysis('t1', {
        themes: [
          ['a.one', -0.5],
          ['b.two', -0.5],
          ['c.three', 0.5],
        ],
      }),
      makeAnalysis('t2', {
        themes: [
          ['a.one', -0.5],
          ['b.two', -0.5],
        ],
        channel: 'chat',
      }),
      makeAnalysis('t3', {
        themes: [
          ['a.one', -0.5],
          ['c.three', -0.5],
        ],
      }),
      makeAnalysis('t4', { themes: [['a.one', -0.5]] }),
    ];
    const one = createPartial('run-1', 'k1', options);
    const two = createPartial('run-1', 'k2', options);
    foldAnalysis(one, together[0]!, options);
    foldAnalysis(one, together[1]!, options);
    for (const a of together.slice(2)) foldAnalysis(two, a, options);
    const insights = computeInsights(mergeAll([one, two])!, 'run-1', 1);
    const whole = (id: string) => insights.find((i) => i.themeId === id && i.bucket === '*' && i.facet === 'all')!;
    expect(whole('a.one').cooccurring).toEqual([
      { themeId: 'b.two', volume: 2 },
      { themeId: 'c.three', volume: 2 },
    ]);
    expect(whole('b.two').cooccurring).toEqual([
      { themeId: 'a.one', volume: 2 },
      { themeId: 'c.three', volume: 1 },
    ]);
    expect(insights.filter((i) => i.bucket !== '*' || i.facet !== 'all').every((i) => i.cooccurring === undefined)).toBe(true);
  });

  it('measures impact as S(all) minus S(responses without the theme)', () => {
    const insights = computeInsights(mergeAll(partialsOf(analyses, 100))!, 'run-1', 1);
    const late = insights.find((i) => i.themeId === 'delivery.late' && i.bucket === '*' && i.facet === 'all')!;
    const nps = (xs: Analysis[]) => (100 * (xs.filter((a) => a.score!.value >= 9).length - xs.filter((a) => a.score!.value <= 6).length)) / xs.length;
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

import { DRIVER_MIN_SUPPORT, DRIVER_RIDGE, fitDrivers } from '../src/core/insights/drivers.js';
import { driverFeatures } from '../src/core/insights/driver-stats.js';
import { facetsOf } from '../src/core/insights/facets.js';

/**
 * The driver model recomputed the long way, from the verbatims themselves: a dense design
 * matrix, centred, the same penalty, solved by Gaussian elimination; then each verbatim's
 * prediction with its negative indicators switched off. Independent of the partials' sums.
 */
function denseDrivers(analyses: Analysis[]) {
  const rows = analyses.map((a) => ({ features: driverFeatures(a, facetsOf(a, options.by)), y: a.score!.value >= 9 ? 100 : a.score!.value <= 6 ? -100 : 0 }));
  const counts = new Map<string, number>();
  for (const r of rows) for (const f of r.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const n = rows.length;
  const features = [...counts.keys()].filter((f) => counts.get(f)! >= DRIVER_MIN_SUPPORT && counts.get(f)! <= n - DRIVER_MIN_SUPPORT).sort();
  const k = features.length;
  const x: number[][] = rows.map((r) => features.map((f) => (r.features.includes(f) ? 1 : 0)));
  const meanX = features.map((_, j) => x.reduce((s, row) => s + row[j]!, 0) / n);
  const meanY = rows.reduce((s, r) => s + r.y, 0) / n;
  const a = features.map((_, i) => [
    ...features.map(
      (_, j) => x.reduce((s, row) => s + (row[i]! - meanX[i]!) * (row[j]! - meanX[j]!), 0) + (i === j ? DRIVER_RIDGE * counts.get(features[i]!)! : 0),
    ),
    x.reduce((s, row, r) => s + (row[i]! - meanX[i]!) * (rows[r]!.y - meanY), 0),
  ]);
  for (let c = 0; c < k; c++) {
    for (let r = c + 1; r < k; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let j = c; j <= k; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  const beta = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) beta[r] = (a[r]![k]! - beta.reduce((s, b, j) => (j > r ? s + a[r]![j]! * b : s), 0)) / a[r]![r]!;
  const intercept = meanY - beta.reduce((s, b, j) => s + b * meanX[j]!, 0);
  const counterfactual =
    x.reduce((s, row) => s + intercept + row.reduce<number>((t, v, j) => (features[j]!.startsWith('neg:') ? t : t + beta[j]! * v), 0), 0) / n;
  const clean = rows.filter((r) => !r.features.some((f) => f.startsWith('neg:')));
  const cleanScore = clean.reduce((s, r) => s + r.y, 0) / clean.length;
  const attribution = new Map(features.flatMap((f, j) => (f.startsWith('neg:') ? [[f.slice(4), beta[j]! * meanX[j]!] as const] : [])));
  return { gap: meanY - cleanScore, residual: counterfactual - cleanScore, attribution };
}

describe('key drivers', () => {
  const analyses = sample(1500);
  const merged = mergeAll(partialsOf(analyses, 250))!;

  it('attributes the gap to themes so that attributions plus residual add up to it', () => {
    const model = fitDrivers('nps', merged.drivers.nps!)!;
    const sum = model.drivers.reduce((s, d) => s + d.attribution, 0) + model.residual;
    expect(model.gap).toBeLessThan(0);
    // The residual is the model's counterfactual score minus the observed clean score, computed
    // apart from the attributions: the sum meets the gap only if intercept and shares are right.
    expect(sum).toBeCloseTo(model.gap, 9);
    expect(model.counterfactualScore - model.cleanScore).toBeCloseTo(model.residual, 12);
    // The planted themes explain the gap: the model leaves little to the residual.
    expect(Math.abs(model.residual)).toBeLessThan(0.2 * Math.abs(model.gap));
  });

  it('gives the same attributions and residual as the regression fitted on the verbatims themselves', () => {
    const model = fitDrivers('nps', merged.drivers.nps!)!;
    const dense = denseDrivers(analyses);
    expect(model.gap).toBeCloseTo(dense.gap, 9);
    expect(model.residual).toBeCloseTo(dense.residual, 6);
    expect(model.drivers.map((d) => d.themeId).sort()).toEqual([...dense.attribution.keys()].sort());
    for (const d of model.drivers) expect(d.attribution).toBeCloseTo(dense.attribution.get(d.themeId)!, 6);
  });

  it('ranks the planted drag first, with a bootstrap interval around its attribution', () => {
    const model = fitDrivers('nps', merged.drivers.nps!)!;
    expect(model.drivers[0]!.themeId).toBe('delivery.late');
    expect(model.drivers[0]!.weight).toBeLessThan(-50);
    const d = model.drivers[0]!;
    expect(model.replicates).toBe(merged.replicates);
    expect(d.ci[0]).toBeLessThan(d.attribution);
    expect(d.ci[1]).toBeGreaterThan(d.attribution);
    // A strong planted driver tops every resample.
    expect(d.stability).toBe(1);
  });

  it('gives identical drivers and intervals whatever the batching and merge order', () => {
    const one = fitDrivers('nps', mergeAll(partialsOf(analyses, 1500))!.drivers.nps!);
    const many = fitDrivers('nps', mergeAll(partialsOf(analyses, 61).reverse())!.drivers.nps!);
    expect(many).toEqual(one);
  });

  it('leaves out themes under the minimum support, so their cost falls to the residual', () => {
    const rare = analyses.map((a, i) =>
      i < DRIVER_MIN_SUPPORT - 1 ? { ...a, themes: [...a.themes, ...makeAnalysis(a.verbatimId, { themes: [['rare.theme', -0.5]] }).themes] } : a,
    );
    const model = fitDrivers('nps', mergeAll(partialsOf(rare, 500))!.drivers.nps!)!;
    expect(model.drivers.some((d) => d.themeId === 'rare.theme')).toBe(false);
    expect(model.drivers.reduce((s, d) => s + d.attribution, 0) + model.residual).toBeCloseTo(model.gap, 9);
  });
});
