import type { Metric, RunProfile } from '../contracts/index.js';
import { MIN_SCORED } from '../core/insights/profile.js';
import { METRIC_PREFERENCE } from '../core/insights/metrics.js';
import { InputError } from '../errors/index.js';
import { int } from './format.js';
import { metricDisplay } from './metric-display.js';

const withResponses = (profile: RunProfile): string =>
  METRIC_PREFERENCE.filter((m) => (profile.responses[m] ?? 0) > 0)
    .map((m) => `${m} (${int(profile.responses[m]!)})`)
    .join(', ') || 'none';

/**
 * The line above the themes table: what the impacts are measured on, in which unit, how
 * many responses, and whether the metric was asked for or chosen.
 */
export function metricLine(metric: Metric, profile: RunProfile | undefined, requested: boolean): string {
  const d = metricDisplay(metric);
  const head = `impact on ${d.name}, in ${d.unit}`;
  if (!profile) return head;
  const n = profile.responses[metric] ?? 0;
  const others = METRIC_PREFERENCE.filter((m) => m !== metric && m !== 'sentiment' && (profile.responses[m] ?? 0) > 0).map(
    (m) => `${m} ${int(profile.responses[m]!)}`,
  );
  const also = others.length ? `; also scored: ${others.join(', ')}` : '';
  if (requested) return `${head}: ${int(n)} responses (--metric ${metric})${also}`;
  if (metric === 'sentiment') return `${head}: ${int(n)} verbatims; no NPS, CSAT, rating or CES with ${MIN_SCORED}+ responses${also} (--metric to choose)`;
  return `${head}: ${int(n)} responses, the first of NPS, CSAT, rating, CES with ${MIN_SCORED}+${also} (--metric to choose)`;
}

/**
 * A metric with no responses in the run measures nothing: an input error (exit code 3)
 * naming the metrics that have responses, plus `hint` (how to read the run on another).
 * Runs aggregated before profiles were kept pass, and so do runs in which no verbatim was
 * analysed at all: the rejects' report says why, which is the problem to fix first.
 */
export function checkMetric(profile: RunProfile | undefined, hint = ''): void {
  if (!profile || (profile.responses[profile.metric] ?? 0) > 0 || (profile.responses.sentiment ?? 0) === 0) return;
  throw new InputError(`--metric ${profile.metric}: the run has no ${profile.metric} responses; metrics with responses: ${withResponses(profile)}${hint}`);
}
