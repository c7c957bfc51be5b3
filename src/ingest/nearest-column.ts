import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';

const normalise = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The column most like `wanted`, by Jaro-Winkler similarity (natural's) of the names
 * lower-cased without spaces or punctuation; a name containing the other ("text" in
 * "Review Text") counts as close.
 */
export function nearestColumn(wanted: string, columns: readonly string[]): string | undefined {
  if (columns.length === 0) return undefined;
  const target = normalise(wanted);
  let best: { column: string; score: number } | undefined;
  for (const column of columns) {
    const name = normalise(column);
    const contains = name.length > 0 && target.length > 0 && (name.includes(target) || target.includes(name));
    const score = Math.max(JaroWinklerDistance(target, name), contains ? 0.9 : 0);
    if (!best || score > best.score) best = { column, score };
  }
  return best!.column;
}
