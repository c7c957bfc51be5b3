import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import type { Period, Subscription } from '../../contracts/index.js';
import { periodJustEnded } from './period.js';

/**
 * The cron patterns of the named cadences: 00:05 in the subscription's time zone, each day or
 * each Monday, when the day or week just ended is complete (give or take late exports).
 */
const CADENCE_PATTERNS = { daily: '5 0 * * *', weekly: '5 0 * * 1' } as const;

/** The scheduler pattern of a cadence: the named ones' or the subscription's own cron. */
export const cadencePattern = (cadence: Subscription['cadence']): string => (cadence.kind === 'cron' ? cadence.cron : CADENCE_PATTERNS[cadence.kind]);

/**
 * The period a digest fired at `firedAt` covers: daily, the day just ended; weekly, the ISO
 * week just ended; cron, the days from the pattern's previous firing to this one, both
 * included (a pattern firing several times a day covers that day), in the time zone.
 */
export function cadencePeriod(cadence: Subscription['cadence'], firedAt: Date): Period {
  if (cadence.kind === 'daily') return periodJustEnded('day', firedAt, cadence.timeZone);
  if (cadence.kind === 'weekly') return periodJustEnded('week', firedAt, cadence.timeZone);
  // Just before this firing: its previous one, not itself.
  const previous = CronExpressionParser.parse(cadence.cron, { currentDate: new Date(firedAt.getTime() - 1000), tz: cadence.timeZone })
    .prev()
    .toDate();
  const day = (d: Date): string => DateTime.fromJSDate(d, { zone: cadence.timeZone }).toFormat('yyyy-MM-dd');
  const from = day(previous);
  const to = day(firedAt);
  return { label: from === to ? from : `${from}..${to}`, from, to };
}
