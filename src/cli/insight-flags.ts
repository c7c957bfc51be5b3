import { Metric } from '../contracts/index.js';
import { parseFacetField } from '../core/insights/facet-field.js';
import { UsageError } from '../errors/index.js';

/** `--metric`: the metric impacts, drivers and ranking use (undefined: the automatic choice). */
export function parseMetricFlag(value: string | undefined): Metric | undefined {
  if (value === undefined) return undefined;
  const metric = Metric.safeParse(value.trim().toLowerCase());
  if (!metric.success) throw new UsageError(`--metric: '${value}' is not one of ${Metric.options.join(', ')}`);
  return metric.data;
}

/** `--by FIELD` (repeatable, or comma-separated): facet fields, checked and normalised, each once. */
export function parseByFlags(values: readonly string[] | undefined): string[] {
  const fields: string[] = [];
  for (const raw of (values ?? []).flatMap((b) => b.split(','))) {
    if (raw.trim() === '') continue;
    const parsed = parseFacetField(raw);
    if ('problem' in parsed) throw new UsageError(`--by: ${parsed.problem}`);
    if (!fields.includes(parsed.field)) fields.push(parsed.field);
  }
  return fields;
}

export const METRIC_HELP = `  --metric M                the score impacts, key drivers and the ranking use: nps, csat,
                            rating, ces or sentiment (default: the first of NPS, CSAT,
                            rating, CES with 20+ responses, else sentiment); one with no
                            responses in the run is an input error naming those that have`;

export const WIDE_HELP = `  --wide                    every column (theme ids, negative-only impact, driver
                            attribution) and every facet value; the default fits 120 columns`;
