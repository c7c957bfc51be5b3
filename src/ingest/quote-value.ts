import { createRedactor, redact, type Redactor } from '../core/redact/index.js';

let shared: Redactor | undefined;

/**
 * The core redactor (the one the analyzer applies to customer text), built on first use:
 * for callers of ingest that pass no redact function of their own.
 */
export const defaultRedact = (text: string): string => redact((shared ??= createRedactor()), text).text;

const MAX_QUOTED = 60;

/**
 * A cell value as a message quotes it: personal data redacted first (a bad cell may hold an
 * email, a phone or a card number), then cut to 60 characters, so no message that reaches
 * rejects.jsonl, the store or stderr carries it raw.
 */
export function quoteValue(value: unknown, redactText: (text: string) => string): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const safe = redactText(text);
  return `'${safe.length > MAX_QUOTED ? `${safe.slice(0, MAX_QUOTED - 1)}…` : safe}'`;
}
