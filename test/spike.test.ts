import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../src/core/random/mulberry32.js';
import { type BucketCount, spikesAt } from '../src/core/insights/spike.js';

/**
 * The spike detector on generated years of daily data, the only thing it was tuned on:
 * weekly rhythms (weekends quieter, a theme's share by weekday), a seasonal drift, holidays
 * (a day at a fifth of the traffic), binomial noise; planted spikes of the volume (3-5x the
 * share, 30+ mentions) and of the negative share (from at most 35% to 95%, 25+ mentions). Goals (issue 12): precision and recall on
 * planted spikes >= 0.9, and no alert on a flat year.
 */
const DAYS = 364;
/** FRICTIONLENS_SPIKE_SEEDS=held-out measures on years the rule was never looked at with. */
const HELD_OUT = process.env.FRICTIONLENS_SPIKE_SEEDS === 'held-out';
const SEEDS_PLANTED = HELD_OUT ? [7, 8, 9, 10] : [1, 2, 3];
const SEEDS_FLAT = HELD_OUT ? [21, 22, 23, 24, 25] : [11, 12, 13];
const THEMES = 40;

interface Planted {
  theme: number;
  day: number;
  kind: 'volume' | 'negative';
}

const dateOf = (day: number): string => new Date(Date.UTC(2026, 0, 5 + day)).toISOString().slice(0, 10);

