import { z } from 'zod';
import { Reject, RunOptions, Verbatim } from '../contracts/index.js';
import { InputError } from '../errors.js';
import { batchKey } from '../pipeline/batch-key.js';
import type { Batch } from '../pipeline/types.js';

const IngestItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verbatim'), verbatim: Verbatim, source: z.string(), row: z.number().int().positive() }),
  z.object({ kind: z.literal('reject'), reject: Reject }),
]);

const BatchData = z.object({ runId: z.string().min(1), key: z.string().min(1), options: RunOptions, items: z.array(IngestItem).min(1) });

/**
 * A batch job's payload, checked at the edge: it crossed Redis from another machine. A
 * payload that does not parse, or whose key does not match its rows, is bad input: the job
 * fails at once instead of storing a partial under a wrong key.
 */
export function parseBatch(data: unknown): Batch {
  const parsed = BatchData.safeParse(data);
  if (!parsed.success) throw new InputError(`batch payload: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const batch = parsed.data as Batch;
  if (batchKey(batch.runId, batch.items) !== batch.key) throw new InputError(`batch ${batch.key} of run ${batch.runId}: its key does not match its rows`);
  return batch;
}
