import { createHash } from 'node:crypto';
import type { IngestItem } from '../contracts/index.js';

/**
 * A batch's key derives from its run and its content (the identities of its rows), so a
 * retried or re-submitted batch gets the same key and its partial is stored once.
 */
export function batchKey(runId: string, items: readonly IngestItem[]): string {
  const h = createHash('sha1').update(runId);
  for (const item of items) {
    h.update('\u0000');
    h.update(item.kind === 'verbatim' ? `v:${item.verbatim.id}` : `r:${item.reject.source}:${item.reject.row}`);
  }
  return h.digest('hex').slice(0, 24);
}
