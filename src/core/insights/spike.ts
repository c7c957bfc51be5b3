import type { BucketSize } from './bucket.js';

/** One bucket of a theme's series in one facet: the verbatims, and those that mention the theme (negatively). */
export interface BucketCount {
  /** The bucket's start date, YYYY-MM-DD. */
  bucket: string;
  total: number;
  volume: number;
  negative: number;
}

type SpikeKind = 'volume' | 'negative';

export interface Spike {
  bucket: string;
  kind: SpikeKind;
  observed: number;
  /** What the baseline rate predicts for this bucket's total. */
  expected: number;
  z: number;
  /** Which history the baseline came from: the same weekday (daily buckets) or the buckets just before. */
  baseline: 'weekday' | 'recent';
}

export interface SpikeRule {
  /** Fewer mentions never alert, however unusual (a theme going from 1 to 4). */
  minVolume: number;
  /** How many noise standard deviations above the baseline. */
  minZ: number;
  /** And how many times the baseline's expectation, so a huge bucket's tiny drift never alerts. */
  minRatio: number;
  /** Baseline buckets used at most, and needed at least. */
  history: number;
  minHistory: number;
  /** A bucket with fewer verbatims is neither tested nor part of a baseline (its rates are noise). */
  minTotal: number;
}

/**
 * Chosen on generated series only (test/spike.test.ts: planted spikes, flat years), never on
 * a dataset: five sigma on the arcsine scale keeps a year of daily tests over dozens of themes
 * free of false alarms, and twice the expectation with 10 mentions is what a team would act on.
 */
export const DEFAULT_SPIKE_RULE: SpikeRule = { minVolume: 10, minZ: 5, minRatio: 2, history: 8, minHistory: 4, minTotal: 30 };

/**
 * Whether bucket `index` of a series is a spike of the theme's volume, and of its negative
 * share (README "Spike alerts"). Volume is measured as a rate, mentions per verbatim, so a busy
 * day is no spike; the negative share as negative mentions per mention. The baseline is the
 * theme's own rate in earlier buckets: for daily buckets the same weekday when at least
 * `minHistory` of them are in the last `history` weeks (weekly rhythms: a Monday is compared
 * with Mondays), else a full `history` of days before it; for weeks and months the up to
 * `history` buckets before it. It is robust to outliers (an earlier spike, a holiday): the
 * median rate, and as spread 1.4826 x its median absolute deviation. With n the bucket's
 * verbatims (volume) or mentions (negative share), expected = rate x n, and baseN the
 * baseline's (over its k buckets), a spike needs observed >= minVolume, observed >= minRatio x
 * expected and
 *   z = (observed - expected) / sqrt(expected x (1 - rate) + n^2 x rate x (1 - rate) / baseN
 *                                     + n^2 x max(0, spread^2 - k x rate x (1 - rate) / baseN)) >= minZ:
 * binomial noise at the baseline rate, the rate's own sampling error, and the baseline's
 * spread beyond what sampling alone would give it. Pure; the series must be sorted by bucket.
 */
export function spikesAt(series: readonly BucketCount[], index: number, size: BucketSize, rule: SpikeRule = DEFAULT_SPIKE_RULE): Spike[] {
  const at = series[index];
  if (at === undefined || at.total < rule.minTotal) return [];
  const chosen = baselineOf(series, index, size, rule);
  if (chosen === null) return [];
  const spikes: Spike[] = [];
  for (const kind of ['volume', 'negative'] as const) {
    // Volume: mentions per verbatim. Negative: negative mentions per mention (the negative share).
    const count = kind === 'volume' ? (b: BucketCount) => b.volume : (b: BucketCount) => b.negative;
    const base = kind === 'volume' ? (b: BucketCount) => b.total : (b: BucketCount) => b.volume;
    const observed = count(at);
    const n = base(at);
    if (observed < rule.minVolume) continue;
    const history = chosen.buckets.filter((b) => base(b) > 0);
    if (history.length < rule.minHistory) continue;
    const rates = history.map((b) => count(b) / base(b));
    const rate = median(rates);
    const spread = 1.4826 * median(rates.map((r) => Math.abs(r - rate)));
    const expected = rate * n;
    const baseN = history.reduce((sum, b) => sum + base(b), 0);
    // The rate is itself estimated from the baseline: its sampling error counts too.
    const estimate = (n ** 2 * rate * (1 - rate)) / baseN;
    // The spread beyond what sampling alone gives the baseline's rates (drift, mix): sampling
    // noise is counted once, by the binomial term.
    const excess = Math.max(0, spread ** 2 - (rate * (1 - rate) * history.length) / baseN);
    const binomial = Math.max(expected * (1 - rate), 1e-9);
    // How much wider than binomial noise the bucket's count may spread.
    const inflation = (binomial + estimate + excess * n ** 2) / binomial;
    // On the arcsine scale (Anscombe's for a binomial count): near normal even for small
    // counts, where (observed - expected) / sd would make 10 mentions against 2 expected a
    // five-sigma event, and for shares near 1, which a plain square root cannot take.
    const share = Math.asin(Math.sqrt((observed + 3 / 8) / (n + 3 / 4)));
    const z = (2 * Math.sqrt(n) * (share - Math.asin(Math.sqrt(rate)))) / Math.sqrt(inflation);
    if (z >= rule.minZ && observed >= rule.minRatio * expected) spikes.push({ bucket: at.bucket, kind, observed, expected, z, baseline: chosen.kind });
  }
  return spikes;
}

function baselineOf(
  series: readonly BucketCount[],
  index: number,
  size: BucketSize,
  rule: SpikeRule,
): { buckets: BucketCount[]; kind: Spike['baseline'] } | null {
  const earlier = series.slice(0, index).filter((b) => b.total >= rule.minTotal);
  const of = (buckets: BucketCount[], kind: Spike['baseline']) => ({ buckets, kind });
  if (size === 'day') {
    const day = dayOf(series[index]!.bucket);
    const sameWeekday = earlier.filter((b) => day - dayOf(b.bucket) <= 7 * rule.history && (day - dayOf(b.bucket)) % 7 === 0).slice(-rule.history);
    if (sameWeekday.length >= rule.minHistory) return of(sameWeekday, 'weekday');
    // Days before it mix weekdays: only a full baseline of them evens the weekly rhythm out.
    const recent = earlier.slice(-rule.history);
    return recent.length >= rule.history ? of(recent, 'recent') : null;
  }
  const recent = earlier.slice(-rule.history);
  return recent.length >= rule.minHistory ? of(recent, 'recent') : null;
}

/** Days since the epoch of a YYYY-MM-DD bucket start. */
const dayOf = (bucket: string): number => Date.parse(`${bucket}T00:00:00Z`) / 86_400_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
