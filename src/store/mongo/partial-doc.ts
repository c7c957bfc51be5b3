import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { Binary } from 'mongodb';
import type { RunCounts } from '../../contracts/index.js';
import type { InsightPartial } from '../../core/insights/partial-types.js';

const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/**
 * How a partial is stored: its counts as top-level fields (read without the body for
 * progress) and the rest as compressed JSON. A partial is keyed by theme ids and scope keys that contain
 * "." (refused in FerretDB field names), carries bootstrap replicates and quote texts
 * (~700 KB of JSON per 250-row batch, ~10x smaller deflated), and is only ever read whole by
 * the aggregate stage, so an opaque body costs nothing and saves most of the write.
 */
export interface PartialDoc extends RunCounts {
  runId: string;
  key: string;
  body: Binary;
}

export async function toPartialDoc(partial: InsightPartial): Promise<PartialDoc> {
  const body = await deflateAsync(Buffer.from(JSON.stringify(partial)));
  return { runId: partial.runId, key: partial.key, ...partial.counts, body: new Binary(body) };
}

export async function fromPartialDoc(doc: Pick<PartialDoc, 'body'>): Promise<InsightPartial> {
  return JSON.parse((await inflateAsync(doc.body.buffer)).toString('utf8')) as InsightPartial;
}
