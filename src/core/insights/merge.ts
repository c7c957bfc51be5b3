import type { Metric, RunCounts } from '../../contracts/index.js';
import { mergeGroups, mergeReplicates } from './group.js';
import type { DriverStats, Group, InsightPartial, Moments, Replicates, ScopeCell, ThemeCell } from './partial-types.js';
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
    drivers: mergeRecords(a.drivers, b.drivers, mergeDrivers) as InsightPartial['drivers'],
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

const addNumbers = (x: number, y: number): number => x + y;

const mergeDrivers = (a: DriverStats, b: DriverStats): DriverStats => ({
  n: a.n + b.n,
  y: a.y + b.y,
  yy: a.yy + b.yy,
  cleanN: a.cleanN + b.cleanN,
  cleanY: a.cleanY + b.cleanY,
  x: mergeRecords(a.x, b.x, addNumbers),
  xx: mergeRecords(a.xx, b.xx, addNumbers),
  xy: mergeRecords(a.xy, b.xy, addNumbers),
});

export const addCounts = (a: RunCounts, b: RunCounts): RunCounts => ({
  read: a.read + b.read,
  analyzed: a.analyzed + b.analyzed,
  rejected: a.rejected + b.rejected,
  duplicates: a.duplicates + b.duplicates,
  unsupportedLanguage: a.unsupportedLanguage + b.unsupportedLanguage,
});


/**
 * Adds partial `b` into `acc` in place: the same sums as mergePartials, without building a
 * fresh copy of the growing total for every batch (on a million-row run that copying, not
 * the data, set the aggregate stage's memory). Takes ownership of `acc` and of `b`'s parts:
 * for partials read fresh from a store, as the aggregate stage has them.
 */
export function accumulatePartial(acc: InsightPartial, b: InsightPartial): void {
  if (acc.runId !== b.runId || acc.bucketSize !== b.bucketSize || acc.replicates !== b.replicates) {
    throw new Error(`partials of different runs or settings cannot merge: ${acc.key} / ${b.key}`);
  }
  if (b.key < acc.key) acc.key = b.key;
  for (const [k, scope] of Object.entries(b.scopes)) {
    const into = acc.scopes[k];
    if (into === undefined) acc.scopes[k] = scope;
    else {
      addGroupInto(into.total, scope.total);
      addReplicatesInto(into.totalReplicates, scope.totalReplicates);
      for (const [t, cell] of Object.entries(scope.themes)) {
        const c = into.themes[t];
        if (c === undefined) into.themes[t] = cell;
        else {
          addGroupInto(c.any, cell.any);
          addGroupInto(c.negative, cell.negative);
          addGroupInto(c.positive, cell.positive);
          addReplicatesInto(c.anyReplicates, cell.anyReplicates);
          c.quotes = topQuotes(c.quotes, cell.quotes);
        }
      }
    }
  }
  for (const [m, stats] of Object.entries(b.drivers) as Array<[keyof InsightPartial['drivers'], DriverStats]>) {
    const d = acc.drivers[m];
    if (d === undefined) acc.drivers[m] = stats;
    else {
      d.n += stats.n;
      d.y += stats.y;
      d.yy += stats.yy;
      d.cleanN += stats.cleanN;
      d.cleanY += stats.cleanY;
      addNumbersInto(d.x, stats.x);
      addNumbersInto(d.xx, stats.xx);
      addNumbersInto(d.xy, stats.xy);
    }
  }
  acc.counts = addCounts(acc.counts, b.counts);
}

function addGroupInto(a: Group, b: Group): void {
  a.n += b.n;
  a.negative += b.negative;
  a.positive += b.positive;
  a.valueAtRisk += b.valueAtRisk;
  a.churn += b.churn;
  for (const [m, moments] of Object.entries(b.metrics) as Array<[Metric, Moments]>) {
    const x = a.metrics[m];
    if (x === undefined) a.metrics[m] = moments;
    else {
      x.n += moments.n;
      x.sum += moments.sum;
      x.sq += moments.sq;
    }
  }
}

function addReplicatesInto(a: Replicates, b: Replicates): void {
  for (const [m, sums] of Object.entries(b) as Array<[Metric, number[]]>) {
    const x = a[m];
    if (x === undefined) a[m] = sums;
    else for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) + (sums[i] as number);
  }
}

function addNumbersInto(a: Record<string, number>, b: Record<string, number>): void {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
}
