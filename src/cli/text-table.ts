/** The width a table printed by the CLI fits in unless --wide is given. */
export const TABLE_WIDTH = 120;

export interface Column {
  header: string;
  cells: readonly string[];
  align: 'left' | 'right';
  /** This column gives up width (its cells cut with '…') when the table is wider than allowed. */
  shrink?: boolean;
}

const GAP = '  ';

/**
 * Lines of an aligned text table: header, rule, one line per row. With `maxWidth`, the
 * shrinkable column is narrowed (never under its header) until the lines fit; the other
 * columns keep their width, so figures are never cut.
 */
export function textTable(columns: readonly Column[], maxWidth = Infinity): string[] {
  const widths = columns.map((c) => Math.max(c.header.length, ...c.cells.map((x) => x.length)));
  const total = (): number => widths.reduce((s, w) => s + w, 0) + GAP.length * (columns.length - 1);
  const shrink = columns.findIndex((c) => c.shrink);
  if (shrink >= 0 && total() > maxWidth) widths[shrink] = Math.max(columns[shrink]!.header.length, widths[shrink]! - (total() - maxWidth));
  const clip = (text: string, w: number): string => (text.length > w ? `${text.slice(0, w - 1)}…` : text);
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const w = widths[i]!;
        return columns[i]!.align === 'right' ? clip(c, w).padStart(w) : clip(c, w).padEnd(w);
      })
      .join(GAP)
      .trimEnd();
  const rows = columns[0]?.cells.length ?? 0;
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '─'.repeat(w)).join(GAP),
    ...Array.from({ length: rows }, (_, r) => line(columns.map((c) => c.cells[r]!))),
  ];
}

/** Breaks a line at spaces so that no line is wider than `width` (a word longer than it stays whole); later lines are indented. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
