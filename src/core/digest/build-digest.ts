import type { Coverage, Digest, DigestTheme, Insight, KeyDrivers, Period } from '../../contracts/index.js';
import { type BucketSize, bucketStart } from '../insights/bucket.js';
import type { ThemeLookup, ThemeRow } from '../insights/theme-rows.js';
import { topThemes } from '../insights/top-themes.js';

export interface DigestInput {
  subscriptionId: string;
  team: string;
  dataset: string;
  /** The subscription's filter: theme ids and families (the taxonomy's parents); none: every theme the team owns. */
  themes?: readonly string[];
  families?: readonly string[];
  /** One facet: "all" or "FIELD=VALUE". */
  facet: string;
  minFriction?: number;
  minVolume?: number;
  period: Period;
  previous: Period;
  bucketSize: BucketSize;
  /** The dataset's view: its insights by bucket and facet, and its key-driver model. */
  insights: readonly Insight[];
  drivers: KeyDrivers | null;
  /** Coverage of the period's buckets (null when it has no verbatims). */
  coverage: Coverage | null;
  info: ThemeLookup;
  createdAt: string;
  /** Themes listed at most (default 10), and how many are called rising (default 3). */
  limit?: number;
  rising?: number;
}

const QUOTES = 3;

/**
 * A team's digest for a period (README "Digests"): the themes it owns, ranked by friction in
 * the period's buckets, each with its change of share against the previous period, impact
 * with its interval, key-driver attribution, revenue at risk and 3 quotes; the themes that
 * rose most; the period's coverage. Pure: the same view and input give the same digest.
 */
export function buildDigest(input: DigestInput): Digest {
  const wanted = (id: string): boolean => {
    const theme = input.info(id, input.facet);
    if (theme?.owner !== input.team) return false;
    const family = theme.family;
    const named = (input.themes?.length ?? 0) + (input.families?.length ?? 0) > 0;
    return !named || input.themes?.includes(id) === true || input.families?.includes(family) === true;
  };
  const windowOf = (p: Period) => ({ from: bucketStart(p.from, input.bucketSize), to: bucketStart(p.to, input.bucketSize) });
  const rowsIn = (p: Period) =>
    topThemes(input.insights, null, input.info, { facet: input.facet, ...windowOf(p), sort: 'friction', limit: Number.MAX_SAFE_INTEGER });
  const now = rowsIn(input.period);
  const earlier = rowsIn(input.previous);
  const before = new Map(earlier.themes.map((r) => [r.id, r]));
  // A theme absent from a previous period that had verbatims had a share of 0 there.
  const previousShare = (id: string): number | null => before.get(id)?.share ?? (earlier.window === null ? null : 0);
  // The whole dataset's rows of the facet (drivers with them for "all"), as /themes/top gives them.
  const whole = new Map(
    topThemes(input.insights, input.drivers, input.info, { facet: input.facet, sort: 'friction', limit: Number.MAX_SAFE_INTEGER }).themes.map((r) => [r.id, r]),
  );
  const oneBucket = now.window !== null && now.window.from === now.window.to;
  const top = now.themes
    .filter((r) => wanted(r.id) && r.volume >= (input.minVolume ?? 0) && r.frictionScore >= (input.minFriction ?? 0))
    .slice(0, input.limit ?? 10)
    .map((r) => digestTheme(r, previousShare(r.id), whole.get(r.id), oneBucket));
  const rising = top
    .filter((t) => t.change !== null && t.change > 0)
    .sort((a, b) => b.change! - a.change! || a.id.localeCompare(b.id))
    .slice(0, input.rising ?? 3)
    .map((t) => t.id);
  return {
    id: `${input.subscriptionId}/${input.period.label}`,
    subscriptionId: input.subscriptionId,
    team: input.team,
    dataset: input.dataset,
    facet: input.facet,
    period: input.period,
    previous: input.previous,
    window: now.window,
    top,
    rising,
    coverage: input.coverage,
    createdAt: input.createdAt,
  };
}

function digestTheme(row: ThemeRow, previousShare: number | null, whole: ThemeRow | undefined, oneBucket: boolean): DigestTheme {
  const impact = oneBucket ? row.impact : (whole?.impact ?? null);
  return {
    id: row.id,
    name: row.name,
    volume: row.volume,
    share: row.share,
    negativeShare: row.negativeShare,
    previousShare,
    change: previousShare === null ? null : row.share - previousShare,
    impact,
    impactScope: oneBucket ? 'period' : 'dataset',
    driver: whole?.driver ?? null,
    revenueAtRisk: row.revenueAtRisk,
    frictionScore: row.frictionScore,
    quotes: row.quotes.slice(0, QUOTES),
  };
}
