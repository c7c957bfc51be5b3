import { z } from 'zod';
import { Metric } from './insight.js';

/** One theme's share of the score gap in the key-driver model (core/insights/drivers.ts). */
export const KeyDriver = z.object({
  themeId: z.string(),
  /** Score change when a response mentions the theme negatively, the other features held fixed. */
  weight: z.number(),
  /** weight x share of responses with a negative mention: the mean score the theme costs. */
  attribution: z.number(),
  /** Seeded Poisson-bootstrap percentile interval (2.5%, 97.5%) of the attribution. */
  ci: z.tuple([z.number(), z.number()]),
  /** Responses with a negative mention of the theme. */
  support: z.number().int().nonnegative(),
  /** Share of bootstrap replicates in which the theme ranks among the top drivers. */
  stability: z.number().min(0).max(1),
});
export type KeyDriver = z.infer<typeof KeyDriver>;

/** The key-driver model of a run on its metric: attributions + residual = gap. */
export const KeyDrivers = z.object({
  metric: Metric,
  /** Responses with a value of the metric. */
  n: z.number().int().nonnegative(),
  meanScore: z.number(),
  /** Observed mean score of the responses with no negative theme mention. */
  cleanScore: z.number(),
  /** meanScore - cleanScore: what the negative mentions cost, as observed. */
  gap: z.number(),
  /** The model's mean score with every negative indicator set to 0. */
  counterfactualScore: z.number(),
  /** counterfactualScore - cleanScore: what the model leaves unexplained. */
  residual: z.number(),
  drivers: z.array(KeyDriver),
  /** How many top drivers `stability` looks at, and the mean Jaccard overlap of that top list across replicates. */
  top: z.number().int().positive(),
  topOverlap: z.number().min(0).max(1),
  replicates: z.number().int().nonnegative(),
});
export type KeyDrivers = z.infer<typeof KeyDrivers>;
