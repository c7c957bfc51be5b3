import { averageLinkage } from './cluster.js';
import type { ContextSpace } from './contexts.js';
import type { Point } from './vectors.js';

/**
 * Groups that say one complaint in different words, joined. Bag-of-words clustering keeps
 * "the box was crushed" and "the screen arrived cracked" apart (no word in common); their
 * words are used in the same contexts, though ("arrive", "package", "damage"). Each
 * eligible group (a complaint of some size: the caller says) gets a profile: the sum of the context vectors (contexts.ts)
 * of its most telling words, weighted by how many of its sentences hold each; groups are
 * merged by average linkage on the cosine of their profiles while at least `threshold`
 * alike. Other groups are left as they are: a profile of a few sentences is noise, and a
 * complaint joined to a group of praise or small talk would be lost in it.
 */

/** Words of a group's profile: its most telling ones. */
const PROFILE_WORDS = 12;

export function joinGroups(
  groups: readonly number[][],
  unitWords: readonly (readonly string[])[],
  space: ContextSpace,
  weight: (word: string) => number,
  eligible: (members: readonly number[]) => boolean,
  threshold: number,
): number[][] {
  const D = space.contexts.size;
  const candidates: number[] = [];
  const points: Point[] = [];
  groups.forEach((members, g) => {
    if (!eligible(members)) return;
    const counts = new Map<string, number>();
    for (const u of members) for (const w of unitWords[u]!) counts.set(w, (counts.get(w) ?? 0) + 1);
    const telling = [...counts.entries()]
      .filter(([w]) => space.row.has(w))
      .map(([w, k]) => ({ w, score: k * weight(w) }))
      .sort((a, b) => b.score - a.score || (a.w < b.w ? -1 : 1))
      .slice(0, PROFILE_WORDS);
    const profile = new Float64Array(D);
    for (const { w, score } of telling) {
      const r = space.row.get(w)!;
      for (const c of space.nonZero[r]!) profile[c]! += score * space.vectors[r * D + c]!;
    }
    let norm = 0;
    for (const x of profile) norm += x * x;
    if (norm === 0) return;
    norm = Math.sqrt(norm);
    const ids: number[] = [];
    for (let c = 0; c < D; c++) if (profile[c]! > 0) ids.push(c);
    candidates.push(g);
    points.push({ vector: { ids: Int32Array.from(ids), values: Float64Array.from(ids, (c) => profile[c]! / norm) }, units: members });
  });
  const merged = averageLinkage(points, threshold).map((ps) => ps.flatMap((p) => points[p]!.units));
  const taken = new Set(candidates);
  return [...merged, ...groups.filter((_, g) => !taken.has(g))];
}
