import { eachMatch, type Detector } from './detector.js';
import type { PiiSpan } from './span.js';

// An apostrophe may sit inside the local part (o'brien@...), never at its edges.
const EMAIL_RE =
  /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]|['’](?=[A-Za-z])){0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;

export function createEmailDetector(): Detector {
  return {
    type: 'EMAIL',
    applies: (h) => h.hasAt,
    find(text) {
      const out: PiiSpan[] = [];
      eachMatch(EMAIL_RE, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, type: 'EMAIL' }));
      return out;
    },
  };
}
