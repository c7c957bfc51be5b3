import type { SourceRow } from './corrupt.js';

export type OutputFormat = 'jsonl' | 'csv' | 'json';

/** Survey export columns: each name is a Verbatim field path, so the file maps itself. */
const CSV_COLUMNS = [
  'id',
  'channel',
  'createdAt',
  'text',
  'score.nps',
  'customer.segment',
  'customer.value',
  'attributes.region',
  'attributes.product',
] as const;

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const field = (row: SourceRow, key: string): Readonly<Record<string, unknown>> | undefined => {
  const value = row[key];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
};

function csvValue(row: SourceRow, column: (typeof CSV_COLUMNS)[number]): unknown {
  switch (column) {
    case 'score.nps': {
      const score = field(row, 'score');
      return score?.type === 'nps' ? score.value : undefined;
    }
    case 'customer.segment':
    case 'customer.value':
    case 'attributes.region':
    case 'attributes.product': {
      const [outer, inner] = column.split('.') as [string, string];
      return field(row, outer)?.[inner];
    }
    default:
      return row[column];
  }
}

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\n`;

/** One serialised row, newline included (for json, the caller joins rows into an array). */
export function formatRow(row: SourceRow, format: OutputFormat): string {
  if (format === 'csv') return `${CSV_COLUMNS.map((c) => csvField(csvValue(row, c))).join(',')}\n`;
  return `${JSON.stringify(row)}\n`;
}
