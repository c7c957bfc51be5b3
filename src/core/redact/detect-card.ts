import { eachMatch, type Detector } from './detector.js';
import { digitGroups, joinDigits, trimmedRanges, type DigitGroup } from './digit-groups.js';
import { isLuhnValid } from './luhn.js';
import type { PiiSpan } from './span.js';

// Digit groups joined by single spaces or dashes, not glued to words, prices or decimals.
const CARD_CHAIN = /(?<![\w.+\-/$€£#])\d{1,19}(?:[ -]\d{1,19})*(?![\w]|[.,-]\d)/g;
// Issuer prefixes in use: 2 (Mastercard 2-series), 3 (Amex, Diners, JCB), 4 (Visa), 5, 6.
const ISSUER_FIRST_DIGIT = /^[2-6]/;

function isCard(groups: readonly DigitGroup[]): boolean {
  const digits = joinDigits(groups);
  if (digits.length < 13 || digits.length > 19 || !ISSUER_FIRST_DIGIT.test(digits)) return false;
  // Printed card numbers group in threes to sixes (4-4-4-4, 4-6-5, 4-4-4-4-3).
  if (groups.length > 1 && groups.some((g) => g.digits.length < 3 || g.digits.length > 6)) return false;
  return isLuhnValid(digits);
}

/** Payment card numbers: 13-19 digits, a real issuer prefix, Luhn-valid. */
export function createCardDetector(): Detector {
  return {
    type: 'CARD',
    applies: (h) => h.hasDigit,
    find(text) {
      const out: PiiSpan[] = [];
      eachMatch(CARD_CHAIN, text, (m) => {
        if (m[0].length < 13) return;
        const groups = digitGroups(m[0], m.index);
        for (const [i, j] of trimmedRanges(groups, (g) => g.digits.length < 3)) {
          const part = groups.slice(i, j);
          if (isCard(part)) {
            out.push({ start: part[0]!.start, end: part[part.length - 1]!.end, type: 'CARD' });
            return;
          }
        }
      });
      return out;
    },
  };
}
