import type { Insight, Metric, Run } from '../../contracts/index.js';
import { runInsights } from '../../core/insights/run-insights.js';
import { InputError, UsageError } from '../../errors/index.js';
import { mergedPartial } from '../../pipeline/aggregate.js';
import { SERVICE_FLAGS, SERVICE_HELP } from '../../services/settings.js';
import type { InsightQuery, Store } from '../../store/store.js';
import { positiveInt } from '../ingest-flags.js';
import { parseByFlags, parseMetricFlag, WIDE_HELP } from '../insight-flags.js';
import { checkMetric, metricLine } from '../metric-note.js';
import { parseFlags } from '../parse-flags.js';
import { driversSummary } from '../../core/insights/driver-summary.js';
import { renderThemesTable } from '../render-table.js';
import { openRunStore } from '../stored-run.js';
import { INDUSTRY_HELP, loadThemeInfo, OWNERS_HELP } from '../theme-info.js';
import type { ThemeLookup, ThemeRow } from '../../core/insights/theme-rows.js';
import { topThemes } from '../../core/insights/top-themes.js';
import { windowStart } from '../top-window.js';

export const TOP_HELP = `Usage: frictionlens top [options]

The top friction themes of a finished distributed run, read from the insights in MongoDB.

Options:
  --run ID                  the run (default: the most recently finished one)
  --since 30d|8w|6m|DATE    only the buckets of the last 30 days (weeks, months) of the
                            run's data, or from DATE (YYYY-MM-DD) on
  --channel C               only verbatims of channel C (the run needs --by channel)
  --by FIELD                one table per value of FIELD: channel, segment,
                            attributes.NAME (the run needs --by FIELD)
  --metric M                read the run on nps, csat, rating, ces or sentiment (default:
                            the run's own); another is recomputed from the run's stored
                            partials, nothing written; one with no responses in the run is
                            an input error naming those that have
  --top N                   themes per table (default: 15)
${WIDE_HELP}
  --json                    one JSON document
  --taxonomy FILE           theme names
${INDUSTRY_HELP}
${OWNERS_HELP}
${SERVICE_HELP}
  -h, --help                this help

A window of several buckets sums volumes and revenue at risk and re-weights shares;
impact (with its interval) needs a single scope, so it shows for the whole run or one bucket.

Exit codes: 0 ok, 2 usage error, 3 no such run or facet, or a metric without responses,
4 MongoDB unreachable.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...SERVICE_FLAGS,
    run: { type: 'string' },
    since: { type: 'string' },
    channel: { type: 'string' },
    by: { type: 'string' },
    top: { type: 'string' },
    metric: { type: 'string' },
    wide: { type: 'boolean' },
    json: { type: 'boolean' },
    taxonomy: { type: 'string' },
    industry: { type: 'string' },
    owners: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${TOP_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`top takes no arguments (got '${positionals[0]}'); use --run ID`);
  if (values.channel && values.by) throw new UsageError('--channel and --by cannot be combined: insights are sliced by one field at a time');
  const top = positiveInt('top', values.top) ?? 15;
  const by = values.by === undefined ? undefined : parseByFlags([values.by])[0];
  const metric = parseMetricFlag(values.metric);
  const info = loadThemeInfo(values);
  const { store, run: stored } = await openRunStore(values.run, values);
  try {
    const { run, insights } = await measuredOn(store, stored, metric);
    checkMetric(run.profile, metric === undefined ? ` (the run was submitted with it; --metric M reads it on another)` : '');
    const scopes = await readScopes(insights, run, info, {
      ...(values.since ? { since: values.since } : {}),
      facet: values.channel ? `channel=${values.channel}` : by ? `${by}=` : 'all',
      byField: by !== undefined,
    });
    const measured = run.profile?.metric ?? scopes.tables.flatMap((t) => t.rows).find((r) => r.impact)?.impact?.metric ?? 'sentiment';
    if (values.json) {
      const doc = {
        runId: run.id,
        metric: measured,
        window: scopes.window,
        scopes: scopes.tables.map((t) => ({ facet: t.facet, themes: t.rows.slice(0, top) })),
        drivers: driversSummary(run.drivers, info),
      };
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      const header = `run ${run.id}${scopes.window ? `, ${scopes.window.from} .. ${scopes.window.to}` : ''}`;
      const line = metricLine(measured, run.profile, metric !== undefined || run.options.metric !== undefined);
      const tables = scopes.tables.map(
        (t) => `${t.facet === 'all' ? '' : `${t.facet}\n`}${renderThemesTable(t.rows, run.counts, { top, wide: values.wide === true, metric: measured })}`,
      );
      process.stdout.write(`${header}\n${line}\n\n${tables.join('\n\n')}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

interface Table {
  facet: string;
  rows: ThemeRow[];
}

/**
 * The run and the insights to read, on `metric`: the stored ones when it is the run's own
 * (or not given), else recomputed in memory from the run's stored partials, as its aggregate
 * stage would (nothing is written: the run keeps its own metric).
 */
async function measuredOn(store: Store, run: Run, metric: Metric | undefined): Promise<{ run: Run; insights: (query: InsightQuery) => Promise<Insight[]> }> {
  if (metric === undefined || metric === run.profile?.metric) return { run, insights: (q) => store.insights(q) };
  const merged = await mergedPartial(store, run.id);
  if (!merged) throw new InputError(`run ${run.id} has no stored partials to measure on --metric ${metric}`);
  const computed = runInsights(merged, run.id, run.insightGeneration ?? 0, { by: run.options.by, metric });
  const measured: Run = { ...run, options: { ...run.options, metric }, drivers: computed.drivers, profile: computed.profile };
  return { run: measured, insights: async (q) => computed.insights.filter((i) => q.facet === undefined || i.facet === q.facet) };
}

/**
 * The ranked rows of each table: one facet (or every value of a field), whole run or a window
 * from `--since` on, as the API ranks them (core/insights/top-themes.ts).
 */
async function readScopes(
  insights: (query: InsightQuery) => Promise<Insight[]>,
  run: Run,
  info: ThemeLookup,
  q: { since?: string; facet: string; byField: boolean },
): Promise<{ window: { from: string; to: string } | null; tables: Table[] }> {
  const rows = q.byField ? (await insights({ runId: run.id })).filter((i) => i.facet.startsWith(q.facet)) : await insights({ runId: run.id, facet: q.facet });
  const facets = [...new Set(rows.map((r) => r.facet))].sort();
  if (facets.length === 0) {
    const field = q.facet.split('=')[0];
    throw new InputError(
      `run ${run.id} has no insights for ${q.byField ? `${field}=...` : q.facet}${q.facet === 'all' ? '' : ` (it was submitted with --by ${run.options.by.join(',') || '(none)'}; submit with --by ${field})`}`,
    );
  }
  let window: { from: string; to: string } | null = null;
  if (q.since) {
    const buckets = [...new Set(rows.map((r) => r.bucket).filter((b) => b !== '*'))].sort();
    const newest = buckets[buckets.length - 1]!;
    window = { from: windowStart(q.since, newest, run.options.bucket), to: newest };
  }
  const tables = facets.map((facet) => ({
    facet,
    rows: topThemes(rows, run.drivers, info, { facet, ...(window ? { from: window.from } : {}), sort: 'friction', limit: Number.MAX_SAFE_INTEGER }).themes,
  }));
  return { window, tables };
}
