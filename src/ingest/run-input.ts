import type { Channel, RunOptions } from '../contracts/index.js';
import type { IngestOptions } from './ingest.js';
import type { FieldMapping } from './mapping.js';
import type { ReadSettings } from './source-plan.js';

/**
 * How a run reads its files, the same whichever mode runs it (analyze, submit, themes
 * suggest): the format, encoding, delimiter and date format, the field mapping, defaults
 * for rows, and the insight options. A distributed run's fingerprint covers all of it, so a
 * resubmission reads its files the same way.
 */
export interface RunInput extends ReadSettings {
  mapping: FieldMapping;
  /** Channel of rows that do not carry one. */
  channel: Channel;
  /** createdAt of rows when no date column is mapped. */
  createdAt: string;
  options: RunOptions;
  batchSize?: number;
}

/** The options `ingest` reads a run's files with. */
export function ingestOptions(input: RunInput, runId: string, extra: Pick<IngestOptions, 'plans' | 'redact'> = {}): IngestOptions {
  const { format, encoding, delimiter, dateFormat } = input;
  return {
    ...(format === undefined ? {} : { format }),
    ...(encoding === undefined ? {} : { encoding }),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(dateFormat === undefined ? {} : { dateFormat }),
    mapping: input.mapping,
    channel: input.channel,
    createdAt: input.createdAt,
    runId,
    ...(extra.plans === undefined ? {} : { plans: extra.plans }),
    ...(extra.redact === undefined ? {} : { redact: extra.redact }),
  };
}
