import type { Analysis, Metric } from '../../contracts/index.js';

/**
 * The per-verbatim numbers impacts are measured on. NPS becomes +100 for a promoter (9-10),
 * -100 for a detractor (0-6) and 0 for a passive, so that NPS = % promoters - % detractors is
 * simply their mean and every score shares one with-vs-without formula.
 */
export function metricValues(analysis: Pick<Analysis, 'sentiment' | 'score'>): Partial<Record<Metric, number>> {
  const values: Partial<Record<Metric, number>> = { sentiment: analysis.sentiment.score };
  const score = analysis.score;
  if (score) {
    if (score.type === 'nps') {
      const v = (score.value * 10) / (score.scale ?? 10);
      values.nps = v >= 9 ? 100 : v <= 6 ? -100 : 0;
    } else values[score.type] = score.value;
  }
  return values;
}

/** Ranked by preference when a run mixes score types: without --metric, the first with enough responses (profile.ts). */
export const METRIC_PREFERENCE: readonly Metric[] = ['nps', 'csat', 'rating', 'ces', 'sentiment'];

/** Lower is worse for every metric but CES (customer effort: higher is worse). */
export const higherIsBetter = (metric: Metric): boolean => metric !== 'ces';
