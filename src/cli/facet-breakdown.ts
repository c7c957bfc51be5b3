import type { Insight, RunProfile } from '../contracts/index.js';
import { int, pct } from './format.js';
import { TABLE_WIDTH, textTable, wrap, type Column } from './text-table.js';
import { themeRows, type ThemeLookup, type ThemeRow } from '../core/insights/theme-rows.js';

/** One theme in one facet value: its row as the main table has it, ranked within the value, without quotes. */
type FacetThemeRow = Omit<ThemeRow, 'quotes' | 'driver'>;

/** A `--by` field of the run: each of its values with its verbatims and its own ranking of the themes. */
export interface FacetBreakdown {
  field: string;
  /** Analysed verbatims with a value of the field (0: no row carries it). */
  verbatims: number;
  values: Array<{ value: string; verbatims: number; themes: FacetThemeRow[] }>;
}

/**
 * The whole run's insights of every value of `field`, most verbatims first. A value's
 * verbatim count is volume / share of any of its themes (exact: share is volume / count).
 */
export function facetBreakdown(insights: readonly Insight[], field: string, info: ThemeLookup, profile?: RunProfile): FacetBreakdown {
  const prefix = `${field}=`;
  const counts = new Map<string, number>();
  for (const i of insights) {
    if (i.bucket !== '*' || !i.facet.startsWith(prefix) || i.share <= 0) continue;
    counts.set(i.facet.slice(prefix.length), Math.round(i.volume / i.share));
  }
  const values = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, verbatims]) => ({ value, verbatims, themes: themeRows(insights, info, '*', `${prefix}${value}`).map(({ quotes: _quotes, ...row }) => row) }));
  const covered = profile?.facets.find((f) => f.field === field)?.verbatims;
  return { field, verbatims: covered ?? values.reduce((s, v) => s + v.verbatims, 0), values };
}

/** Why a field has no breakdown, naming what the run does have; null when it has one. */
export function missingFacetNote(b: FacetBreakdown, profile?: RunProfile): string | null {
  if (b.verbatims > 0 || b.values.length > 0) return null;
  if (!b.field.startsWith('attributes.')) return `--by ${b.field}: no analysed verbatim has a ${b.field}`;
  const names = (profile?.attributes ?? []).map((a) => `${a.name} (${int(a.verbatims)})`);
  return `--by ${b.field}: no analysed verbatim carries it; attributes in this run: ${names.length ? names.join(', ') : 'none'}`;
}

const MIN_THEME_WIDTH = 16;

/**
 * The block under the themes table: for the table's themes (same order and rank), the share
 * of each value's verbatims that mention the theme, '*' on the value where it is highest:
 * where a friction lives. The narrow table keeps the values with most verbatims that fit.
 */
export function renderFacetBlock(b: FacetBreakdown, rows: readonly ThemeRow[], options: { wide?: boolean; profile?: RunProfile } = {}): string {
  const missing = missingFacetNote(b, options.profile);
  if (missing) return missing;
  const shareOf = new Map(b.values.map((v) => [v.value, new Map(v.themes.map((t) => [t.id, t.share]))]));
  const themeColumn: Column = { header: 'theme', align: 'left', shrink: true, cells: rows.map((r) => (options.wide ? `${r.name} (${r.id})` : r.name)) };
  const rank: Column = { header: '#', align: 'right', cells: rows.map((r) => String(r.rank)) };
  const valueColumn = (v: FacetBreakdown['values'][number]): Column => {
    const shares = rows.map((r) => shareOf.get(v.value)?.get(r.id) ?? 0);
    return {
      header: `${v.value} (${int(v.verbatims)})`,
      align: 'right',
      cells: rows.map((r, i) => {
        const highest = Math.max(...b.values.map((x) => shareOf.get(x.value)?.get(r.id) ?? 0));
        return shares[i]! > 0 ? `${pct(shares[i]!)}${shares[i] === highest ? '*' : ' '}` : '— ';
      }),
    };
  };
  const columns = [rank, themeColumn];
  const themeWidth = Math.min(MIN_THEME_WIDTH, Math.max(0, ...themeColumn.cells.map((c) => c.length)));
  let width = 2 + 2 + Math.max(themeWidth, 'theme'.length);
  let shown = 0;
  for (const v of b.values) {
    const column = valueColumn(v);
    const w = Math.max(column.header.length, ...column.cells.map((c) => c.length));
    if (!options.wide && width + 2 + w > TABLE_WIDTH) break;
    columns.push(column);
    width += 2 + w;
    shown++;
  }
  const hidden = b.values.length - shown;
  const title =
    `by ${b.field}: share of each value's verbatims that mention the theme (* where highest); ` +
    `${int(b.verbatims)} verbatims carry it${hidden > 0 ? `; ${hidden} smaller value${hidden === 1 ? '' : 's'} in --wide and --json` : ''}`;
  return [...wrap(title, TABLE_WIDTH), ...textTable(columns, options.wide ? Infinity : TABLE_WIDTH)].join('\n');
}
