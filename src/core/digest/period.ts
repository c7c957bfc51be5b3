import { DateTime } from 'luxon';
import type { Period } from '../../contracts/index.js';
import { UsageError } from '../../errors/index.js';

export type PeriodKind = 'day' | 'week' | 'month';

const ISO_DATE = 'yyyy-MM-dd';

/** The period of `kind` that holds `day` (a luxon date at the start of a day). */
function periodHolding(day: DateTime, kind: PeriodKind): Period {
  const start = day.startOf(kind === 'week' ? 'week' : kind);
  const end = start.endOf(kind === 'week' ? 'week' : kind);
  const label = kind === 'day' ? start.toFormat(ISO_DATE) : kind === 'week' ? start.toFormat("kkkk-'W'WW") : start.toFormat('yyyy-MM');
  return { label, from: start.toFormat(ISO_DATE), to: end.toFormat(ISO_DATE) };
}

/**
 * A period as `digest preview --period` takes it: an ISO week (2026-W47, Monday to Sunday),
 * a day (2026-11-20) or a month (2026-11). Anything else is a usage error naming the forms.
 */
export function parsePeriod(text: string): Period {
  const forms: Array<[RegExp, string, PeriodKind]> = [
    [/^\d{4}-W\d\d$/, "kkkk-'W'WW", 'week'],
    [/^\d{4}-\d\d-\d\d$/, ISO_DATE, 'day'],
    [/^\d{4}-\d\d$/, 'yyyy-MM', 'month'],
  ];
  for (const [shape, format, kind] of forms) {
    if (!shape.test(text)) continue;
    const day = DateTime.fromFormat(text, format, { zone: 'utc' });
    if (day.isValid) return periodHolding(day, kind);
  }
  throw new UsageError(`period '${text}' is not a week (2026-W47), a day (2026-11-20) or a month (2026-11)`);
}

/** The period of `kind` that ended last before `now`, in the subscription's time zone (the day, week or month just ended). */
export function periodJustEnded(kind: PeriodKind, now: Date, timeZone: string): Period {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new UsageError(`time zone '${timeZone}' is not an IANA time zone (e.g. Europe/Paris)`);
  const unit = kind === 'week' ? 'week' : kind;
  return periodHolding(local.startOf(unit).minus({ days: 1 }).setZone('utc', { keepLocalTime: true }).startOf('day'), kind);
}

/** The period of the same length just before (a week before a week, a month before a month). */
export function previousPeriod(period: Period): Period {
  const from = DateTime.fromISO(period.from, { zone: 'utc' });
  const to = DateTime.fromISO(period.to, { zone: 'utc' });
  const days = to.diff(from, 'days').days + 1;
  const isMonth = from.day === 1 && to.equals(from.endOf('month').startOf('day'));
  const start = isMonth ? from.minus({ months: 1 }) : from.minus({ days });
  const end = from.minus({ days: 1 });
  const kind: PeriodKind | null = isMonth ? 'month' : days === 1 ? 'day' : days === 7 && from.weekday === 1 ? 'week' : null;
  if (kind) return periodHolding(start, kind);
  return { label: `${start.toFormat(ISO_DATE)}..${end.toFormat(ISO_DATE)}`, from: start.toFormat(ISO_DATE), to: end.toFormat(ISO_DATE) };
}
