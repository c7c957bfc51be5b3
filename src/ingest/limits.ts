/** A single field larger than this is not feedback but a paste accident or a binary blob. */
export const MAX_FIELD_BYTES = 5 * 1024 * 1024;

/**
 * Upper bound on one record (CSV row, JSONL line, JSON element) held in memory at once, so a
 * file without separators cannot make a reader buffer it whole.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
