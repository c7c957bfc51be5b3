import { emptyCounts } from '../../contracts/index.js';
import type { InsightPartial } from './partial-types.js';
import { splitScope } from './trend.js';

/** The bucket of the whole-run scopes, which also carries what no bucket owns. */
export const WHOLE_BUCKET = '*';

/**
 * A merged partial cut into one partial per bucket (DESIGN.md "Datasets"): each holds the
 * scopes of its bucket; the whole-run bucket ('*') also holds what belongs to no bucket (the
 * driver sums, the counts, the model versions, the attribute counts). Merging the pieces by
 * addition gives the partial back, so a dataset's rollup of a bucket is the sum of its runs'
 * pieces of that bucket. The pieces share the input's parts: it must not be used afterwards.
 */
export function splitByBucket(partial: InsightPartial): Map<string, InsightPartial> {
  const pieces = new Map<string, InsightPartial>();
  const pieceOf = (bucket: string): InsightPartial => {
    let piece = pieces.get(bucket);
    if (piece === undefined) {
      piece = {
        runId: partial.runId,
        key: `${partial.key}/${bucket}`,
        bucketSize: partial.bucketSize,
        replicates: partial.replicates,
        scopes: {},
        drivers: {},
        counts: emptyCounts(),
        modelVersions: [],
      };
      pieces.set(bucket, piece);
    }
    return piece;
  };
  const whole = pieceOf(WHOLE_BUCKET);
  whole.drivers = partial.drivers;
  whole.counts = partial.counts;
  whole.modelVersions = partial.modelVersions;
  if (partial.attributeCounts) whole.attributeCounts = partial.attributeCounts;
  for (const [key, scope] of Object.entries(partial.scopes)) pieceOf(splitScope(key)[0]).scopes[key] = scope;
  return pieces;
}
