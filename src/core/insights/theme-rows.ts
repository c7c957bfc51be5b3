import { UNASSIGNED } from '../routing/owners-map.js';
import type { Impact, Insight, KeyDriver, KeyDrivers, Quote } from '../../contracts/index.js';

export type { ThemeLookup } from '../themes/taxonomy.js';
import type { ThemeLookup } from '../themes/taxonomy.js';

/** One ranked theme as the table, `--json` and the report show it. */
export interface ThemeRow {
  rank: number;
  id: string;
  name: string;
  owner: string;
  volume: number;
  share: number;
  negativeShare: number;
  sentiment: number;
  impact: Impact | null;
  revenueAtRisk: number;
  trend: Insight['trend'];
  frictionScore: number;
  quotes: Quote[];
  /** The theme's key-driver attribution, where the driver model includes it (driver-rows.ts). */
  driver?: KeyDriver | null;
}

/** The key-driver model as `--json` and the report show it: each driver with its theme's name. */
export interface DriversSummary extends Omit<KeyDrivers, 'drivers'> {
  drivers: Array<KeyDriver & { name: string }>;
}

/** Ranks the themes of one scope (default: the whole run, all facets) by friction score. */
export function themeRows(insights: readonly Insight[], info: ThemeLookup, bucket = '*', facet = 'all'): ThemeRow[] {
  return insights
    .filter((i) => i.bucket === bucket && i.facet === facet)
    .sort((a, b) => b.frictionScore - a.frictionScore || b.volume - a.volume || a.themeId.localeCompare(b.themeId))
    .map((i, index) => {
      const meta = info(i.themeId, facet);
      return {
        rank: index + 1,
        id: i.themeId,
        name: meta?.name ?? i.themeId,
        owner: meta?.owner ?? UNASSIGNED,
        volume: i.volume,
        share: i.share,
        negativeShare: i.negativeShare,
        sentiment: i.sentiment,
        impact: i.impact,
        revenueAtRisk: i.revenueAtRisk,
        trend: i.trend,
        frictionScore: i.frictionScore,
        quotes: i.quotes,
      };
    });
}
