import type { KeyDrivers } from '../contracts/index.js';
import { int, pct } from './format.js';
import { metricDisplay, showInterval, showLevel, showSigned } from './metric-display.js';
import { TABLE_WIDTH, textTable, wrap } from './text-table.js';
import type { DriversSummary } from '../core/insights/theme-rows.js';

/** "gap −34.2 (mean 41.5 vs 75.7 with no negative mention) = drivers −30.2 + residual −4.0": the decomposition every model keeps, on the metric's display scale. */
export function gapLine(d: KeyDrivers): string {
  const m = metricDisplay(d.metric);
  const explained = d.drivers.reduce((s, x) => s + x.attribution, 0);
  return (
    `gap ${showSigned(m, d.gap)} (mean ${showLevel(m, d.meanScore)} vs ${showLevel(m, d.cleanScore)} with no negative mention) = ` +
    `drivers ${showSigned(m, explained)} + residual ${showSigned(m, d.residual)}`
  );
}

/** The small "key drivers" table printed under the themes table (theme ids with `wide`). */
export function renderDriversTable(summary: DriversSummary | null, options: { top?: number; wide?: boolean } = {}): string {
  if (!summary) return 'key drivers: not enough responses with a score to fit a model';
  const m = metricDisplay(summary.metric);
  const top = summary.drivers.slice(0, options.top ?? 10);
  const cells = (f: (d: DriversSummary['drivers'][number], i: number) => string): string[] => top.map(f);
  const lines = textTable(
    [
      { header: '#', align: 'right', cells: cells((_, i) => String(i + 1)) },
      { header: 'key driver', align: 'left', shrink: true, cells: cells((d) => (options.wide ? `${d.name} (${d.themeId})` : d.name)) },
      { header: `attribution, ${m.name} [95% CI]`, align: 'left', cells: cells((d) => showInterval(m, d.attribution, d.ci)) },
      { header: 'weight', align: 'right', cells: cells((d) => showSigned(m, d.weight)) },
      { header: 'support', align: 'right', cells: cells((d) => int(d.support)) },
      { header: `in top ${summary.top}`, align: 'right', cells: cells((d) => pct(d.stability, 0)) },
    ],
    options.wide ? Infinity : TABLE_WIDTH,
  );
  if (top.length === 0) lines.push('(no theme has enough negative mentions to be a driver)');
  lines.push(
    '',
    ...wrap(`${gapLine(summary)}; top-${summary.top} overlap across ${summary.replicates} bootstrap replicates ${pct(summary.topOverlap, 0)}`, TABLE_WIDTH),
  );
  return lines.join('\n');
}
