import { idf, type Vocabulary } from './vectors.js';

export interface RankedPhrase {
  term: string;
  /** Member sentences holding the term. */
  count: number;
  /** count / all uncovered sentences holding it: how much the term belongs to this group. */
  precision: number;
  score: number;
}

/** Phrases below this share of a group's sentences do not describe the group. */
const MIN_PHRASE_SHARE = 0.1;

/**
 * A group's phrases, most telling first: count in the group times idf over all uncovered
 * sentences (class-based TF-IDF, as topic models label their topics): frequent in the
 * group, rare elsewhere.
 */
export function rankPhrases(members: readonly number[], unitTermIds: readonly (readonly number[])[], vocabulary: Vocabulary): RankedPhrase[] {
  const counts = new Map<number, number>();
  for (const u of members) for (const t of unitTermIds[u]!) counts.set(t, (counts.get(t) ?? 0) + 1);
  const floor = Math.max(2, MIN_PHRASE_SHARE * members.length);
  return [...counts.entries()]
    .filter(([, count]) => count >= floor)
    .map(([t, count]) => ({ term: vocabulary.terms[t]!, count, precision: count / vocabulary.df[t]!, score: count * idf(vocabulary, t) }))
    .sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

const words = (term: string): string[] => term.split(' ');

/**
 * A label of up to two phrases. A two-word phrase reads better than a lone word, so it
 * leads when it holds at least half as many sentences as the top term; the second phrase
 * must add a word the first does not have.
 */
export function labelOf(ranked: readonly RankedPhrase[]): string[] {
  if (ranked.length === 0) return [];
  const top = ranked[0]!;
  const lead = ranked.find((p) => words(p.term).length > 1 && p.count >= 0.5 * top.count) ?? top;
  const used = new Set(words(lead.term));
  const second = ranked.find((p) => p !== lead && words(p.term).some((w) => !used.has(w) && w !== 'not'));
  return second ? [lead.term, second.term] : [lead.term];
}

/** "verification code" -> "verification-code": the id's tail (lower-case words joined by "-"). */
export function slugOf(label: readonly string[]): string {
  const parts = (label[0] ?? 'group')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return parts.length > 0 ? parts.join('-') : 'group';
}
