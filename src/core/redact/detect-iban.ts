import { eachMatch, type Detector } from './detector.js';
import { IBAN_LENGTHS, isValidIban } from './iban.js';
import type { PiiSpan } from './span.js';

// Where an IBAN may start: a known-looking country code and two check digits.
const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9])/g;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Reads exactly the country's IBAN length of characters from `start`, allowing single spaces
 * (the printed groups of four), and returns where it ends, or -1 if the text runs out first
 * or the IBAN would end in the middle of a longer word.
 */
function ibanEnd(text: string, start: number, length: number): { end: number; compact: string } | null {
  let compact = '';
  let i = start;
  while (i < text.length && compact.length < length) {
    const c = text.charCodeAt(i);
    if (isAlnum(c)) compact += text[i];
    else if (c !== 32 || compact.length === 0 || !isAlnum(text.charCodeAt(i + 1))) break;
    i++;
  }
  if (compact.length !== length) return null;
  if (i < text.length && isAlnum(text.charCodeAt(i))) return null;
  return { end: i, compact: compact.toUpperCase() };
}

/** IBANs: known country, that country's length, mod-97 check. */
export function createIbanDetector(): Detector {
  return {
    type: 'IBAN',
    applies: (h) => h.hasDigit,
    find(text) {
      const out: PiiSpan[] = [];
      eachMatch(IBAN_START, text, (m) => {
        const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
        if (length === undefined) return;
        const found = ibanEnd(text, m.index, length);
        if (!found) return;
        // A mistyped IBAN is still claimed (unreplaced), so its digits never read as a card or phone.
        out.push({ start: m.index, end: found.end, type: isValidIban(found.compact) ? 'IBAN' : null });
        IBAN_START.lastIndex = found.end;
      });
      return out;
    },
  };
}
