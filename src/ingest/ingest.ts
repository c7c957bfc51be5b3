import type { Channel, Reject, Verbatim } from '../contracts/index.js';
import { IdSet } from '../core/id-set.js';
import type { IngestItem } from '../contracts/index.js';
import type { FieldMapping } from './mapping.js';
import { defaultRedact, quoteValue } from './quote-value.js';
import { readRecords } from './read-records.js';
import { planSources, type ReadSettings, type SourcePlan } from './source-plan.js';
import { toVerbatim } from './to-verbatim.js';
import { parseTranscript } from './transcript.js';

export interface IngestOptions extends ReadSettings {
  mapping: FieldMapping;
  /** Channel of rows that do not carry one. */
  channel: Channel;
  /** createdAt of rows when no date column is mapped (typically the run's start). */
  createdAt: string;
  runId: string;
  /** Channels whose labelled texts ("Agent: ... Customer: ...") are split into turns. */
  transcriptChannels?: readonly Channel[];
  /** The sources' plans when the caller made them already (to refuse a run before any work); else made here. */
  plans?: readonly SourcePlan[];
  /** Redacts personal data from the values reject messages quote; default: the core redactor. */
  redact?: (text: string) => string;
}

/**
 * Every row of every source, in order, as a verbatim or a reject with its reason: nothing is
 * dropped silently. Verbatim ids are unique within the run (the first row with an id wins;
 * later ones are 'duplicate' rejects); only the ids are kept, never the records. Before the
 * first row, each source is looked at (source-plan.ts): a run that cannot be read right
 * fails here, with nothing analysed.
 */
export async function* ingest(sources: readonly string[], options: IngestOptions): AsyncGenerator<IngestItem> {
  const redact = options.redact ?? defaultRedact;
  const plans = options.plans ?? (await planSources(sources, { ...options, redact }));
  const transcriptChannels = new Set<Channel>(options.transcriptChannels ?? ['call']);
  const seen = new IdSet();
  const defaults = { channel: options.channel, createdAt: options.createdAt };
  for (const { source, format, readDate } of plans) {
    const reject = (row: number, reason: Reject['reason'], message: string, cause: string, verbatimId?: string): IngestItem => ({
      kind: 'reject',
      reject: { runId: options.runId, source, row, reason, message, cause, ...(verbatimId === undefined ? {} : { verbatimId }) },
    });
    const records = readRecords(source, format, {
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      redact,
    });
    for await (const { row, record, problem, cause } of records) {
      if (problem !== undefined) {
        yield reject(row, 'invalid', problem, cause ?? problem);
        continue;
      }
      const result = toVerbatim(record, row, options.mapping, defaults, { readDate, redact });
      if (!result.ok) {
        yield reject(row, 'invalid', `row ${row}: ${result.message}`, result.cause);
        continue;
      }
      const id = result.verbatim.id;
      if (seen.has(id)) {
        // Ids can be emails or phone numbers: quoted redacted, and kept as they are in verbatimId.
        yield reject(row, 'duplicate', `row ${row}: id ${quoteValue(id, redact)} was already read in this run`, 'id already read in this run', id);
        continue;
      }
      seen.add(id);
      const verbatim = transcriptChannels.has(result.verbatim.channel) ? withTurns(result.verbatim) : result.verbatim;
      yield { kind: 'verbatim', verbatim, source, row };
    }
  }
}

/** A call transcript kept as one text is split at its speaker labels, when it has any. */
function withTurns(verbatim: Verbatim): Verbatim {
  if (verbatim.text === undefined || verbatim.turns !== undefined) return verbatim;
  const turns = parseTranscript(verbatim.text);
  if (turns === null || !turns.some((turn) => turn.text.trim().length > 0)) return verbatim;
  const { text: _text, ...rest } = verbatim;
  return { ...rest, turns };
}
