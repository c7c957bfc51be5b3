import type { RunCounts } from '../contracts/index.js';
import { driverDigits } from './driver-rows.js';
import { int, money, pct, signed } from './format.js';
import type { ThemeRow } from './theme-rows.js';

const METRIC_UNIT: Record<string, string> = { nps: 'NPS pts', csat: 'CSAT', ces: 'CES', rating: 'rating', sentiment: 'sentiment' };

/** The readable table of the top friction themes, plus the run's counts. */
export function renderThemesTable(rows: readonly ThemeRow[], counts: RunCounts, options: { top?: number } = {}): string {
  const top = rows.slice(0, options.top ?? 15);
  const metric = top.find((r) => r.impact)?.impact?.metric ?? 'sentiment';
  const digits = metric === 'nps' ? 1 : 2;
  const header = ['#', 'theme', 'owner', 'volume', 'share', 'neg', `impact (${METRIC_UNIT[metric] ?? metric}, 95% CI)`, 'neg impact', 'driver', 'at risk', 'trend', 'friction'];
  const body = top.map((r) => [
    String(r.rank),
    `${r.name} (${r.id})`,
    r.owner,
    int(r.volume),
    pct(r.share),
    pct(r.negativeShare, 0),
    r.impact ? `${signed(r.impact.value, digits)} [${signed(r.impact.ci[0], digits)}, ${signed(r.impact.ci[1], digits)}]` : '—',
    r.impact ? signed(r.impact.negative, digits) : '—',
    // The key-driver attribution: the theme's share of the gap once overlapping themes are held fixed.
    r.driver ? signed(r.driver.attribution, driverDigits(metric)) : '—',
    r.revenueAtRisk > 0 ? money(r.revenueAtRisk) : '—',
    r.trend ? `${signed(r.trend.change * 100, 1)}pp${r.trend.spike ? ' SPIKE' : ''}` : '—',
    r.frictionScore.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const numeric = new Set([0, 3, 4, 5, 7, 8, 9, 11]);
  const line = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const lines = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  if (rows.length === 0) lines.push('(no themes found)');
  lines.push(
    '',
    `run: ${int(counts.read)} read = ${int(counts.analyzed)} analyzed + ${int(counts.rejected)} rejected + ` +
      `${int(counts.duplicates)} duplicates + ${int(counts.unsupportedLanguage)} unsupported language`,
  );
  return lines.join('\n');
}
