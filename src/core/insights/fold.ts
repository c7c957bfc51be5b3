import type { Analysis, Metric, RunCounts } from '../../contracts/index.js';
import { emptyCounts } from '../../contracts/index.js';
import { poissonWeights, REPLICATES } from './bootstrap.js';
import { bucketStart, type BucketSize } from './bucket.js';
import { facetsOf } from './facets.js';
import { toCents, toFixed } from './fixed-point.js';
import { addReplicates, addToGroup, emptyGroup, type Contribution } from './group.js';
import { metricValues } from './metrics.js';
import type { DriverStats, InsightPartial, ScopeCell, ThemeCell } from './partial-types.js';
import { quoteCandidate, topQuotes } from './quotes.js';

export interface FoldOptions {
  bucketSize: BucketSize;
  /** Facet fields besides "all". */
  by: readonly string[];
  replicates?: number;
}

/** The scope whose sums also carry bootstrap replicates and driver statistics. */
export const HEADLINE_SCOPE = '*|all';

export const scopeKey = (bucket: string, facet: string): string => `${bucket}|${facet}`;

export function createPartial(runId: string, key: string, options: FoldOptions): InsightPartial {
  return {
    runId,
    key,
    bucketSize: options.bucketSize,
    replicates: options.replicates ?? REPLICATES,
    scopes: {},
    drivers: {},
    counts: emptyCounts(),
  };
}

export function countOutcome(partial: InsightPartial, outcome: keyof Omit<RunCounts, 'read'>): void {
  partial.counts.read++;
  partial.counts[outcome]++;
}

const emptyScope = (): ScopeCell => ({ total: emptyGroup(), totalReplicates: {}, themes: {} });
const emptyTheme = (): ThemeCell => ({ any: emptyGroup(), negative: emptyGroup(), positive: emptyGroup(), anyReplicates: {}, quotes: [] });

/** Folds one analysis into the batch's partial (and counts it as analyzed). */
export function foldAnalysis(partial: InsightPartial, analysis: Analysis, options: FoldOptions): void {
  countOutcome(partial, 'analyzed');
  const fixed: Partial<Record<Metric, number>> = {};
  const values = metricValues(analysis);
  for (const m in values) fixed[m as Metric] = toFixed(m as Metric, values[m as Metric]!);
  const cents = toCents(analysis.customer?.value ?? 0);
  const churn = analysis.signals.churnIntent;
  const total: Contribution = {
    metrics: fixed,
    negative: analysis.sentiment.label === 'negative',
    positive: analysis.sentiment.label === 'positive',
    valueAtRisk: analysis.sentiment.label === 'negative' || churn ? cents : 0,
    churn,
  };
  const themes = analysis.themes.map((mention) => {
    const negative = mention.sentiment.label === 'negative';
    const contribution: Contribution = {
      metrics: fixed,
      negative,
      positive: mention.sentiment.label === 'positive',
      valueAtRisk: negative || churn ? cents : 0,
      churn,
    };
    return { mention, contribution, quote: quoteCandidate(analysis, mention) };
  });

  const weights = poissonWeights(analysis.verbatimId, partial.replicates);
  const buckets = ['*', bucketStart(analysis.createdAt, options.bucketSize)];
  for (const bucket of buckets) {
    for (const facet of facetsOf(analysis, options.by)) {
      const key = scopeKey(bucket, facet);
      const headline = key === HEADLINE_SCOPE;
      const scope = (partial.scopes[key] ??= emptyScope());
      addToGroup(scope.total, total);
      if (headline) addReplicates(scope.totalReplicates, fixed, weights);
      for (const { mention, contribution, quote } of themes) {
        const cell = (scope.themes[mention.id] ??= emptyTheme());
        addToGroup(cell.any, contribution);
        if (contribution.negative) addToGroup(cell.negative, contribution);
        if (contribution.positive) addToGroup(cell.positive, contribution);
        if (headline) addReplicates(cell.anyReplicates, fixed, weights);
        cell.quotes = topQuotes(cell.quotes, [quote]);
      }
    }
  }
  foldDrivers(partial.drivers, fixed, analysis, facetsOf(analysis, options.by));
}

/**
 * Sufficient statistics of the driver regression over the whole run: features are
 * "neg:THEME" and "pos:THEME" indicators plus "ctl:FACET" controls (channel always, and the
 * run's facets), so X'X and X'y are sparse integer counts.
 */
function foldDrivers(drivers: InsightPartial['drivers'], fixed: Partial<Record<Metric, number>>, analysis: Analysis, facets: string[]): void {
  const controls = new Set([`ctl:channel=${analysis.channel}`, ...facets.filter((f) => f !== 'all').map((f) => `ctl:${f}`)]);
  const features = [
    ...new Set(
      analysis.themes
        .filter((t) => t.sentiment.label !== 'neutral')
        .map((t) => `${t.sentiment.label === 'negative' ? 'neg' : 'pos'}:${t.id}`),
    ),
    ...controls,
  ].sort();
  for (const m in fixed) {
    const y = fixed[m as Metric]!;
    const stats: DriverStats = (drivers[m as Metric] ??= { n: 0, y: 0, yy: 0, cleanN: 0, cleanY: 0, x: {}, xx: {}, xy: {} });
    stats.n++;
    stats.y += y;
    stats.yy += y * y;
    if (!features.some((f) => f.startsWith('neg:'))) {
      stats.cleanN++;
      stats.cleanY += y;
    }
    for (let i = 0; i < features.length; i++) {
      const f = features[i]!;
      stats.x[f] = (stats.x[f] ?? 0) + 1;
      stats.xy[f] = (stats.xy[f] ?? 0) + y;
      for (let j = i; j < features.length; j++) {
        const pair = `${f}|${features[j]!}`;
        stats.xx[pair] = (stats.xx[pair] ?? 0) + 1;
      }
    }
  }
}
