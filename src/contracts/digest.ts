import { z } from 'zod';
import { KeyDriver } from './drivers.js';
import { Impact, Quote } from './insight.js';
import { Coverage } from './run.js';

/** A span of days, inclusive, named as people say it ("2026-W47", "2026-11-20", "2026-11"). */
export const Period = z.object({
  label: z.string(),
  from: z.string().regex(/^\d{4}-\d\d-\d\d$/),
  to: z.string().regex(/^\d{4}-\d\d-\d\d$/),
});
export type Period = z.infer<typeof Period>;

/** One of a team's themes in a digest: the period's figures and the change against the one before. */
export const DigestTheme = z.object({
  id: z.string(),
  name: z.string(),
  volume: z.number().int().nonnegative(),
  share: z.number(),
  negativeShare: z.number(),
  /** The theme's share in the previous period (null: no verbatims then), and this share minus it. */
  previousShare: z.number().nullable(),
  change: z.number().nullable(),
  /** Impact on the metric with its interval: the period's own when it is one bucket, else the dataset's (impactScope). */
  impact: Impact.nullable(),
  impactScope: z.enum(['period', 'dataset']),
  /** Key-driver attribution (the dataset's model: drivers need more responses than a period holds). */
  driver: KeyDriver.nullable(),
  revenueAtRisk: z.number(),
  frictionScore: z.number(),
  /** Redacted quotes, at most 3. */
  quotes: z.array(Quote).max(3),
});
export type DigestTheme = z.infer<typeof DigestTheme>;

/** What a team receives for a period: its friction themes, top and rising, with what they cost. */
export const Digest = z.object({
  /** Subscription and period: building the digest of a period again gives the same id (the delivery's idempotency). */
  id: z.string(),
  subscriptionId: z.string(),
  team: z.string(),
  dataset: z.string(),
  facet: z.string(),
  period: Period,
  previous: Period,
  /** The buckets the period's figures come from (bucket starts); null when the dataset has none in it. */
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** The team's themes by friction score in the period. */
  top: z.array(DigestTheme),
  /** Ids of the themes whose share rose most against the previous period (among `top`). */
  rising: z.array(z.string()),
  /** Of the period's verbatims: how many any theme explains (null when it has none). */
  coverage: Coverage.nullable(),
  createdAt: z.string(),
});
export type Digest = z.infer<typeof Digest>;
