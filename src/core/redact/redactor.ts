import { createAddressDetector } from './detect-address.js';
import { createCardDetector } from './detect-card.js';
import { createEmailDetector } from './detect-email.js';
import { createIbanDetector } from './detect-iban.js';
import { createPhoneDetector } from './detect-phone.js';
import { createSsnDetector } from './detect-ssn.js';
import { createUrlDetector } from './detect-url.js';
import type { Detector, TextHints } from './detector.js';
import { placeholder, type PiiType } from './pii-type.js';
import { ClaimedSpans, type PiiSpan } from './span.js';

export interface Redactor {
  /** In priority order: a span claimed by an earlier detector is not re-read by a later one. */
  readonly detectors: readonly Detector[];
}

export interface Redaction {
  text: string;
  counts: Partial<Record<PiiType, number>>;
}

const DIGIT = /\d/;
const LINK = /:\/\/|www\.|[a-z0-9]\.[a-z]{2,24}\//i;

/**
 * Builds every detector (and so compiles every regex) once. Order matters: URLs first (they
 * hold emails and digits), then emails, IBANs (letters and digits, would read as a phone),
 * cards (Luhn-checked, before phones), SSNs, phones, and addresses last (they start with a number).
 */
export function createRedactor(): Redactor {
  return {
    detectors: [
      createUrlDetector(),
      createEmailDetector(),
      createIbanDetector(),
      createCardDetector(),
      createSsnDetector(),
      createPhoneDetector(),
      createAddressDetector(),
    ],
  };
}

/** Claimed spans of personal data in `text`, in text order (plain URLs with `type: null`). */
export function detect(redactor: Redactor, text: string): PiiSpan[] {
  const hasDigit = DIGIT.test(text);
  const hasAt = text.includes('@');
  if (!hasDigit && !hasAt && !text.includes('/') && !text.includes('www.')) return [];
  const hints: TextHints = { hasDigit, hasAt, hasLink: LINK.test(text) };
  const claimed = new ClaimedSpans();
  for (const detector of redactor.detectors) {
    if (!detector.applies(hints)) continue;
    claimed.claimAll(detector.find(text));
  }
  return claimed.spans;
}

/** Replaces each piece of personal data by its typed placeholder ("[EMAIL]", "[PHONE]", ...). */
export function redact(redactor: Redactor, text: string): Redaction {
  const spans = detect(redactor, text);
  const counts: Partial<Record<PiiType, number>> = {};
  if (spans.length === 0) return { text, counts };
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.type === null) continue;
    out += text.slice(at, span.start) + placeholder(span.type);
    at = span.end;
    counts[span.type] = (counts[span.type] ?? 0) + 1;
  }
  return { text: out + text.slice(at), counts };
}
