import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';
import { Binary } from 'mongodb';
import type { RunCounts } from '../../contracts/index.js';
import type { InsightPartial } from '../../core/insights/partial-types.js';

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);
/** Brotli at quality 4: a 350 KB partial in ~2 ms to ~35 KB (deflate: ~4 ms to ~60 KB). */
const QUALITY = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * How a partial is stored: its counts as top-level fields (read without the body for
 * progress) and the rest as compressed JSON. A partial is keyed by theme ids and scope keys that contain
 * "." (refused in FerretDB field names), carries bootstrap replicates and quote texts
 * (~350-700 KB of JSON per batch, ~10x smaller compressed), and is only ever read whole by
 * the aggregate stage, so an opaque body costs nothing and saves most of the write.
 */
export interface PartialDoc extends RunCounts {
  runId: string;
  key: string;
  body: Binary;
}

export async function toPartialDoc(partial: InsightPartial): Promise<PartialDoc> {
  return { runId: partial.runId, key: partial.key, ...partial.counts, body: await packPartial(partial) };
}

/** A partial as compressed JSON: how partials and rollups (rollup-doc.ts) keep their bodies. */
export async function packPartial(partial: InsightPartial): Promise<Binary> {
  return new Binary(await compress(Buffer.from(JSON.stringify(partial)), QUALITY));
}

export async function fromPartialDoc(doc: Pick<PartialDoc, 'body'>): Promise<InsightPartial> {
  return JSON.parse((await decompress(doc.body.buffer)).toString('utf8')) as InsightPartial;
}
