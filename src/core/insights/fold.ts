import type { Analysis, Metric, RunCounts } from '../../contracts/index.js';
import { emptyCounts } from '../../contracts/index.js';
import { poissonWeights, REPLICATES } from './bootstrap.js';
import { bucketStart, type BucketSize } from './bucket.js';
import { facetsOf } from './facets.js';
import { toCents, toFixed } from './fixed-point.js';
import { addReplicates, addToGroup, emptyGroup, type Contribution } from './group.js';
import { joinedKeys } from './joined-keys.js';
import { metricValues } from './metrics.js';
import { addToDriverStats, drawnReplicates, driverFeatures, driverPairs, emptyDriverStats } from './driver-stats.js';
import type { InsightPartial, ScopeCell, ThemeCell } from './partial-types.js';
import { offerQuote, quoteCandidate } from './quotes.js';

export interface FoldOptions {
  bucketSize: BucketSize;
  /** Facet fields besides "all". */
  by: readonly string[];
  replicates?: number;
}

/** The scope whose sums also carry bootstrap replicates and driver statistics. */
export const HEADLINE_SCOPE = '*|all';

/** The key of a scope, one string per (bucket, facet) (joined-keys.ts). */
const scopeKey = joinedKeys(10_000);

export function createPartial(runId: string, key: string, options: FoldOptions, modelVersion?: string): InsightPartial {
  return {
    runId,
    key,
    bucketSize: options.bucketSize,
    replicates: options.replicates ?? REPLICATES,
    scopes: {},
    drivers: {},
    counts: emptyCounts(),
    modelVersions: modelVersion === undefined ? [] : [modelVersion],
    attributeCounts: {},
  };
}

export function countOutcome(partial: InsightPartial, outcome: Exclude<keyof RunCounts, 'read' | 'undated'>): void {
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

  if (analysis.attributes) {
    const counts = (partial.attributeCounts ??= {});
    for (const [name, value] of Object.entries(analysis.attributes)) if (value !== '') counts[name] = (counts[name] ?? 0) + 1;
  }

  const weights = poissonWeights(analysis.verbatimId, partial.replicates);
  // An undated verbatim counts in the whole run only: no time bucket can hold it, and trends
  // and spikes compare dated buckets, so it neither dilutes nor inflates any of them.
  const buckets = analysis.createdAt === undefined ? ['*'] : ['*', bucketStart(analysis.createdAt, options.bucketSize)];
  if (analysis.createdAt === undefined) partial.counts.undated++;
  const facets = facetsOf(analysis, options.by);
  for (const bucket of buckets) {
    for (const facet of facets) {
      const key = scopeKey(bucket, facet);
      const headline = key === HEADLINE_SCOPE;
      const scope = (partial.scopes[key] ??= emptyScope());
      addToGroup(scope.total, total);
      // Coverage of the whole run and of each bucket (a digest's period): facet "all" only.
      if (themes.length > 0 && facet === 'all') {
        const themed = (scope.themed ??= { n: 0, negative: 0 });
        themed.n++;
        if (total.negative) themed.negative++;
      }
      if (headline) addReplicates(scope.totalReplicates, fixed, weights);
      for (const { mention, contribution, quote } of themes) {
        const cell = (scope.themes[mention.id] ??= emptyTheme());
        addToGroup(cell.any, contribution);
        if (contribution.negative) addToGroup(cell.negative, contribution);
        if (contribution.positive) addToGroup(cell.positive, contribution);
        if (headline) addReplicates(cell.anyReplicates, fixed, weights);
        offerQuote(cell.quotes, quote);
      }
    }
  }
  if (themes.length > 1) countTogether(partial.scopes[HEADLINE_SCOPE]!, [...new Set(themes.map((t) => t.mention.id))]);
  // The key-driver regression's sufficient statistics, one set per metric (driver-stats.ts).
  const features = driverFeatures(analysis, facets);
  const pairs = driverPairs(features);
  const drawn = drawnReplicates(weights);
  for (const m in fixed) {
    const stats = (partial.drivers[m as Metric] ??= emptyDriverStats(partial.replicates));
    addToDriverStats(stats, features, pairs, fixed[m as Metric]!, weights, drawn);
  }
}

/** Each pair of the verbatim's themes counted once, both ways, in the headline scope (the co-occurring themes). */
function countTogether(headline: ScopeCell, ids: readonly string[]): void {
  for (const a of ids) {
    const together = (headline.themes[a]!.together ??= {});
    for (const b of ids) if (b !== a) together[b] = (together[b] ?? 0) + 1;
  }
}
