import { z } from 'zod';
import { Reject } from './reject.js';
import { RunOptions } from './run.js';
import { Verbatim } from './verbatim.js';

/** One input row after ingest: a verbatim to analyse, or a reject already decided. */
export const IngestItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verbatim'), verbatim: Verbatim, source: z.string(), row: z.number().int().positive() }),
  z.object({ kind: z.literal('reject'), reject: Reject }),
]);
export type IngestItem = z.infer<typeof IngestItem>;

/**
 * A batch of ingest items, the unit of the analyze stage (and of a batch job's payload);
 * `key` derives from the run and the items, so a retry reuses it.
 */
export const Batch = z.object({
  runId: z.string().min(1),
  key: z.string().min(1),
  /** The run's bucket size and facets, carried so a worker needs no extra read. */
  options: RunOptions,
  items: z.array(IngestItem).min(1),
});
export type Batch = z.infer<typeof Batch>;
