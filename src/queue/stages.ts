/**
 * The stages of a run, in order (DESIGN.md "Flow"). Each is one BullMQ queue whose jobs
 * carry the stage's name, so `frictionlens worker --stages` picks queues by stage:
 * - ingest: the submitter reads, maps, validates and dedupes the file on its own machine;
 *   the stage's job records that ingest is complete (rows read, batches enqueued);
 * - analyze: one job per batch of ingest items: analyses, rejects, one partial;
 * - aggregate: the flow parent of the run's ingest and analyze jobs, run once all of them
 *   are done: merges the partials into insights;
 * - route: the parent of aggregate: digests and alerts (nothing yet).
 */
export const STAGES = ['ingest', 'analyze', 'aggregate', 'route'] as const;
export type Stage = (typeof STAGES)[number];
