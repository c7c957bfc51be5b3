import { z } from 'zod';

/** The per-verbatim number an impact is measured on (NPS is the mean of +100/0/-100). */
export const Metric = z.enum(['nps', 'csat', 'ces', 'rating', 'sentiment']);
export type Metric = z.infer<typeof Metric>;

export const Impact = z.object({
  metric: Metric,
  /** S(all) - S(responses not mentioning the theme), in the metric's units. */
  value: z.number(),
  /** Seeded Poisson-bootstrap percentile interval (2.5%, 97.5%). */
  ci: z.tuple([z.number(), z.number()]),
  /** The same with only negative / only positive mentions of the theme left out. */
  negative: z.number(),
  positive: z.number(),
  /** Mean score of responses mentioning / not mentioning the theme. */
  withTheme: z.number(),
  withoutTheme: z.number(),
});
export type Impact = z.infer<typeof Impact>;

export const Quote = z.object({
  verbatimId: z.string(),
  text: z.string(),
  sentiment: z.number(),
  channel: z.string(),
  createdAt: z.string().optional(),
});
export type Quote = z.infer<typeof Quote>;

export const Insight = z.object({
  runId: z.string(),
  generation: z.number().int().nonnegative(),
  themeId: z.string(),
  /** "*" for the whole run, else the ISO date (YYYY-MM-DD) that starts the bucket. */
  bucket: z.string(),
  bucketSize: z.enum(['day', 'week', 'month']),
  /** "all", or "FIELD=VALUE" such as "channel=chat", "segment=enterprise", "attributes.region=EU". */
  facet: z.string(),
  volume: z.number().int().nonnegative(),
  /** volume / verbatims in the scope. */
  share: z.number(),
  /** Share of this theme's mentions that are negative. */
  negativeShare: z.number(),
  sentiment: z.number(),
  impact: Impact.nullable(),
  revenueAtRisk: z.number().nonnegative(),
  churnShare: z.number(),
  /** Change of share against the previous bucket (null where there is none). */
  trend: z.object({ previousShare: z.number(), change: z.number(), spike: z.boolean() }).nullable(),
  frictionScore: z.number(),
  quotes: z.array(Quote),
  /**
   * The whole run's row (bucket "*", facet "all") only: the themes most often mentioned in
   * the same verbatims, with how many verbatims mention both, most first (at most 5).
   */
  cooccurring: z.array(z.object({ themeId: z.string(), volume: z.number().int().positive() })).optional(),
});
export type Insight = z.infer<typeof Insight>;
