import { eachMatch, type Detector } from './detector.js';
import { digitGroups, type DigitGroup } from './digit-groups.js';
import { createPhoneContext, type PhoneContext } from './phone-context.js';
import {
  isBareRun, isInternational, isInternationalByZeros, isLocal, isNanp, isTrunkNational, separatorsOk,
  type PhoneShape,
} from './phone-shape.js';
import type { PiiSpan } from './span.js';

// Digit groups joined by spaces, dots, dashes or brackets; never glued to a word, a currency
// sign, a decimal point or a time's colon. Which runs are phones is decided by phone-shape.ts.
const PHONE_CHAIN = /(?<![\w+$€£¥#/.:,-])(?:\+\s?|\(\+?)?\d+(?:[ .\-()]{1,3}\d+)*/g;
const GLUED_AFTER = /^(?:[\w%]|[.,:/-]\d)/;

function shapeOf(text: string, groups: readonly DigitGroup[], plus: boolean): PhoneShape {
  const separators: string[] = [];
  for (let k = 1; k < groups.length; k++) separators.push(text.slice(groups[k - 1]!.end, groups[k]!.start));
  return { plus, digits: groups.map((g) => g.digits).join(''), groups: groups.map((g) => g.digits.length), separators };
}

function bracketsBalanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function isPhone(shape: PhoneShape, identifier: boolean, ctx: PhoneContext, text: string, start: number): boolean {
  if (isInternational(shape) || isInternationalByZeros(shape)) return true;
  if (identifier) return false;
  if (isNanp(shape) || isTrunkNational(shape)) return true;
  return (isBareRun(shape) || isLocal(shape)) && ctx.isPhone(text, start);
}

/**
 * Phone numbers in international and national formats. Precision first: a run of digits is a
 * phone only in a recognised dialling shape, or with a phone word before it, and never
 * straight after "order", "ticket", "ref" and the like.
 */
export function createPhoneDetector(): Detector {
  const ctx = createPhoneContext();
  return {
    type: 'PHONE',
    applies: (h) => h.hasDigit,
    find(text) {
      const out: PiiSpan[] = [];
      eachMatch(PHONE_CHAIN, text, (m) => {
        if (m[0].length < 7) return;
        const groups = digitGroups(m[0], m.index);
        const plus = m[0].includes('+');
        const identifier = ctx.isIdentifier(text, m.index);
        const matchEnd = m.index + m[0].length;
        // Longest first; a stray number may sit after the phone, or one before a national number.
        for (let i = 0; i < Math.min(2, groups.length); i++) {
          for (let j = groups.length; j > i; j--) {
            const start = i === 0 ? m.index : groups[i]!.start;
            const end = groups[j - 1]!.end;
            if (end === matchEnd && GLUED_AFTER.test(text.slice(end, end + 2))) continue;
            if (!bracketsBalanced(text.slice(start, end))) continue;
            const shape = shapeOf(text, groups.slice(i, j), plus && i === 0);
            if (!separatorsOk(shape)) continue;
            if (isPhone(shape, identifier && i === 0, ctx, text, start)) {
              out.push({ start, end, type: 'PHONE' });
              return;
            }
          }
        }
      });
      return out;
    },
  };
}
