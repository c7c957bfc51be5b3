import type { IngestItem } from '../contracts/index.js';

/** Ingest items per batch unless --batch-size says otherwise (both modes). */
export const DEFAULT_BATCH_SIZE = 500;

/**
 * A run's ingest items cut into batches of `size`, in order, the last one smaller. Both
 * modes cut through here, so a batch holds the same rows, hence the same key
 * (batch-key.ts), whichever mode or submission produced it. The next batch is not read
 * until the caller asks for it: memory holds one batch whatever the file size.
 */
export async function* batchesOf(items: AsyncIterable<IngestItem>, size: number): AsyncGenerator<IngestItem[]> {
  let batch: IngestItem[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
