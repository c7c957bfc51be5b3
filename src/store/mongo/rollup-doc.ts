import type { Binary } from 'mongodb';
import type { Rollup, RollupEntry } from '../store.js';
import { fromPartialDoc, packPartial } from './partial-doc.js';

/**
 * How a rollup is stored: keyed by owner and bucket in one _id (a replace is one upsert by
 * _id, no race between two keys), the sources as a field (a staleness check reads them
 * without the body), and the partial compressed as partials are (partial-doc.ts).
 */
export interface RollupDoc extends RollupEntry {
  _id: string;
  body: Binary;
}

/** JSON of the pair: neither an owner nor a bucket can make two keys collide. */
export const rollupId = (owner: string, bucket: string): string => JSON.stringify([owner, bucket]);

export async function toRollupDoc(rollup: Rollup): Promise<RollupDoc> {
  return {
    _id: rollupId(rollup.owner, rollup.bucket),
    owner: rollup.owner,
    bucket: rollup.bucket,
    sources: rollup.sources,
    body: await packPartial(rollup.partial),
  };
}

export async function fromRollupDoc(doc: RollupDoc): Promise<Rollup> {
  return { owner: doc.owner, bucket: doc.bucket, sources: doc.sources, partial: await fromPartialDoc(doc) };
}
