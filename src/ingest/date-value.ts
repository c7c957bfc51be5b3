import { DateTime } from 'luxon';

/** The order of day and month in a numeric date whose year comes last: 05/03/2024. */
export type DayOrder = 'dmy' | 'mdy';

/**
 * What a value says about its column's day/month order: `dmy` or `mdy` when only one order
 * reads it (13/03/2024, 03/13/2024), `ambiguous` when both do and give different dates
 * (05/03/2024), `none` when the question does not arise (ISO dates, 05/05/2024, text).
 */
export type OrderEvidence = DayOrder | 'ambiguous' | 'none';

const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m?\.?)?)?`;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** 2019/9/24, 2024.03.05 10:00: the year first, then month and day (no country writes y/d/m). */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
/** 05/03/2024, 5-3-24, 05.03.2024 10:00: day and month in an order the column decides. */
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;
const EPOCH_SECONDS = /^\d{9,10}(?:\.\d{1,6})?$/;
const EPOCH_MS = /^\d{11,14}$/;
const HAS_MONTH_NAME = /[a-z]{3}/i;
const HAS_ZONE = /(?:\b(?:gmt|utc)|z|[+-]\d{2}:?\d{2})$/i;

/** Excel's day 0 is 1899-12-30 for every serial past its phantom 29 February 1900 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: string;
  offsetMinutes?: number;
}

/**
 * A date in one of the forms exports use, as an ISO 8601 UTC string, or undefined:
 * - ISO 8601 dates and timestamps (no offset means UTC); `20240305`;
 * - year first: `2019/9/24`, `2024.03.05 10:00`;
 * - year last: `05/03/2024 10:00 PM`, `5-3-24`: day and month in `order`; without one, only
 *   values one order alone reads (`13/03/2024`, or `05/05/2024`). Dotted dates
 *   (`05.03.2024`) are always day first, as everywhere they are written;
 * - RFC 2822 (`Tue, 05 Mar 2024 10:00:00 +0100`, via luxon) and other forms with a month
 *   name (`5 March 2024`, `Mar 5, 2024 10:00`);
 * - Excel serial days (10000-99999, i.e. 1927-2173, with an optional fraction of a day);
 * - epoch seconds (9-10 digits, optionally with a fraction) or milliseconds (11-14 digits),
 *   as text or as JSON numbers.
 * Zone-less times are read as UTC so the result never depends on the machine's time zone.
 */
export function parseDate(value: unknown, order?: DayOrder): string | undefined {
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d/.test(text) && /^[\d.]+$/.test(text)) {
    if (EPOCH_SECONDS.test(text) || EPOCH_MS.test(text) || EXCEL_SERIAL.test(text)) return fromNumber(Number(text));
  }
  let m: RegExpExecArray | null;
  if ((m = COMPACT.exec(text))) return fromParts({ year: +m[1]!, month: +m[2]!, day: +m[3]! });
  if ((m = ISO.exec(text))) {
    return fromParts({
      year: +m[1]!,
      month: +m[2]!,
      day: +m[3]!,
      hour: num(m[4]),
      minute: num(m[5]),
      second: num(m[6]),
      fraction: m[7],
      offsetMinutes: offset(m[8]),
    });
  }
  if ((m = YEAR_FIRST.exec(text))) {
    return fromParts({ year: +m[1]!, month: +m[3]!, day: +m[4]!, hour: twelveHour(num(m[5]), m[8]), minute: num(m[6]), second: num(m[7]) });
  }
  if ((m = YEAR_LAST.exec(text))) {
    const [a, b] = [+m[1]!, +m[3]!];
    const dayFirst = m[2] === '.' || (order ?? orderOf(a, b)) === 'dmy';
    if (order === undefined && m[2] !== '.' && orderOf(a, b) === undefined) return undefined;
    return fromParts({
      year: fullYear(m[4]!),
      month: dayFirst ? b : a,
      day: dayFirst ? a : b,
      hour: twelveHour(num(m[5]), m[8]),
      minute: num(m[6]),
      second: num(m[7]),
    });
  }
  if (HAS_MONTH_NAME.test(text)) {
    const rfc = DateTime.fromRFC2822(text, { zone: 'utc' });
    if (rfc.isValid) return rfc.toUTC().toISO() ?? undefined;
    const ms = Date.parse(HAS_ZONE.test(text) ? text : `${text} UTC`);
    return Number.isNaN(ms) ? undefined : fromEpoch(ms);
  }
  return undefined;
}

/** What `value` says about its column's day/month order (see OrderEvidence). */
export function orderEvidence(value: unknown): OrderEvidence {
  if (typeof value !== 'string') return 'none';
  const m = YEAR_LAST.exec(value.trim());
  if (!m || m[2] === '.') return 'none';
  const [a, b] = [+m[1]!, +m[3]!];
  if (a === b || a < 1 || b < 1) return 'none';
  if (a <= 12 && b <= 12) return 'ambiguous';
  return orderOf(a, b) ?? 'none';
}

/** The order that alone reads day-or-month numbers a, b (both orders read a == b alike). */
function orderOf(a: number, b: number): DayOrder | undefined {
  if (a === b || (a > 12 && b <= 12)) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return undefined;
}

function fromNumber(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (n >= 1e4 && n < 1e5) return fromEpoch(EXCEL_EPOCH_MS + Math.round(n * DAY_MS));
  if (n >= 1e8 && n < 1e11) return fromEpoch(Math.round(n * 1000));
  if (n >= 1e11 && n < 1e15) return fromEpoch(n);
  return undefined;
}

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
const fullYear = (s: string): number => (s.length === 4 ? +s : +s < 70 ? 2000 + +s : 1900 + +s);

function twelveHour(hour: number | undefined, meridiem: string | undefined): number | undefined {
  if (hour === undefined || meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return Number.NaN;
  const pm = meridiem.toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

function offset(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z') return zone === undefined ? undefined : 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function fromEpoch(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function fromParts(p: Parts): string | undefined {
  const hour = p.hour ?? 0;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  if (!(hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60)) return undefined;
  const ms = p.fraction === undefined ? 0 : Math.floor(Number(`0.${p.fraction}`) * 1000);
  const local = Date.UTC(p.year, p.month - 1, p.day, hour, minute, second, ms);
  const check = new Date(local);
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (check.getUTCFullYear() !== p.year || check.getUTCMonth() !== p.month - 1 || check.getUTCDate() !== p.day) return undefined;
  return fromEpoch(local - (p.offsetMinutes ?? 0) * 60_000);
}
