export type BucketSize = 'day' | 'week' | 'month';

/** The ISO date (UTC) that starts the bucket holding `iso`; weeks start on Monday (ISO 8601). */
export function bucketStart(iso: string, size: BucketSize): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), size === 'month' ? 1 : d.getUTCDate()));
  if (size === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}
