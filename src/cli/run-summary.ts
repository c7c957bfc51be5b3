import type { Insight, Run, RunCounts } from '../contracts/index.js';
import { int } from './format.js';
import { driversSummary, renderDriversTable, withDrivers } from './driver-rows.js';
import { renderThemesTable } from './render-table.js';
import { themeRows, type AnalyzeSummary, type ThemeInfo, type ThemeRow } from './theme-rows.js';

/** What a finished run shows, the same whichever mode ran it: ranked rows and the `--json` document. */
export interface RunSummary {
  rows: ThemeRow[];
  summary: AnalyzeSummary;
}

export function summariseRun(run: Run, insights: readonly Insight[], info: (id: string) => ThemeInfo | undefined): RunSummary {
  const rows = withDrivers(themeRows(insights, info), run.drivers);
  const summary: AnalyzeSummary = {
    runId: run.id,
    run: run.counts,
    metric: rows.find((r) => r.impact)?.impact?.metric ?? null,
    themes: rows.map(({ rank: _rank, ...row }) => row),
    drivers: driversSummary(run.drivers, info),
  };
  return { rows, summary };
}

/** stdout of `analyze` and `submit --wait`: one JSON document, or the themes and key-driver tables. */
export function renderRunSummary({ rows, summary }: RunSummary, options: { json?: boolean; top: number }): string {
  if (options.json) return JSON.stringify(summary, null, 2) + '\n';
  return `${renderThemesTable(rows, summary.run, { top: options.top })}${undatedNote(summary.run)}\n\n${renderDriversTable(summary.drivers)}\n`;
}

/** Under the run's counts: how many analysed rows had no readable date, and where they count. */
export function undatedNote(counts: RunCounts): string {
  if (!counts.undated) return '';
  const rows = counts.undated === 1 ? '1 analysed row is' : `${int(counts.undated)} analysed rows are`;
  return `\n     ${rows} undated (no readable date): counted in the whole-run figures, in no time bucket`;
}
