import { UNASSIGNED } from '../routing/owners-map.js';
import type { Impact, Insight, KeyDriver, KeyDrivers, Quote } from '../../contracts/index.js';
import type { ThemeLookup } from './theme-rows.js';

interface SeriesPoint {
  bucket: string;
  volume: number;
  share: number;
  negativeShare: number;
  sentiment: number;
  frictionScore: number;
  /** Change of share against the bucket before, and whether it is a spike (trend.ts). */
  change: number | null;
  spike: boolean;
}

export interface ThemeDetail {
  id: string;
  name: string;
  owner: string;
  facet: string;
  /** The theme in the whole dataset (bucket "*") of the facet; null when it has no mention there. */
  overall: Insight | null;
  /** One point per dated bucket (oldest first) in the window. */
  series: SeriesPoint[];
  /** Impact with its interval in every facet value the dataset was sliced by, whole dataset. */
  impactByFacet: Array<{ facet: string; volume: number; impact: Impact | null }>;
  driver: KeyDriver | null;
  quotes: Quote[];
  /** The themes most often mentioned in the same verbatims (whole dataset), with their share of this theme's verbatims. */
  cooccurring: Array<{ id: string; name: string; volume: number; share: number }>;
}

/**
 * Everything the stored insights say about one theme: its series by bucket (spikes marked),
 * its impact by facet, its key-driver attribution and its quotes. Null when no insight names
 * the theme (an id the dataset never mentioned).
 */
export function themeDetail(
  insights: readonly Insight[],
  drivers: KeyDrivers | null | undefined,
  info: ThemeLookup,
  themeId: string,
  query: { facet: string; from?: string; to?: string },
): ThemeDetail | null {
  const mine = insights.filter((i) => i.themeId === themeId);
  if (mine.length === 0) return null;
  const overall = mine.find((i) => i.bucket === '*' && i.facet === query.facet) ?? null;
  const series = mine
    .filter(
      (i) =>
        i.facet === query.facet && i.bucket !== '*' && (query.from === undefined || i.bucket >= query.from) && (query.to === undefined || i.bucket <= query.to),
    )
    .sort((a, b) => a.bucket.localeCompare(b.bucket))
    .map((i) => ({
      bucket: i.bucket,
      volume: i.volume,
      share: i.share,
      negativeShare: i.negativeShare,
      sentiment: i.sentiment,
      frictionScore: i.frictionScore,
      change: i.trend?.change ?? null,
      spike: i.trend?.spike ?? false,
    }));
  const impactByFacet = mine
    .filter((i) => i.bucket === '*')
    .sort((a, b) => (a.facet === 'all' ? -1 : b.facet === 'all' ? 1 : a.facet.localeCompare(b.facet)))
    .map((i) => ({ facet: i.facet, volume: i.volume, impact: i.impact }));
  const meta = info(themeId, query.facet);
  const whole = mine.find((i) => i.bucket === '*' && i.facet === 'all');
  return {
    id: themeId,
    name: meta?.name ?? themeId,
    owner: meta?.owner ?? UNASSIGNED,
    facet: query.facet,
    overall,
    series,
    impactByFacet,
    driver: drivers?.drivers.find((d) => d.themeId === themeId) ?? null,
    quotes: overall?.quotes ?? mine.find((i) => i.bucket === '*')?.quotes ?? [],
    cooccurring: (whole?.cooccurring ?? []).map((c) => ({
      id: c.themeId,
      name: info(c.themeId)?.name ?? c.themeId,
      volume: c.volume,
      share: whole && whole.volume > 0 ? c.volume / whole.volume : 0,
    })),
  };
}
