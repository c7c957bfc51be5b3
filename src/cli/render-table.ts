import type { Metric, RunCounts } from '../contracts/index.js';
import { int, money, pct, signed } from './format.js';
import { metricDisplay, showInterval, showSigned } from './metric-display.js';
import { TABLE_WIDTH, textTable, wrap, type Column } from './text-table.js';
import type { ThemeRow } from '../core/insights/theme-rows.js';

export interface ThemesTableOptions {
  top?: number;
  /** Every column, theme ids included, at whatever width they need. */
  wide?: boolean;
  /** The metric of the impacts (default: the rows' own; sentiment without any). */
  metric?: Metric;
  /** The line above the table saying what the impacts are measured on, in which unit (metric-note.ts). */
  metricLine?: string;
}

/**
 * The readable table of the top friction themes, plus the run's counts. The default fits
 * TABLE_WIDTH columns: it keeps what a support lead ranks and acts on (theme, owner, how
 * many, how negative, what it costs the score with its interval, revenue at risk, trend,
 * friction) and leaves to `--wide` what refines it: theme ids, the impact of the negative
 * mentions alone and the key-driver attribution (the key-drivers table below shows it).
 * Theme names are cut with '…' only when the figures would not fit otherwise.
 */
export function renderThemesTable(rows: readonly ThemeRow[], counts: RunCounts, options: ThemesTableOptions = {}): string {
  const top = rows.slice(0, options.top ?? 15);
  const metric = options.metric ?? top.find((r) => r.impact)?.impact?.metric ?? 'sentiment';
  const d = metricDisplay(metric);
  const wide = options.wide === true;
  const column = (header: string, align: Column['align'], cell: (r: ThemeRow) => string, extra: Partial<Column> = {}): Column => ({
    header,
    align,
    cells: top.map(cell),
    ...extra,
  });
  const columns: Column[] = [
    column('#', 'right', (r) => String(r.rank)),
    column('theme', 'left', (r) => (wide ? `${r.name} (${r.id})` : r.name), { shrink: true }),
    column('owner', 'left', (r) => r.owner),
    column('volume', 'right', (r) => int(r.volume)),
    column('share', 'right', (r) => pct(r.share)),
    column('neg', 'right', (r) => pct(r.negativeShare, 0)),
    column('impact [95% CI]', 'left', (r) => (r.impact ? showInterval(d, r.impact.value, r.impact.ci) : '—')),
  ];
  if (wide) {
    columns.push(
      column('neg impact', 'right', (r) => (r.impact ? showSigned(d, r.impact.negative) : '—')),
      // The key-driver attribution: the theme's share of the gap once overlapping themes are held fixed.
      column('driver', 'right', (r) => (r.driver ? showSigned(d, r.driver.attribution) : '—')),
    );
  }
  // Without customer values every cell would read '—': the narrow table gives the room to the names.
  if (wide || top.some((r) => r.revenueAtRisk > 0)) columns.push(column('at risk', 'right', (r) => (r.revenueAtRisk > 0 ? money(r.revenueAtRisk) : '—')));
  columns.push(
    column('trend', 'left', (r) => (r.trend ? `${signed(r.trend.change * 100, 1)}pp${r.trend.spike ? ' SPIKE' : ''}` : '—')),
    column('friction', 'right', (r) => r.frictionScore.toFixed(1)),
  );
  const lines = [...(options.metricLine ? wrap(options.metricLine, TABLE_WIDTH) : []), ...textTable(columns, wide ? Infinity : TABLE_WIDTH)];
  if (rows.length === 0) lines.push('(no themes found)');
  lines.push(
    '',
    `run: ${int(counts.read)} read = ${int(counts.analyzed)} analyzed + ${int(counts.rejected)} rejected + ` +
      `${int(counts.duplicates)} duplicates + ${int(counts.unsupportedLanguage)} unsupported language`,
  );
  return lines.join('\n');
}
