/** How a reader reads one source, besides its chunks and path. */
export interface ReaderOptions {
  /** CSV: the field delimiter; guessed from the first lines when absent (delimiter.ts). */
  delimiter?: string;
  /** CSV: called once with the header's column names (trimmed) and the delimiter used. */
  onColumns?: (columns: readonly string[], delimiter: string) => void;
  /** Redacts personal data from third-party error texts that may quote the input. */
  redact?: (text: string) => string;
}
