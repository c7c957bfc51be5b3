export type BucketSize = 'day' | 'week' | 'month';

/** The ISO date (UTC) that starts the bucket holding `iso`; weeks start on Monday (ISO 8601). */
export function bucketStart(iso: string, size: BucketSize): string {
  // Every verbatim is folded with its date, and parsing one costs more than the rest of its
  // bucket's arithmetic: a UTC timestamp's bucket follows from its date, looked up once.
  const day = UTC_TIMESTAMP.test(iso) ? iso.slice(0, 10) : undefined;
  const memo = day === undefined ? undefined : MEMO[size];
  const known = memo?.get(day!);
  if (known !== undefined) return known;
  const start = computeStart(iso, size);
  if (memo !== undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(day!, start);
  }
  return start;
}

function computeStart(iso: string, size: BucketSize): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), size === 'month' ? 1 : d.getUTCDate()));
  if (size === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * A timestamp in UTC whose time of day is valid (no 24:00, which is the next day): its UTC
 * date is its first ten characters, so its bucket is that date's (an invalid date throws in
 * computeStart and is never memoised).
 */
const UTC_TIMESTAMP = /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z$/;
/** Bound of each memo: cleared, not evicted, at the bound (dates are the user's data). */
const MEMO_LIMIT = 10_000;
const MEMO: Record<BucketSize, Map<string, string>> = { day: new Map(), week: new Map(), month: new Map() };
