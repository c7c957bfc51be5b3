import type { KeyDrivers } from '../contracts/index.js';
import { int, pct, signed } from './format.js';
import type { DriversSummary, ThemeInfo, ThemeRow } from './theme-rows.js';

export function driversSummary(drivers: KeyDrivers | null | undefined, info: (id: string) => ThemeInfo | undefined): DriversSummary | null {
  if (!drivers) return null;
  return { ...drivers, drivers: drivers.drivers.map((d) => ({ ...d, name: info(d.themeId)?.name ?? d.themeId })) };
}

/** Puts each theme's driver attribution on its row, so the table shows it next to the impact. */
export function withDrivers(rows: readonly ThemeRow[], drivers: KeyDrivers | null | undefined): ThemeRow[] {
  const byTheme = new Map((drivers?.drivers ?? []).map((d) => [d.themeId, d]));
  return rows.map((r) => ({ ...r, driver: byTheme.get(r.id) ?? null }));
}

export const driverDigits = (metric: string): number => (metric === 'nps' ? 1 : 3);

/** "gap −0.221 = drivers −0.171 + residual −0.050": the decomposition every model keeps. */
export function gapLine(d: KeyDrivers): string {
  const digits = driverDigits(d.metric);
  const explained = d.drivers.reduce((s, x) => s + x.attribution, 0);
  return (
    `gap ${signed(d.gap, digits)} (mean ${d.meanScore.toFixed(digits)} vs ${d.cleanScore.toFixed(digits)} with no negative mention) = ` +
    `drivers ${signed(explained, digits)} + residual ${signed(d.residual, digits)}`
  );
}

/** The small "key drivers" table printed under the themes table. */
export function renderDriversTable(summary: DriversSummary | null, options: { top?: number } = {}): string {
  if (!summary) return 'key drivers: not enough responses with a score to fit a model';
  const digits = driverDigits(summary.metric);
  const top = summary.drivers.slice(0, options.top ?? 10);
  const header = ['#', 'key driver', `attribution (${summary.metric}, 95% CI)`, 'weight', 'support', `in top ${summary.top}`];
  const body = top.map((d, i) => [
    String(i + 1),
    `${d.name} (${d.themeId})`,
    `${signed(d.attribution, digits)} [${signed(d.ci[0], digits)}, ${signed(d.ci[1], digits)}]`,
    signed(d.weight, digits),
    int(d.support),
    pct(d.stability, 0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const numeric = new Set([0, 3, 4, 5]);
  const line = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const lines = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  if (top.length === 0) lines.push('(no theme has enough negative mentions to be a driver)');
  lines.push(
    '',
    `${gapLine(summary)}; top-${summary.top} overlap across ${summary.replicates} bootstrap replicates ${pct(summary.topOverlap, 0)}`,
  );
  return lines.join('\n');
}
