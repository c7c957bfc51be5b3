import { z } from 'zod';
import { THEME_SORTS } from '../core/insights/top-themes.js';
import { SentimentLabel } from '../contracts/index.js';

/**
 * Query strings of the API, validated before a handler runs. Every value is a plain string
 * of a known shape: a repeated parameter (an array) or an unknown one (`dataset[$ne]`, the
 * operator-injection shape) is a 400, so no request value reaches a filter except as a
 * literal of the expected type. Facet filters by attribute come as `attr.NAME=VALUE`.
 */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const Name = z.string().min(1).max(200);
const ATTRIBUTE_PARAM = /^attr\.[^[\]]{1,100}$/;

const slice = {
  dataset: Name.optional(),
  from: Day.optional(),
  to: Day.optional(),
  bucket: z.enum(['day', 'week', 'month']).optional(),
  channel: Name.optional(),
  segment: Name.optional(),
};

/** Unknown keys are refused, except attribute facets (`attr.NAME`), kept as strings; a window ends after it starts. */
function withAttributes<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .catchall(z.string().max(200))
    .superRefine((query, ctx) => {
      for (const key of Object.keys(query))
        if (!(key in shape) && !ATTRIBUTE_PARAM.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'unknown parameter' });
      const { from, to } = query as { from?: unknown; to?: unknown };
      if (typeof from === 'string' && typeof to === 'string' && from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: `is before from ${from}` });
    });
}

const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const TopThemesQuery = withAttributes({ ...slice, sort: z.enum(THEME_SORTS).default('friction'), limit: Limit(1000, 15) });
export type TopThemesQuery = z.infer<typeof TopThemesQuery>;

export const ThemeQuery = withAttributes({ ...slice });
export type ThemeQuery = z.infer<typeof ThemeQuery>;

export const AnalysesQuery = withAttributes({
  ...slice,
  theme: Name.optional(),
  sentiment: SentimentLabel.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}(?:\.\d{1,15})?$/, 'must be the next cursor of a page')
    .default('0'),
  limit: Limit(200, 50),
});
export type AnalysesQuery = z.infer<typeof AnalysesQuery>;

export const ThemeParams = z.object({ id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be a theme id') });
export const RunParams = z.object({ id: z.string().min(1).max(200) });
export const RunsQuery = z.strictObject({ dataset: Name.optional() });
export const DatasetParams = z.object({ name: Name });

/** The facet a query slices by: "all", or the one field given (channel, segment or attr.NAME). */
export function facetOf(query: Record<string, unknown>): { field: string; value: string } | null | 'several' {
  const given: Array<{ field: string; value: string }> = [];
  if (typeof query.channel === 'string') given.push({ field: 'channel', value: query.channel });
  if (typeof query.segment === 'string') given.push({ field: 'segment', value: query.segment });
  for (const [key, value] of Object.entries(query))
    if (ATTRIBUTE_PARAM.test(key) && typeof value === 'string') given.push({ field: `attributes.${key.slice('attr.'.length)}`, value });
  if (given.length > 1) return 'several';
  return given[0] ?? null;
}

/** One value or several (`?by=channel&by=segment`), as the CLI's repeatable flags. */
const OneOrMore = z.union([Name, z.array(Name).max(50)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** POST /runs: the ingest flags of `submit`, by the same names; no other parameter. */
export const UploadQuery = z.strictObject({
  dataset: Name.optional(),
  format: z.enum(['csv', 'tsv', 'jsonl', 'json']).optional(),
  encoding: Name.optional(),
  delimiter: z.string().min(1).max(5).optional(),
  'date-format': Name.optional(),
  map: OneOrMore.optional(),
  channel: Name.optional(),
  date: Name.optional(),
  bucket: z.enum(['day', 'week', 'month']).optional(),
  by: OneOrMore.optional(),
  metric: Name.optional(),
  'batch-size': z
    .string()
    .regex(/^\d{1,7}$/, 'must be a whole number')
    .optional(),
});
