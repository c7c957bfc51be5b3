import type { Insight, Run } from '../../contracts/index.js';
import { InputError, UsageError } from '../../errors/index.js';
import { SERVICE_FLAGS, SERVICE_HELP } from '../../services/settings.js';
import type { Store } from '../../store/store.js';
import { positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';
import { driversSummary, withDrivers } from '../driver-rows.js';
import { renderThemesTable } from '../render-table.js';
import { openRunStore } from '../stored-run.js';
import { loadThemeInfo } from '../theme-info.js';
import { themeRows } from '../theme-rows.js';
import { combineBuckets, windowStart } from '../top-window.js';

export const TOP_HELP = `Usage: frictionlens top [options]

The top friction themes of a finished distributed run, read from the insights in MongoDB.

Options:
  --run ID                  the run (default: the most recently finished one)
  --since 30d|8w|6m|DATE    only the buckets of the last 30 days (weeks, months) of the
                            run's data, or from DATE (YYYY-MM-DD) on
  --channel C               only verbatims of channel C (the run needs --by channel)
  --by FIELD                one table per value of FIELD: channel, segment,
                            attributes.NAME (the run needs --by FIELD)
  --top N                   themes per table (default: 15)
  --json                    one JSON document
  --taxonomy FILE           theme names and owners
${SERVICE_HELP}
  -h, --help                this help

A window of several buckets sums volumes and revenue at risk and re-weights shares;
impact (with its interval) needs a single scope, so it shows for the whole run or one bucket.

Exit codes: 0 ok, 2 usage error, 3 no such run or facet, 4 MongoDB unreachable.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...SERVICE_FLAGS,
    run: { type: 'string' },
    since: { type: 'string' },
    channel: { type: 'string' },
    by: { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
    taxonomy: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(TOP_HELP + '\n');
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`top takes no arguments (got '${positionals[0]}'); use --run ID`);
  if (values.channel && values.by) throw new UsageError('--channel and --by cannot be combined: insights are sliced by one field at a time');
  const top = positiveInt('top', values.top) ?? 15;
  const info = loadThemeInfo(values.taxonomy);
  const { store, run } = await openRunStore(values.run, values);
  try {
    const scopes = await readScopes(store, run, { ...(values.since ? { since: values.since } : {}), facet: values.channel ? `channel=${values.channel}` : values.by ? `${values.by}=` : 'all', byField: Boolean(values.by) });
    // The key-driver model is fitted on the whole run: its column belongs to that table only.
    const rowsOf = (t: Table) => {
      const rows = themeRows(t.insights, info, t.bucket, t.facet);
      return t.facet === 'all' && t.bucket === '*' ? withDrivers(rows, run.drivers) : rows;
    };
    if (values.json) {
      const doc = { runId: run.id, window: scopes.window, scopes: scopes.tables.map((t) => ({ facet: t.facet, themes: rowsOf(t).slice(0, top) })), drivers: driversSummary(run.drivers, info) };
      process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    } else {
      const header = `run ${run.id}${scopes.window ? `, ${scopes.window.from} .. ${scopes.window.to}` : ''}`;
      const tables = scopes.tables.map((t) => `${t.facet === 'all' ? '' : `${t.facet}\n`}${renderThemesTable(rowsOf(t), run.counts, { top })}`);
      process.stdout.write(`${header}\n\n${tables.join('\n\n')}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

interface Table {
  facet: string;
  bucket: string;
  insights: Insight[];
}

/** The insight rows of each table: one facet (or every value of a field), whole run or a window. */
async function readScopes(store: Store, run: Run, q: { since?: string; facet: string; byField: boolean }): Promise<{ window: { from: string; to: string } | null; tables: Table[] }> {
  const rows = q.byField ? (await store.insights({ runId: run.id })).filter((i) => i.facet.startsWith(q.facet)) : await store.insights({ runId: run.id, facet: q.facet });
  const facets = [...new Set(rows.map((r) => r.facet))].sort();
  if (facets.length === 0) {
    const field = q.facet.split('=')[0];
    throw new InputError(`run ${run.id} has no insights for ${q.byField ? `${field}=...` : q.facet}${q.facet === 'all' ? '' : ` (it was submitted with --by ${run.options.by.join(',') || '(none)'}; submit with --by ${field})`}`);
  }
  if (!q.since) return { window: null, tables: facets.map((facet) => ({ facet, bucket: '*', insights: rows.filter((r) => r.facet === facet && r.bucket === '*') })) };
  const buckets = [...new Set(rows.map((r) => r.bucket).filter((b) => b !== '*'))].sort();
  const newest = buckets[buckets.length - 1]!;
  const from = windowStart(q.since, newest, run.options.bucket);
  const inWindow = rows.filter((r) => r.bucket !== '*' && r.bucket >= from);
  const window = { from, to: newest };
  return {
    window,
    tables: facets.map((facet) => {
      const combined = combineBuckets(inWindow.filter((r) => r.facet === facet), facet);
      return { facet, bucket: combined[0]?.bucket ?? '*', insights: combined };
    }),
  };
}
