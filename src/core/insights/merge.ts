import type { RunCounts } from '../../contracts/index.js';
import { mergeGroups, mergeReplicates } from './group.js';
import { mergeDriverStats } from './driver-stats.js';
import type { InsightPartial, ScopeCell, ThemeCell } from './partial-types.js';
import { topQuotes } from './quotes.js';

/**
 * Merges two partials of the same run by addition (quotes: the top k of both). Commutative
 * and associative on the integer sums, so any order or grouping of batches gives the same
 * merged partial and therefore the same insights.
 */
export function mergePartials(a: InsightPartial, b: InsightPartial): InsightPartial {
  if (a.runId !== b.runId || a.bucketSize !== b.bucketSize || a.replicates !== b.replicates) {
    throw new Error(`partials of different runs or settings cannot merge: ${a.key} / ${b.key}`);
  }
  return {
    runId: a.runId,
    key: a.key < b.key ? a.key : b.key,
    bucketSize: a.bucketSize,
    replicates: a.replicates,
    scopes: mergeRecords(a.scopes, b.scopes, mergeScopes),
    drivers: mergeRecords(a.drivers, b.drivers, mergeDriverStats) as InsightPartial['drivers'],
    counts: addCounts(a.counts, b.counts),
  };
}

export function mergeAll(partials: Iterable<InsightPartial>): InsightPartial | null {
  let merged: InsightPartial | null = null;
  for (const p of partials) merged = merged ? mergePartials(merged, p) : p;
  return merged;
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, merge: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k]!, v) : v;
  return out;
}

const mergeScopes = (a: ScopeCell, b: ScopeCell): ScopeCell => ({
  total: mergeGroups(a.total, b.total),
  totalReplicates: mergeReplicates(a.totalReplicates, b.totalReplicates),
  themes: mergeRecords(a.themes, b.themes, mergeThemes),
});

const mergeThemes = (a: ThemeCell, b: ThemeCell): ThemeCell => ({
  any: mergeGroups(a.any, b.any),
  negative: mergeGroups(a.negative, b.negative),
  positive: mergeGroups(a.positive, b.positive),
  anyReplicates: mergeReplicates(a.anyReplicates, b.anyReplicates),
  quotes: topQuotes(a.quotes, b.quotes),
});

export const addCounts = (a: RunCounts, b: RunCounts): RunCounts => ({
  read: a.read + b.read,
  analyzed: a.analyzed + b.analyzed,
  rejected: a.rejected + b.rejected,
  duplicates: a.duplicates + b.duplicates,
  unsupportedLanguage: a.unsupportedLanguage + b.unsupportedLanguage,
});

