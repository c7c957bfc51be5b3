import type { Insight, KeyDrivers } from '../../contracts/index.js';
import { combineBuckets } from './combine-buckets.js';
import { withDrivers } from './driver-summary.js';
import { themeRows, type ThemeLookup, type ThemeRow } from './theme-rows.js';

export const THEME_SORTS = ['friction', 'impact', 'volume', 'trend'] as const;
type ThemeSort = (typeof THEME_SORTS)[number];

export interface TopThemesQuery {
  /** One facet: "all" or "FIELD=VALUE". */
  facet: string;
  /** First and last bucket start (YYYY-MM-DD) of the window, inclusive; neither: the whole dataset. */
  from?: string;
  to?: string;
  sort: ThemeSort;
  limit: number;
}

export interface TopThemes {
  /** The buckets the rows cover; null for the whole dataset. */
  window: { from: string; to: string } | null;
  themes: ThemeRow[];
}

/**
 * The ranked themes of one facet for a window, from stored insights: the rows `top` and
 * `analyze --json` show. The whole dataset is its "*" bucket; a window of one bucket is that
 * bucket's own insights (impact included); a window of several is combined as `top --since`
 * combines it (combine-buckets.ts: impact left out). Drivers belong to the whole dataset only.
 */
export function topThemes(insights: readonly Insight[], drivers: KeyDrivers | null | undefined, info: ThemeLookup, query: TopThemesQuery): TopThemes {
  const inFacet = insights.filter((i) => i.facet === query.facet);
  let rows: ThemeRow[];
  let window: TopThemes['window'] = null;
  if (query.from === undefined && query.to === undefined) {
    rows = themeRows(inFacet, info, '*', query.facet);
    if (query.facet === 'all') rows = withDrivers(rows, drivers);
  } else {
    const inWindow = inFacet.filter(
      (i) => i.bucket !== '*' && (query.from === undefined || i.bucket >= query.from) && (query.to === undefined || i.bucket <= query.to),
    );
    const buckets = [...new Set(inWindow.map((i) => i.bucket))].sort();
    if (buckets.length > 0) window = { from: buckets[0]!, to: buckets[buckets.length - 1]! };
    const combined = combineBuckets(inWindow, query.facet);
    rows = themeRows(combined, info, combined[0]?.bucket ?? '*', query.facet);
  }
  return { window, themes: sortRows(rows, query.sort).slice(0, query.limit) };
}

/** Friction (the default ranking), impact (most negative first), volume, or trend (most risen first); ties by friction. */
function sortRows(rows: ThemeRow[], sort: ThemeSort): ThemeRow[] {
  if (sort === 'friction') return rows;
  const key: Record<Exclude<ThemeSort, 'friction'>, (r: ThemeRow) => number> = {
    impact: (r) => (r.impact ? -r.impact.value : Number.NEGATIVE_INFINITY),
    volume: (r) => r.volume,
    trend: (r) => r.trend?.change ?? Number.NEGATIVE_INFINITY,
  };
  const by = key[sort];
  return [...rows].sort((a, b) => by(b) - by(a) || a.rank - b.rank).map((r, index) => ({ ...r, rank: index + 1 }));
}
