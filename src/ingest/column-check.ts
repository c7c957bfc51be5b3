import { InputError } from '../errors/index.js';
import { DELIMITER_CANDIDATES, delimiterName } from './delimiter.js';
import type { FieldMapping } from './mapping.js';
import { nearestColumn } from './nearest-column.js';

/** The columns a source was seen to have: a CSV header, or the keys of the first JSON records. */
export interface ColumnsSeen {
  columns: readonly string[];
  has(column: string): boolean;
  /** CSV: the delimiter the header was split with. */
  delimiter?: string;
}

const LISTED = 40;

/**
 * Refuses a source before any row is analysed when a column the mapping names is not in
 * it, or when nothing would give a row its text (no mapped text or turns, and no column
 * named so), naming the file's columns and the nearest to each missing one. Without this,
 * every row would end as the same reject and the run would print no themes.
 */
export function checkColumns(source: string, mapping: FieldMapping, seen: ColumnsSeen): void {
  const missing: string[] = [];
  const nearest = (wanted: string): string => {
    const near = nearestColumn(wanted, seen.columns);
    return near === undefined ? '' : ` (nearest: '${near}')`;
  };
  for (const [target, column] of Object.entries(mapping)) {
    if (column !== undefined && !seen.has(column)) missing.push(`--map ${target}=${column}: no column '${column}'${nearest(column)}`);
  }
  if (mapping.text === undefined && mapping.turns === undefined && !seen.has('text') && !seen.has('turns')) {
    missing.push(`no column 'text' holds the feedback: name the one that does with --map text=COLUMN${nearest('text')}`);
  }
  if (missing.length === 0) return;
  throw new InputError(`${source}: ${missing.join('; ')}. The file's columns: ${listed(seen.columns)}${delimiterHint(seen)}`);
}

function listed(columns: readonly string[]): string {
  const shown = columns
    .slice(0, LISTED)
    .map((c) => `'${c}'`)
    .join(', ');
  return columns.length > LISTED ? `${shown} and ${columns.length - LISTED} more` : shown || '(none)';
}

/** One column whose name holds another delimiter: the file was most likely split at the wrong one. */
function delimiterHint(seen: ColumnsSeen): string {
  if (seen.delimiter === undefined || seen.columns.length !== 1) return '';
  const other = DELIMITER_CANDIDATES.find((d) => d !== seen.delimiter && seen.columns[0]!.includes(d));
  return other === undefined
    ? ''
    : ` (split at ${delimiterName(seen.delimiter)}, the header is one column holding ${delimiterName(other)}: pass --delimiter '${other === '\t' ? 'tab' : other}')`;
}
