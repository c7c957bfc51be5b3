/** One run of digits inside a matched number, with its offsets in the whole text. */
export interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}

const DIGITS = /\d+/g;

/** Splits a matched number (at `offset` in the text) into its digit groups. */
export function digitGroups(match: string, offset: number): DigitGroup[] {
  const groups: DigitGroup[] = [];
  DIGITS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIGITS.exec(match)) !== null) {
    groups.push({ start: offset + m.index, end: offset + m.index + m[0].length, digits: m[0] });
  }
  return groups;
}

export function joinDigits(groups: readonly DigitGroup[]): string {
  let s = '';
  for (const g of groups) s += g.digits;
  return s;
}

/**
 * Sub-ranges of a run of groups to try, longest first: the whole run, then without short
 * stray numbers at either end ("qty 2 4111 1111 ...", "... 2671. 2 days later").
 */
export function trimmedRanges(groups: readonly DigitGroup[], isStray: (g: DigitGroup) => boolean): Array<[number, number]> {
  let i = 0;
  let j = groups.length;
  while (i < j - 1 && isStray(groups[i]!)) i++;
  while (j - 1 > i && isStray(groups[j - 1]!)) j--;
  const ranges: Array<[number, number]> = [[0, groups.length]];
  if (j !== groups.length) ranges.push([0, j]);
  if (i !== 0) ranges.push([i, groups.length]);
  if (i !== 0 && j !== groups.length) ranges.push([i, j]);
  return ranges;
}
