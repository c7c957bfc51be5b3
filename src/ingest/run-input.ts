import type { Channel, RunOptions } from '../contracts/index.js';
import type { SourceFormat } from './format.js';
import type { FieldMapping } from './mapping.js';

/**
 * How a run reads its files, the same whichever mode runs it (analyze, submit, themes
 * suggest): the format, the field mapping, defaults for rows, and the insight options.
 */
export interface RunInput {
  /** Overrides the format detected from each file's extension. */
  format?: SourceFormat;
  mapping: FieldMapping;
  /** Channel of rows that do not carry one. */
  channel: Channel;
  /** createdAt of rows when no date column is mapped. */
  createdAt: string;
  options: RunOptions;
  batchSize?: number;
}
