import { type Coverage, datasetOf, type Insight, type Metric, type Run, type RunCounts } from '../contracts/index.js';
import { int } from './format.js';
import { driversSummary, withDrivers } from '../core/insights/driver-summary.js';
import { coverageNote, lowCoverageWarning } from './coverage-note.js';
import { renderDriversTable } from './driver-rows.js';
import { facetBreakdown, missingFacetNote, renderFacetBlock, type FacetBreakdown } from './facet-breakdown.js';
import { metricLine } from './metric-note.js';
import { renderThemesTable } from './render-table.js';
import { themeRows, type DriversSummary, type ThemeLookup, type ThemeRow } from '../core/insights/theme-rows.js';

/** The document `analyze --json` prints. */
interface AnalyzeSummary {
  runId: string;
  /** The dataset the run feeds (--dataset; default 'default'). */
  dataset: string;
  run: RunCounts;
  /** The metric impacts, drivers and the ranking use. */
  metric: string | null;
  /** Responses per metric in the run (sentiment: every analysed verbatim). */
  responses: Partial<Record<Metric, number>> | null;
  themes: Array<Omit<ThemeRow, 'rank' | 'trend' | 'revenueAtRisk'> & { revenueAtRisk: number; trend: Insight['trend'] }>;
  /** One breakdown per `--by` field: every value with its own ranking of the themes. */
  by: FacetBreakdown[];
  drivers: DriversSummary | null;
  /** What the run could not answer as asked (a `--by` field no row carries), and a coverage too low to trust. */
  warnings: string[];
  /** The share of verbatims, and of negative ones, that mention a theme (null on runs aggregated before it was kept). */
  coverage: Coverage | null;
}

/** What a finished run shows, the same whichever mode ran it: ranked rows and the `--json` document. */
export interface RunSummary {
  run: Run;
  rows: ThemeRow[];
  summary: AnalyzeSummary;
}

export function summariseRun(run: Run, insights: readonly Insight[], info: ThemeLookup): RunSummary {
  const rows = withDrivers(themeRows(insights, info), run.drivers);
  const by = run.options.by.map((field) => facetBreakdown(insights, field, info, run.profile));
  const summary: AnalyzeSummary = {
    runId: run.id,
    dataset: datasetOf(run),
    run: run.counts,
    metric: run.profile?.metric ?? rows.find((r) => r.impact)?.impact?.metric ?? null,
    responses: run.profile?.responses ?? null,
    themes: rows.map(({ rank: _rank, ...row }) => row),
    by,
    drivers: driversSummary(run.drivers, info),
    warnings: [
      ...by.flatMap((b) => missingFacetNote(b, run.profile) ?? []),
      ...(run.profile?.coverage ? [lowCoverageWarning(run.profile.coverage) ?? []].flat() : []),
    ],
    coverage: run.profile?.coverage ?? null,
  };
  return { run, rows, summary };
}

/** The metric of the run's impacts and the line saying what it is. */
export function runMetric({ run, rows }: Pick<RunSummary, 'run' | 'rows'>): { metric: Metric; line: string } {
  const metric = run.profile?.metric ?? rows.find((r) => r.impact)?.impact?.metric ?? 'sentiment';
  return { metric, line: metricLine(metric, run.profile, run.options.metric !== undefined) };
}

/** stdout of `analyze` and `submit --wait`: one JSON document, or the themes table, one block per `--by` field, and the key-driver table. */
export function renderRunSummary({ run, rows, summary }: RunSummary, options: { json?: boolean; top: number; wide?: boolean }): string {
  if (options.json) return `${JSON.stringify(summary, null, 2)}\n`;
  const { metric, line } = runMetric({ run, rows });
  const table = renderThemesTable(rows, summary.run, { top: options.top, wide: options.wide ?? false, metric, metricLine: line });
  const shown = rows.slice(0, options.top);
  const blocks = summary.by
    .map((b) => `\n\n${renderFacetBlock(b, shown, { wide: options.wide ?? false, ...(run.profile ? { profile: run.profile } : {}) })}`)
    .join('');
  return `${table}${undatedNote(summary.run)}${coverageNote(run.profile?.coverage)}${blocks}\n\n${renderDriversTable(summary.drivers, { wide: options.wide ?? false })}\n`;
}

/** Under the run's counts: how many analysed rows had no readable date, and where they count. */
function undatedNote(counts: RunCounts): string {
  if (!counts.undated) return '';
  const rows = counts.undated === 1 ? '1 analysed row is' : `${int(counts.undated)} analysed rows are`;
  return `\n     ${rows} undated (no readable date): counted in the whole-run figures, in no time bucket`;
}
