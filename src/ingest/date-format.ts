import { DateTime } from 'luxon';
import { UsageError } from '../errors/index.js';
import { parseDate } from './date-value.js';
import { asText } from './values.js';

/** A date reader for `--date-format`: luxon format tokens, zone-less times read as UTC. */
export type DateReader = (value: unknown) => string | undefined;

/** A probe with every field distinct, so a format that drops or swaps one cannot read it back. */
const PROBE = DateTime.utc(2031, 11, 23, 14, 7, 9);

/**
 * Checks a `--date-format` value (luxon tokens: yyyy, yy, MM, M, MMM, dd, d, HH, h, mm, ss,
 * a, ZZ...): it must name the year, the month and the day, which a probe date written with
 * it and read back shows.
 */
export function checkDateFormat(format: string): string {
  const written = PROBE.toFormat(format);
  const back = DateTime.fromFormat(written, format, { zone: 'utc' });
  if (!back.isValid || back.year !== PROBE.year || back.month !== PROBE.month || back.day !== PROBE.day) {
    throw new UsageError(
      `--date-format: '${format}' does not name a year, a month and a day in luxon's tokens (e.g. dd/MM/yyyy, d.M.yy HH:mm, MMM d yyyy; see https://moment.github.io/luxon/#/parsing?id=table-of-tokens)`,
    );
  }
  return format;
}

/**
 * Reads dates written in `format` (already checked), as ISO 8601 UTC strings. A value the
 * format does not read is tried against the forms that need no format and leave no doubt
 * (ISO 8601, RFC 2822, epoch, y/m/d, 13/03/2024...), so a column that mixes a few ISO
 * timestamps into its dd/MM/yyyy dates loses none of them.
 */
export function formatDateReader(format: string): DateReader {
  // Built once: luxon compiles the format into a regular expression.
  const parser = DateTime.buildFormatParser(format);
  // Luxon takes ~15 µs a value; exports repeat their dates (a day, a minute), so answers are
  // kept, up to a bound: a million rows over a year cost a few hundred parses, not a million.
  const memo = new Map<string, string | undefined>();
  return (value) => {
    const text = asText(value)?.trim();
    if (!text) return undefined;
    if (memo.has(text)) return memo.get(text);
    const date = DateTime.fromFormatParser(text, parser, { zone: 'utc' });
    const iso = date.isValid ? (date.toUTC().toISO() ?? undefined) : parseDate(value);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, iso);
    return iso;
  };
}

const MEMO_LIMIT = 20_000;
