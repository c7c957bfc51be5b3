import type { RunCounts } from '../../contracts/index.js';
import { addDriverStatsInto } from './driver-stats.js';
import { addGroupInto, addReplicatesInto } from './group.js';
import type { InsightPartial } from './partial-types.js';
import { topQuotes } from './quotes.js';

/**
 * Merges two partials of the same run by addition (quotes: the top k of both). Commutative
 * and associative on the integer sums, so any order or grouping of batches gives the same
 * merged partial and therefore the same insights. Pure: both inputs are left as they were.
 */
export function mergePartials(a: InsightPartial, b: InsightPartial): InsightPartial {
  const merged = structuredClone(a);
  accumulatePartial(merged, structuredClone(b));
  return merged;
}

export function mergeAll(partials: Iterable<InsightPartial>): InsightPartial | null {
  let merged: InsightPartial | null = null;
  for (const p of partials) merged = merged ? mergePartials(merged, p) : p;
  return merged;
}

/**
 * Adds partial `b` into `acc` in place: the sums of mergePartials without a fresh copy of
 * the growing total for every batch (on a million-row run that copying, not the data, set
 * the aggregate stage's memory). Takes ownership of `acc` and of `b`'s parts: for partials
 * read fresh from a store, as the aggregate stage has them.
 */
export function accumulatePartial(acc: InsightPartial, b: InsightPartial): void {
  if (acc.runId !== b.runId || acc.bucketSize !== b.bucketSize || acc.replicates !== b.replicates) {
    throw new Error(`partials of different runs or settings cannot merge: ${acc.key} / ${b.key}`);
  }
  if (b.key < acc.key) acc.key = b.key;
  for (const [k, scope] of Object.entries(b.scopes)) {
    const into = acc.scopes[k];
    if (into === undefined) {
      acc.scopes[k] = scope;
      continue;
    }
    addGroupInto(into.total, scope.total);
    if (scope.themed) {
      const themed = (into.themed ??= { n: 0, negative: 0 });
      themed.n += scope.themed.n;
      themed.negative += scope.themed.negative;
    }
    addReplicatesInto(into.totalReplicates, scope.totalReplicates);
    for (const [t, cell] of Object.entries(scope.themes)) {
      const c = into.themes[t];
      if (c === undefined) {
        into.themes[t] = cell;
        continue;
      }
      addGroupInto(c.any, cell.any);
      addGroupInto(c.negative, cell.negative);
      addGroupInto(c.positive, cell.positive);
      addReplicatesInto(c.anyReplicates, cell.anyReplicates);
      c.quotes = topQuotes(c.quotes, cell.quotes);
      if (cell.together) {
        const together = (c.together ??= {});
        for (const [other, n] of Object.entries(cell.together)) together[other] = (together[other] ?? 0) + n;
      }
    }
  }
  for (const [m, stats] of Object.entries(b.drivers) as Array<
    [keyof InsightPartial['drivers'], NonNullable<InsightPartial['drivers'][keyof InsightPartial['drivers']]>]
  >) {
    const d = acc.drivers[m];
    if (d === undefined) acc.drivers[m] = stats;
    else addDriverStatsInto(d, stats);
  }
  acc.counts = addCounts(acc.counts, b.counts);
  acc.modelVersions = [...new Set([...acc.modelVersions, ...b.modelVersions])].sort();
  if (b.attributeCounts) {
    const counts = (acc.attributeCounts ??= {});
    for (const [name, n] of Object.entries(b.attributeCounts)) counts[name] = (counts[name] ?? 0) + n;
  }
}

export const addCounts = (a: RunCounts, b: RunCounts): RunCounts => ({
  read: a.read + b.read,
  analyzed: a.analyzed + b.analyzed,
  rejected: a.rejected + b.rejected,
  duplicates: a.duplicates + b.duplicates,
  unsupportedLanguage: a.unsupportedLanguage + b.unsupportedLanguage,
  undated: a.undated + b.undated,
});
