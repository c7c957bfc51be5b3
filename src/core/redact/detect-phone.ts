import { eachMatch, type Detector } from './detector.js';
import { digitGroups, type DigitGroup } from './digit-groups.js';
import { createPhoneContext, type PhoneContext } from './phone-context.js';
import { isBareRun, isInternational, isInternationalByZeros, isLocal, isNanp, isTrunkNational, separatorsOk, type PhoneShape } from './phone-shape.js';
import type { PiiSpan } from './span.js';

// Digit groups joined by spaces, dots, dashes or brackets; never glued to a word, a currency
// sign, a decimal point or a time's colon. Which runs are phones is decided by phone-shape.ts.
const PHONE_CHAIN = /(?<![\w+$€£¥#/.:,-])(?:\+\s?|\(\+?)?\d+(?:[ .\-()/]{1,3}\d+)*/g;
// The most groups a written phone number has (+33 1 42 68 53 00 has six); bounds the work on long digit lists.
const MAX_GROUPS = 8;
const SENTENCE_BREAK = /\.\s/;
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

/** Groups j.. may be dropped when they follow a sentence break or are all one- or two-digit. */
function canDropTail(text: string, groups: readonly DigitGroup[], j: number): boolean {
  if (SENTENCE_BREAK.test(text.slice(groups[j - 1]!.end, groups[j]!.start))) return true;
  for (let k = j; k < groups.length; k++) if (groups[k]!.digits.length > 2) return false;
  return true;
}

function isPhone(shape: PhoneShape, identifier: boolean, ctx: PhoneContext, text: string, start: number): boolean {
  if (isInternational(shape)) return true;
  if (identifier) return false;
  if (isInternationalByZeros(shape) || isNanp(shape) || isTrunkNational(shape)) return true;
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
        // Longest first. Only a short stray number may be dropped from either end ("qty 2
        // 07700 900123", "07700 900123 2 times"), or anything after a full stop; never a
        // window cut out of the middle of a longer run such as a tracking number.
        const lastStart = groups.length > 1 && groups[0]!.digits.length <= 2 && !plus ? 1 : 0;
        for (let i = 0; i <= lastStart; i++) {
          for (let j = Math.min(groups.length, i + MAX_GROUPS); j > i; j--) {
            if (j < groups.length && !canDropTail(text, groups, j)) continue;
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
