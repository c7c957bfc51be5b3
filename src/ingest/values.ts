/** Lenient readers for the scalar values found in exports; each returns undefined when unsure. */

export const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim().length === 0);

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: digits with no dot could split between the two runs in every way.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** "4", " 4.0 ", "1,200.50" and JSON numbers; anything else is not a number. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (GROUPED_NUMBER.test(text)) return Number(text.replaceAll(',', ''));
  return undefined;
}

/** Strings, numbers and booleans as text (ids and attributes often arrive as numbers). */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m?\.?)?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const EPOCH_SECONDS = /^\d{9,10}$/;
const EPOCH_MS = /^\d{11,14}$/;
const HAS_MONTH_NAME = /[a-z]{3}/i;
const HAS_ZONE = /(?:\b(?:gmt|utc)|z|[+-]\d{2}:?\d{2})$/i;

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
 * A date in one of the common export formats, as an ISO 8601 UTC string: ISO dates and
 * timestamps (no offset means UTC), US "03/05/2024 10:00" (month first, optional AM/PM),
 * "05.03.2024" (day first), "20240305", epoch seconds or milliseconds, and month-name forms.
 * Zone-less times are read as UTC so the result never depends on the machine's time zone.
 */
export function parseDate(value: unknown): string | undefined {
  if (typeof value === 'number') return fromEpoch(Math.abs(value) >= 1e11 ? value : value * 1000);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let m: RegExpExecArray | null;
  if (EPOCH_SECONDS.test(text)) return fromEpoch(Number(text) * 1000);
  if (EPOCH_MS.test(text)) return fromEpoch(Number(text));
  if ((m = COMPACT.exec(text))) return fromParts({ year: +m[1]!, month: +m[2]!, day: +m[3]! });
  if ((m = ISO.exec(text))) {
    return fromParts({
      year: +m[1]!, month: +m[2]!, day: +m[3]!,
      hour: num(m[4]), minute: num(m[5]), second: num(m[6]), fraction: m[7], offsetMinutes: offset(m[8]),
    });
  }
  if ((m = US.exec(text))) {
    return fromParts({
      year: fullYear(m[3]!), month: +m[1]!, day: +m[2]!,
      hour: twelveHour(num(m[4]), m[7]), minute: num(m[5]), second: num(m[6]),
    });
  }
  if ((m = DOTTED.exec(text))) {
    return fromParts({ year: +m[3]!, month: +m[2]!, day: +m[1]!, hour: num(m[4]), minute: num(m[5]), second: num(m[6]) });
  }
  if (HAS_MONTH_NAME.test(text)) {
    const ms = Date.parse(HAS_ZONE.test(text) ? text : `${text} UTC`);
    return Number.isNaN(ms) ? undefined : fromEpoch(ms);
  }
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
