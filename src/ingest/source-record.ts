/**
 * One record read from a source. `problem` is set (and `record` empty) when this single
 * record could not be read but the rest of the file can, e.g. a malformed JSONL line: it
 * becomes a reject instead of stopping the run.
 */
export interface SourceRecord {
  row: number;
  record: Record<string, unknown>;
  problem?: string;
  /** With `problem`: what went wrong without the row or any value, e.g. "not valid JSON" (rejects are grouped by it). */
  cause?: string;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
