import { eachMatch, type Detector } from './detector.js';
import type { PiiSpan } from './span.js';

// Area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
const VALID = '(?!000|666|9\\d\\d)\\d{3}';
const SSN_DASHED = new RegExp(`(?<![\\w-])${VALID}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\w]|-\\d)`, 'g');
// Without dashes a nine-digit run is only an SSN when the text says so.
const SSN_NAMED = new RegExp(
  `\\b(?:ssn|social security(?: number| no\\.?| #)?|ss#)(?:\\s+(?:is|was|number|no\\.?))*\\W{0,6}(${VALID}[ ]?(?!00)\\d{2}[ ]?(?!0000)\\d{4})(?![\\w-])`,
  'gi',
);

export function createSsnDetector(): Detector {
  return {
    type: 'SSN',
    applies: (h) => h.hasDigit,
    find(text) {
      const out: PiiSpan[] = [];
      eachMatch(SSN_DASHED, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, type: 'SSN' }));
      eachMatch(SSN_NAMED, text, (m) => {
        const start = m.index + m[0].length - m[1]!.length;
        out.push({ start, end: start + m[1]!.length, type: 'SSN' });
      });
      return out;
    },
  };
}
