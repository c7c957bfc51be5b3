import { datasetOf, type Batch, type IngestItem } from '../contracts/index.js';
import { defaultRedact, quoteValue } from '../ingest/quote-value.js';
import type { Store } from '../store/store.js';

/**
 * Claims the batch's verbatim ids in the run's dataset before they are analysed: a verbatim
 * that an earlier run of the dataset analysed (exports overlap: a daily export repeats
 * yesterday's tail) becomes a 'duplicate' reject of this run, so the dataset counts it once.
 * A retried batch finds its own claims and analyses its verbatims again, under the same keys.
 */
export async function claimBatch(store: Store, batch: Batch): Promise<Batch> {
  const ids = batch.items.flatMap((item) => (item.kind === 'verbatim' ? [item.verbatim.id] : []));
  if (ids.length === 0) return batch;
  const dataset = datasetOf({ options: batch.options });
  const taken = await store.claimVerbatims(dataset, batch.runId, ids);
  if (taken.size === 0) return batch;
  const items = batch.items.map((item): IngestItem => {
    if (item.kind !== 'verbatim') return item;
    const owner = taken.get(item.verbatim.id);
    if (owner === undefined) return item;
    return {
      kind: 'reject',
      reject: {
        runId: batch.runId,
        source: item.source,
        row: item.row,
        reason: 'duplicate',
        // Ids can be emails or phone numbers: quoted redacted, kept as they are in verbatimId.
        message: `row ${item.row}: id ${quoteValue(item.verbatim.id, defaultRedact)} was already analysed in run ${owner} of dataset ${dataset}`,
        cause: 'id already analysed in an earlier run of the dataset',
        verbatimId: item.verbatim.id,
      },
    };
  });
  return { ...batch, items };
}
