import { Batch } from '../contracts/index.js';
import { formatIssues, InputError } from '../errors/index.js';
import { batchKey } from '../pipeline/batch-key.js';

/**
 * A batch job's payload, checked at the edge: it crossed Redis from another machine. A
 * payload that does not parse, or whose key does not match its rows, is bad input: the job
 * fails at once instead of storing a partial under a wrong key.
 */
export function parseBatch(data: unknown): Batch {
  const parsed = Batch.safeParse(data);
  if (!parsed.success) throw new InputError(`batch payload: ${formatIssues(parsed.error, { max: 3 })}`);
  const batch = parsed.data;
  if (batchKey(batch.runId, batch.items) !== batch.key) throw new InputError(`batch ${batch.key} of run ${batch.runId}: its key does not match its rows`);
  return batch;
}
