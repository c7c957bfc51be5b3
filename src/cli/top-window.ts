import type { Insight } from '../contracts/index.js';
import { UsageError } from '../errors/index.js';

const DAY_MS = 86_400_000;

/**
 * `--since 30d|8w|6m|YYYY-MM-DD`: the first day of the window. Durations count back from the
 * end of the run's newest bucket (its newest data, which is "now" for a continuous feed and
 * stays meaningful for an export of last quarter).
 */
export function windowStart(since: string, newestBucket: string, bucketSize: Insight['bucketSize']): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return since;
  const m = /^(\d+)([dwm])$/.exec(since);
  if (!m) throw new UsageError(`--since: '${since}' is not a duration (30d, 8w, 6m) or a date (YYYY-MM-DD)`);
  const n = Number(m[1]);
  const start = new Date(`${newestBucket}T00:00:00Z`);
  if (bucketSize === 'month') start.setUTCMonth(start.getUTCMonth() + 1);
  else start.setUTCDate(start.getUTCDate() + (bucketSize === 'week' ? 7 : 1));
  // Months are calendar months, so "1m" is the newest month bucket whatever its length.
  if (m[2] === 'm') start.setUTCMonth(start.getUTCMonth() - n);
  else start.setTime(start.getTime() - n * (m[2] === 'w' ? 7 : 1) * DAY_MS);
  return start.toISOString().slice(0, 10);
}
