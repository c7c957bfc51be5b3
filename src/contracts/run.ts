import { z } from 'zod';
import { KeyDrivers } from './drivers.js';
import { Metric } from './insight.js';

export const RunCounts = z.object({
  read: z.number().int().nonnegative(),
  analyzed: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  unsupportedLanguage: z.number().int().nonnegative(),
  /**
   * Analysed rows whose date column was empty or unreadable (a part of `analyzed`, not an
   * outcome of its own): they count in the whole-run figures, in no time bucket.
   */
  undated: z.number().int().nonnegative(),
});
export type RunCounts = z.infer<typeof RunCounts>;

const RunStatus = z.enum(['queued', 'running', 'aggregating', 'done', 'failed']);

/**
 * A dataset's name: what people ask about ("this week, in chat") across the runs that fed it.
 * Letters, digits, '-' and '_' only: it is a store key and a URL parameter.
 */
export const DatasetName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "must be 1-64 letters, digits, '-' or '_', starting with a letter or digit");

/** The dataset of runs that name none. */
export const DEFAULT_DATASET = 'default';

export const RunOptions = z.object({
  /** The dataset the run feeds (absent: DEFAULT_DATASET, and on runs stored before datasets). */
  dataset: DatasetName.optional(),
  bucket: z.enum(['day', 'week', 'month']),
  /** Facets besides "all": "channel", "segment", or "attributes.NAME". */
  by: z.array(z.string()),
  /** The metric impacts, drivers and the friction score use; absent: the automatic choice. */
  metric: Metric.optional(),
});
export type RunOptions = z.infer<typeof RunOptions>;

const count = z.number().int().nonnegative();

/**
 * How much the themes explain: of the analysed verbatims, and of those whose overall
 * sentiment is negative, how many mention at least one theme, and that share (1 when there
 * are none). Absent on runs aggregated before it was kept.
 */
export const Coverage = z.object({
  verbatims: count,
  themed: count,
  share: z.number().min(0).max(1),
  negative: count,
  themedNegative: count,
  negativeShare: z.number().min(0).max(1),
});
export type Coverage = z.infer<typeof Coverage>;

/**
 * What a run's analysed verbatims hold, measured by the aggregate stage from the merged
 * partials: the metric its insights use, which metrics and attributes the data has (so a
 * `--metric` or `--by` the data cannot answer is named with what it can), and how many
 * verbatims carry each `--by` field. Names are values, not keys: attribute names may hold
 * '.', which MongoDB-compatible servers refuse in field names.
 */
export const RunProfile = z.object({
  metric: Metric,
  /** Responses per metric; sentiment counts every analysed verbatim. */
  responses: z.partialRecord(Metric, count),
  /** Attribute names, each with the verbatims that carry it, most carried first. */
  attributes: z.array(z.object({ name: z.string(), verbatims: count })),
  /** Each `--by` field with the verbatims that have a value of it. */
  facets: z.array(z.object({ field: z.string(), verbatims: count })),
  coverage: Coverage.optional(),
});
export type RunProfile = z.infer<typeof RunProfile>;

export const Run = z.object({
  id: z.string(),
  status: RunStatus,
  sources: z.array(z.string()),
  options: RunOptions,
  counts: RunCounts,
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Which insight generation is current (insights are replaced per run, never incremented). */
  insightGeneration: z.number().int().nonnegative().optional(),
  /** Key drivers of that generation, on the run's metric (profile.metric; null when too few responses). */
  drivers: KeyDrivers.nullable().optional(),
  /** The metric and what the data holds, as of that generation (absent on runs aggregated before it existed). */
  profile: RunProfile.optional(),
  error: z.string().optional(),
  modelVersion: z.string(),
  /**
   * Distributed runs: the batch size and a fingerprint of the files and ingest flags. A
   * resubmission of the run must match both, or its batches would get other keys and their
   * partials would count rows twice.
   */
  submission: z.object({ batchSize: z.number().int().positive(), fingerprint: z.string() }).optional(),
  /**
   * The insight generation whose rollups (the merged partial cut by bucket) are stored, and
   * their buckets: what the dataset's rollups are recomputed from (pipeline/rollups.ts).
   * Absent until the aggregate stage stores them (and on embedded runs, which need none).
   */
  rollup: z.object({ generation: z.number().int().nonnegative(), buckets: z.array(z.string()) }).optional(),
});
export type Run = z.infer<typeof Run>;

/** The dataset a run feeds. */
export const datasetOf = (run: { options: RunOptions }): string => run.options.dataset ?? DEFAULT_DATASET;

export const emptyCounts = (): RunCounts => ({ read: 0, analyzed: 0, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 });

/** The guarantee every run keeps: each row read ended as exactly one outcome. */
export const countsReconcile = (c: RunCounts): boolean => c.read === c.analyzed + c.rejected + c.duplicates + c.unsupportedLanguage;
