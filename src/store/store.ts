import type { Analysis, Insight, Reject, Run, RunCounts } from '../contracts/index.js';
import type { InsightPartial } from '../core/insights/partial-types.js';

/** How many records a write stored, and how many were already there under the same key. */
export interface WriteResult {
  inserted: number;
  duplicates: number;
}

/** The batches of a run whose partial is stored, and what their rows became. */
export interface PartialProgress {
  batches: number;
  counts: RunCounts;
}

/**
 * A partial kept per bucket (DESIGN.md "Datasets"): a run's merged partial cut by bucket,
 * and a dataset's sum of its runs' pieces of one bucket. Recomputed, never incremented.
 */
export interface Rollup {
  /** Whose it is: "run:ID" or "dataset:NAME" (pipeline/rollups.ts). */
  owner: string;
  /** A bucket's start date, or "*" for the whole-run scopes (core/insights/bucket-split.ts). */
  bucket: string;
  /** What it was computed from ("RUN@GENERATION", sorted): a rollup whose sources changed is stale. */
  sources: string[];
  partial: InsightPartial;
}

/** A rollup without its body: what a staleness check reads. */
export type RollupEntry = Omit<Rollup, 'partial'>;

export interface InsightQuery {
  runId: string;
  themeId?: string;
  bucket?: string;
  facet?: string;
}

/**
 * Where runs, analyses, rejects, partials and insights live. Implemented by the embedded
 * store (one process, files) and the MongoDB store; one contract suite tests both.
 *
 * Keys: run by id; analysis by (runId, verbatimId); reject by (runId, source, row);
 * partial by (runId, key); insight by (runId, generation, themeId, bucket, facet).
 * Rollups, keyed by (owner, bucket), are the exception: recomputed sums, so a write replaces.
 * Writing a key that exists is a no-op counted as a duplicate, never an overwrite,
 * which is what makes a retried batch idempotent.
 */
export interface Store {
  init(): Promise<void>;
  close(): Promise<void>;

  createRun(run: Run): Promise<boolean>;
  getRun(id: string): Promise<Run | null>;
  /** Sets the fields of `patch`; a field given as undefined is removed. */
  updateRun(id: string, patch: Partial<Omit<Run, 'id'>>): Promise<void>;
  listRuns(): Promise<Run[]>;

  /**
   * Claims verbatim ids for a run in its dataset: the first run to claim an id owns it.
   * Returns the ids that another run of the dataset owns already, each with that run's id;
   * an id this run claimed before (a retried batch) is its own again. What makes overlapping
   * exports count each verbatim once in a dataset (DESIGN.md "Datasets").
   */
  claimVerbatims(dataset: string, runId: string, verbatimIds: readonly string[]): Promise<Map<string, string>>;

  putAnalyses(analyses: Analysis[]): Promise<WriteResult>;
  putRejects(rejects: Reject[]): Promise<WriteResult>;
  putPartial(partial: InsightPartial): Promise<WriteResult>;

  /** The run's analyses in stored order; `skip`: from the one after the first `skip` (a page's start, read without the ones before). */
  analyses(runId: string, skip?: number): AsyncIterable<Analysis>;
  rejects(runId: string): AsyncIterable<Reject>;
  partials(runId: string): AsyncIterable<InsightPartial>;
  /** Keys of the run's stored partials: the batches that are complete (read without bodies). */
  partialKeys(runId: string): Promise<Set<string>>;
  /** Sum of the stored partials' counts, without reading their bodies. */
  partialProgress(runId: string): Promise<PartialProgress>;

  /** Stores rollups, each replacing the one of the same owner and bucket. */
  putRollups(rollups: readonly Rollup[]): Promise<void>;
  /** The owner's rollups without their bodies. */
  rollupIndex(owner: string): Promise<RollupEntry[]>;
  /** The owner's rollups (of `buckets` only, when given), fresh: the caller may absorb them. */
  rollups(owner: string, buckets?: readonly string[]): AsyncIterable<Rollup>;
  deleteRollups(owner: string, buckets: readonly string[]): Promise<void>;

  /** Writes generation `generation` of a run's insights, points the run at it, drops older ones. */
  replaceInsights(runId: string, generation: number, insights: Insight[]): Promise<void>;
  insights(query: InsightQuery): Promise<Insight[]>;
}
