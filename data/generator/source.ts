import type { Channel } from '../../src/contracts/verbatim.js';
import { corrupt, INVALID_REASONS, type InvalidReason } from './corrupt.js';
import { formatRow, type OutputFormat } from './formats.js';
import type { Rng } from './prng.js';
import { generateRecord, type GeneratedRecord, type RecordContext } from './record.js';

/** One file to generate: its format, id scheme, channel mix and how many rows. */
export interface SourceSpec {
  name: string;
  format: OutputFormat;
  idPrefix: string;
  rows: number;
  channels: ReadonlyArray<readonly [Channel, number]>;
  fromMs: number;
  toMs: number;
  invalidRate: number;
  duplicateRate: number;
}

export type SourceItem =
  | { kind: 'valid'; row: number; line: string; record: GeneratedRecord }
  | { kind: 'invalid'; row: number; line: string; id: string; reason: InvalidReason }
  | { kind: 'duplicate'; row: number; line: string; id: string; ofRow: number };

/** Duplicates copy one of the last few valid rows, so memory stays bounded on any size. */
const RECENT = 64;

/**
 * Yields the rows of one file in order, 1-based. Dates rise with the row number (exports are
 * chronological); a planted share of rows is broken or an exact copy of an earlier row.
 */
export function* generateSource(rng: Rng, ctx: RecordContext, spec: SourceSpec): Generator<SourceItem> {
  const recent: Array<{ row: number; line: string; id: string }> = [];
  const channelWeights = spec.channels.map(([, w]) => w);
  const span = spec.toMs - spec.fromMs;
  const width = Math.max(6, String(spec.rows).length);
  let serial = 0;
  for (let row = 1; row <= spec.rows; row++) {
    const roll = rng.next();
    if (roll < spec.duplicateRate && recent.length > 0) {
      const of = rng.pick(recent);
      yield { kind: 'duplicate', row, line: of.line, id: of.id, ofRow: of.row };
      continue;
    }
    serial += 1;
    const id = `${spec.idPrefix}-${String(serial).padStart(width, '0')}`;
    const channel = spec.channels[rng.weighted(channelWeights)]?.[0] ?? 'survey';
    const createdAtMs = spec.fromMs + Math.floor((((row - 1 + rng.next()) / spec.rows) * span) / 1000) * 1000;
    const record = generateRecord(rng, ctx, id, channel, createdAtMs);
    if (roll < spec.duplicateRate + spec.invalidRate) {
      const reason = rng.pick(INVALID_REASONS);
      yield { kind: 'invalid', row, line: formatRow(corrupt(rng, record.verbatim, reason), spec.format), id, reason };
      continue;
    }
    const line = formatRow(record.verbatim, spec.format);
    recent.push({ row, line, id });
    if (recent.length > RECENT) recent.shift();
    yield { kind: 'valid', row, line, record };
  }
}
