/**
 * A candidate phone number reduced to what decides it: its digits, its group lengths, the
 * separators between groups, and whether it opened with "+".
 */
export interface PhoneShape {
  plus: boolean;
  digits: string;
  groups: number[];
  separators: string[];
}

// One separator between digit groups: a space, dot, dash or slash (415/555-2671, 030/901820),
// " - ", or brackets round an area code.
const SEPARATOR_OK = /^(?:[ ./-]|\s-\s|\)\s?|\s?\(|\)\s?\(|\)[.-]|\)\s-\s)$/;

export function separatorsOk(shape: PhoneShape): boolean {
  return shape.separators.every((s) => SEPARATOR_OK.test(s));
}

function same(groups: readonly number[], expected: readonly number[]): boolean {
  return groups.length === expected.length && groups.every((g, i) => g === expected[i]);
}

/** +CC ...: the plus sign settles it, given a plausible E.164 length (ITU-T E.164: at most 15). */
export function isInternational(s: PhoneShape): boolean {
  const n = s.digits.length;
  return s.plus && s.digits[0] !== '0' && n >= 8 && n <= 15 && (s.groups.length >= 2 || n >= 10);
}

/** 00CC ...: the international call prefix used across Europe. */
export function isInternationalByZeros(s: PhoneShape): boolean {
  const n = s.digits.length - 2;
  return !s.plus && s.digits.startsWith('00') && s.digits[2] !== '0' && n >= 9 && n <= 15 && s.groups.length >= 2;
}

/** North American numbering: optional 1, then NXX NXX XXXX as 3-3-4, with or without (area). */
export function isNanp(s: PhoneShape): boolean {
  let groups = s.groups;
  let digits = s.digits;
  if (groups[0] === 1 && digits[0] === '1') {
    groups = groups.slice(1);
    digits = digits.slice(1);
  }
  if (digits.length !== 10 || !/^[2-9]\d\d[2-9]/.test(digits)) return false;
  return same(groups, [3, 3, 4]) || same(groups, [3, 7]);
}

/**
 * National numbers with a trunk 0 (UK 07700 900123, FR 01 42 68 53 00, DE 030 901820):
 * 9-12 digits (German mobiles: 0151 + 8) in at least two groups, never the 3-2-4 dash shape of an SSN.
 */
export function isTrunkNational(s: PhoneShape): boolean {
  const n = s.digits.length;
  if (s.plus || s.digits[0] !== '0' || s.digits[1] === '0' || n < 9 || n > 12) return false;
  if (s.groups.length < 2 || s.groups[0]! > 5) return false;
  return !(same(s.groups, [3, 2, 4]) && s.separators.every((x) => x === '-'));
}

/** A bare run of digits (4155552671, 07700900123) that only context makes a phone. */
export function isBareRun(s: PhoneShape): boolean {
  const n = s.digits.length;
  if (s.groups.length !== 1 || s.plus) return false;
  if (n === 10) return /^[2-9]\d\d[2-9]/.test(s.digits) || s.digits[0] === '0';
  return n === 11 && (s.digits[0] === '0' || s.digits[0] === '1');
}

/** Seven-digit local numbers (555-2671), only with context. */
export function isLocal(s: PhoneShape): boolean {
  return !s.plus && same(s.groups, [3, 4]) && s.separators[0] === '-' && /^[2-9]/.test(s.digits);
}
