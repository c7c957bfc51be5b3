import { UsageError } from '../errors/index.js';

/** The delimiters a CSV file is tried with, in the order that breaks ties. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

/** Records after the header that the guess looks at. */
const SAMPLE_RECORDS = 20;

const NAMED: Readonly<Record<string, string>> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

/** The delimiter a `--delimiter` flag names: one character, or tab, comma, semicolon, pipe, "\t". */
export function parseDelimiter(flag: string | undefined): string | undefined {
  if (flag === undefined) return undefined;
  const named = NAMED[flag.toLowerCase()];
  if (named !== undefined) return named;
  if ([...flag].length !== 1 || flag === '"' || flag === '\n' || flag === '\r') {
    throw new UsageError(`--delimiter: '${flag}' is not one character; use ',', ';', '|', tab, or another single character`);
  }
  return flag;
}

/** How a delimiter is shown to a user. */
export const delimiterName = (d: string): string => (d === '\t' ? 'tab' : `'${d}'`);

export interface SniffedDelimiter {
  delimiter: string;
  /** The file starts with Excel's "sep=X" line, which names the delimiter and is not the header. */
  sepLine: boolean;
}

/**
 * Guesses the delimiter of a CSV file from its first lines: of `,` `;` tab `|`, the one
 * that splits the header into at least two fields and the most of the next 20 records into
 * as many fields as the header; ties go to more header fields, then to the order above.
 * Each candidate splits the sample as CSV does (a field that starts with a quote runs to
 * its closing quote), so a delimiter inside quoted text is not counted. Excel's "sep=;"
 * first line decides by itself. A file no candidate splits is read as one column (`,`).
 * `complete` says the sample is the whole file (else its last record may be cut short).
 */
export function sniffDelimiter(sample: string, complete: boolean): SniffedDelimiter {
  const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return { delimiter: sep[1]!, sepLine: true };
  let best: { delimiter: string; header: number; consistent: number } | undefined;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const counts = fieldCounts(text, delimiter, SAMPLE_RECORDS + 2);
    if (!complete) counts.pop();
    const header = counts[0] ?? 0;
    if (header < 2) continue;
    const consistent = counts.slice(1, SAMPLE_RECORDS + 1).filter((n) => n === header).length;
    if (!best || consistent > best.consistent || (consistent === best.consistent && header > best.header)) {
      best = { delimiter, header, consistent };
    }
  }
  return { delimiter: best?.delimiter ?? ',', sepLine: false };
}

/** Fields per record for the first `limit` records of `text` split at `delimiter` (blank lines skipped). */
function fieldCounts(text: string, delimiter: string, limit: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let content = false;
  let fieldStart = true;
  for (let i = 0; i < text.length && counts.length < limit; i++) {
    const c = text[i]!;
    if (fieldStart && c === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] !== '"') continue;
        if (text[i + 1] !== '"') break;
        i++;
      }
      content = true;
      fieldStart = false;
    } else if (c === delimiter) {
      fields++;
      content = true;
      fieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (content) counts.push(fields);
      fields = 1;
      content = false;
      fieldStart = true;
    } else {
      content = true;
      fieldStart = false;
    }
  }
  if (content && counts.length < limit) counts.push(fields);
  return counts;
}
