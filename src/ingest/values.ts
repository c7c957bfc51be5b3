/** Lenient readers for the scalar values found in exports; each returns undefined when unsure. */

export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim().length === 0);

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
