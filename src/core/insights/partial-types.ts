import type { Metric, Quote, RunCounts } from '../../contracts/index.js';

/**
 * First and second moments of one metric over a set of verbatims, in fixed point
 * (fixed-point.ts): integers, so sums are exact and merging in any order gives the same bits.
 */
export interface Moments {
  n: number;
  sum: number;
  sq: number;
}

/** What the insight maths needs about a group of verbatims; every field merges by addition. */
export interface Group {
  n: number;
  /** Verbatims whose mention (or, for the total, whose overall sentiment) is negative / positive. */
  negative: number;
  positive: number;
  metrics: Partial<Record<Metric, Moments>>;
  /** Customer value (in cents) where the mention is negative or carries churn intent. */
  valueAtRisk: number;
  churn: number;
}

/**
 * Poisson-bootstrap sums: for metric m, replicate b, `[2b]` is the weighted count and
 * `[2b+1]` the weighted sum of the metric. Weights come from a hash of (verbatim id, b).
 */
export type Replicates = Partial<Record<Metric, number[]>>;

export interface QuoteCandidate extends Quote {
  /** Deterministic ranking key; lower ranks first. */
  rank: string;
}

export interface ThemeCell {
  any: Group;
  negative: Group;
  positive: Group;
  anyReplicates: Replicates;
  quotes: QuoteCandidate[];
  /**
   * Headline scope only: for each other theme, the verbatims that mention both (absent when
   * none did, and in partials made before it was kept). Merges by addition.
   */
  together?: Record<string, number>;
}

export interface ScopeCell {
  total: Group;
  /**
   * Facet "all" scopes only (the whole run's and each bucket's): the verbatims that mention at
   * least one theme, all of them and the negative ones (coverage). Absent in partials made
   * before it was kept (before bucket scopes kept it, only the whole run's has it).
   */
  themed?: { n: number; negative: number };
  totalReplicates: Replicates;
  themes: Record<string, ThemeCell>;
}

/** Sufficient statistics of a linear regression of a metric on theme indicators. */
export interface DriverStats {
  n: number;
  y: number;
  /** Count and metric sum of the responses with no negative theme mention. */
  cleanN: number;
  cleanY: number;
  /** Feature sums x, x'x ("a|b" keys, a <= b) and x'y, over sparse 0/1 indicators. */
  x: Record<string, number>;
  xx: Record<string, number>;
  xy: Record<string, number>;
  /** The same sums under each seeded Poisson-bootstrap replicate, for driver intervals. */
  replicates: DriverReplicates;
}

/**
 * Bootstrap replicates of the driver sums: `[b]` holds replicate b's weighted sum. Only what
 * a refit needs (the gap comes from the unweighted sums).
 */
interface DriverReplicates {
  n: number[];
  y: number[];
  x: Record<string, number[]>;
  xx: Record<string, number[]>;
  xy: Record<string, number[]>;
}

/** The mergeable summary of one batch (DESIGN.md "Insights from partials"). */
export interface InsightPartial {
  runId: string;
  /** Derived from the run and the batch's content: a retried batch gets the same key. */
  key: string;
  bucketSize: 'day' | 'week' | 'month';
  replicates: number;
  /** Scope key: "BUCKET|FACET", BUCKET "*" or YYYY-MM-DD, FACET "all" or "field=value". */
  scopes: Record<string, ScopeCell>;
  drivers: Partial<Record<Metric, DriverStats>>;
  /** What the batch's rows became; the run's counts are the sum over its partials. */
  counts: RunCounts;
  /**
   * The models that analysed the rows (analyzer versions, sorted; one per batch, every
   * distinct one once merged). Stored with the batch, the run's model version survives what
   * the queue forgets: a lost Redis, a resubmission whose batches were all stored before.
   */
  modelVersions: string[];
  /**
   * Analysed verbatims carrying each attribute name (with a non-empty value), so a `--by
   * attributes.NAME` no row carries is named with the attributes the run has. Absent in
   * partials stored before it was kept.
   */
  attributeCounts?: Record<string, number>;
}