function binomial(n: number, p: number, random: () => number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

/** A year of series, one per theme; `plants` how many spikes of each kind to plant. */
function year(seed: number, plants: number): { series: BucketCount[][]; planted: Planted[] } {
  const random = mulberry32(seed);
  const totals = Array.from({ length: DAYS }, (_, d) => {
    const weekday = d % 7;
    const weekly = weekday >= 5 ? 0.5 : 1;
    const season = 1 + 0.25 * Math.sin((2 * Math.PI * d) / 365);
    const holiday = random() < 0.02 ? 0.2 : 1;
    return Math.round(900 * weekly * season * holiday * (0.85 + 0.3 * random()));
  });
  const themes = Array.from({ length: THEMES }, () => ({
    share: 0.004 + 0.12 * random() ** 2,
    negative: 0.2 + 0.6 * random(),
    byWeekday: Array.from({ length: 7 }, () => 0.8 + 0.4 * random()),
    drift: random() * 2 * Math.PI,
  }));
  const planted: Planted[] = [];
  const taken = new Set<string>();
  for (const kind of ['volume', 'negative'] as const) {
    let tries = 0;
    for (let n = 0; n < plants && tries < 100_000; tries++) {
      const theme = Math.floor(random() * THEMES);
      const day = 70 + Math.floor(random() * (DAYS - 70));
      const t = themes[theme]!;
      const expected = t.share * totals[day]!;
      // Spikes a team would act on: 30+ mentions in the spike, a negative share that can triple.
      if (kind === 'volume' && expected * 3 < 30) continue;
      if (kind === 'negative' && (expected < 25 || t.negative > 0.35)) continue;
      if (taken.has(`${theme}|${day}`)) continue;
      taken.add(`${theme}|${day}`);
      planted.push({ theme, day, kind });
      n++;
    }
  }
  const plantAt = new Map(planted.map((p) => [`${p.theme}|${p.day}`, p]));
  const series = themes.map((t, theme) =>
    totals.map((total, day): BucketCount => {
      const plant = plantAt.get(`${theme}|${day}`);
      const drift = 1 + 0.2 * Math.sin((2 * Math.PI * day) / 365 + t.drift);
      const factor = plant?.kind === 'volume' ? 3 + 2 * random() : 1;
      const volume = binomial(total, Math.min(1, t.share * t.byWeekday[day % 7]! * drift * factor), random);
      const negative = binomial(volume, plant?.kind === 'negative' ? 0.95 : t.negative, random);
      return { bucket: dateOf(day), total, volume, negative };
    }),
  );
  return { series, planted };
}

/** Every (theme, day) the detector alerts on, over the whole year. */
function alerts(series: BucketCount[][]): Array<{ theme: number; day: number; kinds: string[] }> {
  const out: Array<{ theme: number; day: number; kinds: string[] }> = [];
  series.forEach((s, theme) => {
    for (let day = 0; day < s.length; day++) {
      const spikes = spikesAt(s, day, 'day');
      if (spikes.length > 0) out.push({ theme, day, kinds: spikes.map((x) => x.kind) });
    }
  });
  return out;
}

describe('spike alerts on generated series', () => {
  it('finds planted spikes of volume and of negative share, with precision and recall >= 0.9', () => {
    let tp = 0;
    let alerted = 0;
    let planted = 0;
    for (const seed of SEEDS_PLANTED) {
      const y = year(seed, 25);
      const found = alerts(y.series);
      const plantedKeys = new Set(y.planted.map((p) => `${p.theme}|${p.day}`));
      tp += found.filter((a) => plantedKeys.has(`${a.theme}|${a.day}`)).length;
      alerted += found.length;
      planted += y.planted.length;
    }
    const precision = tp / alerted;
    const recall = tp / planted;
    console.log(`spikes: ${planted} planted, ${alerted} alerts, ${tp} on a planted spike: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(planted).toBe(50 * SEEDS_PLANTED.length);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('raises no alert on flat years of data: weekly rhythm, season, holidays and noise only', () => {
    const found = SEEDS_FLAT.flatMap((seed) => alerts(year(seed, 0).series));
    console.log(`flat years: ${SEEDS_FLAT.length * THEMES} theme-years, ${SEEDS_FLAT.length * THEMES * DAYS} daily tests, ${found.length} alerts`);
    expect(found).toEqual([]);
  });

  it('compares a day with the same weekday when the history allows, else with the days before; never on thin counts', () => {
    const day = (d: number, volume: number, total = 100): BucketCount => ({ bucket: dateOf(d), total, volume, negative: 0 });
    // Mondays are busy for this theme (30%), other days quiet (5%): a Monday at 30% is no spike.
    const weekly = Array.from({ length: 35 }, (_, d) => day(d, d % 7 === 0 ? 30 : 5));
    expect(spikesAt(weekly, 35 - 7, 'day')).toEqual([]);
    expect(spikesAt([...weekly, day(35, 30)], 35, 'day')).toEqual([]);
    const tuesday = spikesAt([...weekly, day(35, 5), day(36, 30)], 36, 'day');
    expect(tuesday.map((s) => [s.kind, s.baseline])).toEqual([['volume', 'weekday']]);
    // Weekly buckets: the weeks before; three weeks of history are not enough.
    const weeks = (volumes: number[]) => volumes.map((v, i) => ({ ...day(i * 7, v), total: 500 }));
    expect(spikesAt(weeks([10, 12, 11, 10, 40]), 4, 'week').map((s) => s.baseline)).toEqual(['recent']);
    expect(spikesAt(weeks([10, 12, 11, 40]), 3, 'week')).toEqual([]);
    // 1 -> 9 mentions is nine times the rate but under the minimum volume.
    expect(spikesAt(weeks([1, 1, 1, 1, 9]), 4, 'week')).toEqual([]);
    // An earlier spike in the baseline does not hide the next (median, not mean).
    expect(spikesAt(weeks([10, 60, 11, 10, 12, 45]), 5, 'week')).toHaveLength(1);
  });
});

describe('spikes of a merged partial', () => {
  it('finds a planted spike in the buckets a run touched, the same one its series marks', async () => {
    const { createPartial, foldAnalysis } = await import('../src/core/insights/fold.js');
    const { computeInsights } = await import('../src/core/insights/compute.js');
    const { themeSpikes } = await import('../src/core/insights/spike-alerts.js');
    const { makeAnalysis } = await import('./helpers/analysis.js');
    const options = { bucketSize: 'day' as const, by: ['channel'] };
    const partial = createPartial('d', 'k', options);
    const random = mulberry32(5);
    let n = 0;
    for (let day = 0; day < 70; day++) {
      for (let i = 0; i < 200; i++) {
        // 5% mention late delivery; on day 60, 25%.
        const late = random() < (day === 60 ? 0.25 : 0.05);
        const createdAt = `${dateOf(day)}T12:00:00Z`;
        foldAnalysis(partial, makeAnalysis(`v${n++}`, { themes: late ? [['delivery.late', -0.6]] : [], createdAt, channel: 'chat' }), options);
      }
    }
    const spikes = themeSpikes(partial, [dateOf(59), dateOf(60), dateOf(61)]);
    expect(spikes.map((s) => [s.themeId, s.facet, s.spike.bucket, s.spike.kind])).toEqual([
      ['delivery.late', 'all', dateOf(60), 'volume'],
      ['delivery.late', 'channel=chat', dateOf(60), 'volume'],
    ]);
    expect(themeSpikes(partial, [dateOf(59)])).toEqual([]);
    const marked = computeInsights(partial, 'd', 0).filter((i) => i.trend?.spike);
    expect(marked.map((i) => [i.themeId, i.facet, i.bucket])).toEqual([
      ['delivery.late', 'all', dateOf(60)],
      ['delivery.late', 'channel=chat', dateOf(60)],
    ]);
  });
});
