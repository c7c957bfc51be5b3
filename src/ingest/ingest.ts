import { stat } from 'node:fs/promises';
import type { Channel, Reject, Verbatim } from '../contracts/index.js';
import { InputError } from '../errors/index.js';
import { IdSet } from '../core/id-set.js';
import type { IngestItem } from '../contracts/index.js';
import { detectFormat, type SourceFormat } from './format.js';
import type { FieldMapping } from './mapping.js';
import { readRecords } from './read-records.js';
import { toVerbatim } from './to-verbatim.js';
import { parseTranscript } from './transcript.js';

export interface IngestOptions {
  /** Overrides the format detected from each file's extension. */
  format?: SourceFormat;
  mapping: FieldMapping;
  /** Channel of rows that do not carry one. */
  channel: Channel;
  /** createdAt of rows when no date column is mapped (typically the run's start). */
  createdAt: string;
  runId: string;
  /** Channels whose labelled texts ("Agent: ... Customer: ...") are split into turns. */
  transcriptChannels?: readonly Channel[];
}

/**
 * Every row of every source, in order, as a verbatim or a reject with its reason: nothing is
 * dropped silently. Verbatim ids are unique within the run (the first row with an id wins;
 * later ones are 'duplicate' rejects); only the ids are kept, never the records.
 */
export async function* ingest(sources: readonly string[], options: IngestOptions): AsyncGenerator<IngestItem> {
  const formats = await checkSources(sources, options.format);
  const transcriptChannels = new Set<Channel>(options.transcriptChannels ?? ['call']);
  const seen = new IdSet();
  const defaults = { channel: options.channel, createdAt: options.createdAt };
  for (const [i, source] of sources.entries()) {
    const reject = (row: number, reason: Reject['reason'], message: string, verbatimId?: string): IngestItem => ({
      kind: 'reject',
      reject: { runId: options.runId, source, row, reason, message, ...(verbatimId === undefined ? {} : { verbatimId }) },
    });
    for await (const { row, record, problem } of readRecords(source, formats[i]!)) {
      if (problem !== undefined) {
        yield reject(row, 'invalid', problem);
        continue;
      }
      const result = toVerbatim(record, row, options.mapping, defaults);
      if (!result.ok) {
        yield reject(row, 'invalid', `row ${row}: ${result.message}`);
        continue;
      }
      const id = result.verbatim.id;
      if (seen.has(id)) {
        yield reject(row, 'duplicate', `row ${row}: id '${id}' was already read in this run`, id);
        continue;
      }
      seen.add(id);
      const verbatim = transcriptChannels.has(result.verbatim.channel) ? withTurns(result.verbatim) : result.verbatim;
      yield { kind: 'verbatim', verbatim, source, row };
    }
  }
}

/** Fails before any row is read when a source is missing or its format is unknown. */
async function checkSources(sources: readonly string[], format: SourceFormat | undefined): Promise<SourceFormat[]> {
  const formats = sources.map((source) => detectFormat(source, format));
  for (const source of sources) {
    const info = await stat(source).catch(() => undefined);
    if (info === undefined) throw new InputError(`${source}: cannot open (no such file)`);
    if (!info.isFile()) throw new InputError(`${source}: is a directory or special file, not a data file`);
  }
  return formats;
}

/** A call transcript kept as one text is split at its speaker labels, when it has any. */
function withTurns(verbatim: Verbatim): Verbatim {
  if (verbatim.text === undefined || verbatim.turns !== undefined) return verbatim;
  const turns = parseTranscript(verbatim.text);
  if (turns === null || !turns.some((turn) => turn.text.trim().length > 0)) return verbatim;
  const { text: _text, ...rest } = verbatim;
  return { ...rest, turns };
}
