import { z } from 'zod';

/** A spike of a theme in a bucket (README "Spike alerts"), sent to the team that owns the theme. */
export const Alert = z.object({
  /** dataset/theme/facet/bucket/kind: one spike alerts once, however often its bucket is recomputed. */
  key: z.string(),
  dataset: z.string(),
  themeId: z.string(),
  themeName: z.string(),
  team: z.string(),
  facet: z.string(),
  bucket: z.string(),
  bucketSize: z.enum(['day', 'week', 'month']),
  /** volume: mentions per verbatim; negative: negative mentions per mention. */
  kind: z.enum(['volume', 'negative']),
  observed: z.number().int().nonnegative(),
  expected: z.number().nonnegative(),
  z: z.number(),
  baseline: z.enum(['weekday', 'recent']),
  /** The run whose aggregate found it. */
  runId: z.string(),
  createdAt: z.string(),
});
export type Alert = z.infer<typeof Alert>;

export const alertKey = (a: Pick<Alert, 'dataset' | 'themeId' | 'facet' | 'bucket' | 'kind'>): string =>
  [a.dataset, a.themeId, a.facet, a.bucket, a.kind].join('/');
