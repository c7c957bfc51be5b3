import type { Coverage, Metric, RunOptions, RunProfile } from '../../contracts/index.js';
import { HEADLINE_SCOPE } from './fold.js';
import { METRIC_PREFERENCE } from './metrics.js';
import type { InsightPartial } from './partial-types.js';
import { splitScope } from './trend.js';

/** A score type needs this many responses in the run before the automatic choice measures impacts on it. */
export const MIN_SCORED = 20;

/** Responses per metric over the whole run (sentiment: every analysed verbatim). */
export function metricResponses(partial: InsightPartial): Partial<Record<Metric, number>> {
  const metrics = partial.scopes[HEADLINE_SCOPE]?.total.metrics ?? {};
  const responses: Partial<Record<Metric, number>> = {};
  for (const m of METRIC_PREFERENCE) if ((metrics[m]?.n ?? 0) > 0) responses[m] = metrics[m]!.n;
  return responses;
}

/**
 * The metric insights use: the one asked for (`--metric`), else the first of NPS, CSAT,
 * rating, CES with at least MIN_SCORED responses, else sentiment, which every verbatim has.
 * A metric asked for is kept even without responses: the shells refuse it with the metrics
 * that have some (a stored run stays readable with another `--metric`).
 */
export function chooseMetric(responses: Partial<Record<Metric, number>>, requested?: Metric): Metric {
  if (requested) return requested;
  for (const m of METRIC_PREFERENCE) if ((responses[m] ?? 0) >= MIN_SCORED) return m;
  return 'sentiment';
}

/** What the merged partial says about the run's data: its metric, responses, attributes, facet coverage. */
export function profileOf(partial: InsightPartial, options: Pick<RunOptions, 'by' | 'metric'>): RunProfile {
  const responses = metricResponses(partial);
  const carried = new Map<string, number>();
  for (const [key, scope] of Object.entries(partial.scopes)) {
    const [bucket, facet] = splitScope(key);
    if (bucket !== '*' || facet === 'all') continue;
    const field = facet.slice(0, facet.indexOf('='));
    carried.set(field, (carried.get(field) ?? 0) + scope.total.n);
  }
  const attributes = Object.entries(partial.attributeCounts ?? {})
    .map(([name, verbatims]) => ({ name, verbatims }))
    .sort((a, b) => b.verbatims - a.verbatims || a.name.localeCompare(b.name));
  return {
    metric: chooseMetric(responses, options.metric),
    responses,
    attributes,
    facets: options.by.map((field) => ({ field, verbatims: carried.get(field) ?? 0 })),
    coverage: coverageOf(partial),
  };
}

/** The share of verbatims, and of negative verbatims, that at least one theme explains: the whole run's. */
const coverageOf = (partial: InsightPartial): Coverage => coverageIn(partial, [HEADLINE_SCOPE]);

/**
 * The same over some scopes, summed: the buckets of a period ("BUCKET|all" scopes). Buckets
 * of partials made before buckets kept coverage count as unthemed.
 */
export function coverageIn(partial: InsightPartial, scopeKeys: readonly string[]): Coverage {
  let verbatims = 0;
  let negative = 0;
  const themed = { n: 0, negative: 0 };
  for (const key of scopeKeys) {
    const scope = partial.scopes[key];
    verbatims += scope?.total.n ?? 0;
    negative += scope?.total.negative ?? 0;
    themed.n += scope?.themed?.n ?? 0;
    themed.negative += scope?.themed?.negative ?? 0;
  }
  return coverageFrom(verbatims, themed.n, negative, themed.negative);
}

/** Coverages of disjoint sets of verbatims (a period's buckets) as one; null when there is none. */
export function sumCoverage(parts: readonly Coverage[]): Coverage | null {
  if (parts.length === 0) return null;
  const sum = (f: (c: Coverage) => number): number => parts.reduce((n, c) => n + f(c), 0);
  return coverageFrom(
    sum((c) => c.verbatims),
    sum((c) => c.themed),
    sum((c) => c.negative),
    sum((c) => c.themedNegative),
  );
}

/** The counts with their shares (1 where there is nothing to explain). */
const coverageFrom = (verbatims: number, themed: number, negative: number, themedNegative: number): Coverage => ({
  verbatims,
  themed,
  share: verbatims > 0 ? themed / verbatims : 1,
  negative,
  themedNegative,
  negativeShare: negative > 0 ? themedNegative / negative : 1,
});
