import type { Collection } from 'mongodb';
import { insertUnique } from './insert-unique.js';

/**
 * A verbatim id claimed in a dataset, keyed by _id "DATASET/ID": dataset names hold no '/',
 * so the first '/' splits the key whatever the id holds. The unique _id is the lock: of two
 * runs claiming the same id at once, exactly one insert succeeds.
 */
export interface ClaimDoc {
  _id: string;
  runId: string;
}

const claimKey = (dataset: string, id: string): string => `${dataset}/${id}`;

/** claimVerbatims of the MongoDB store: one unordered insertMany, then the owners of the ids already taken. */
export async function claimVerbatims(claims: Collection<ClaimDoc>, dataset: string, runId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  if (ids.length === 0) return taken;
  const { duplicates } = await insertUnique(
    claims,
    ids.map((id) => ({ _id: claimKey(dataset, id), runId })),
  );
  if (duplicates === 0) return taken;
  // Some were there: read their owners (a retried batch finds its own run's claims).
  const byKey = new Map(ids.map((id) => [claimKey(dataset, id), id]));
  for await (const doc of claims.find({ _id: { $in: [...byKey.keys()] }, runId: { $ne: runId } })) taken.set(byKey.get(doc._id)!, doc.runId);
  return taken;
}
