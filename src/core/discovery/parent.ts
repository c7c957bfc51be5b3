import { UNASSIGNED } from '../routing/owners-map.js';
import type { Taxonomy } from '../themes/taxonomy.js';
import { STOP_WORDS } from './stop-words.js';
import type { FamilyVocabulary } from './types.js';
import type { RankedPhrase } from './phrases.js';

/** A crude stem so "charges", "charged", "charging" and "charge" meet across taxonomy text and lemmas. */
export const stem = (word: string): string => word.replace(/(?:ing|ed|es|s|e)$/, '') || word;

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w) && w !== 'not')
    .map(stem);
}

/**
 * Each family's words: its own name and description, and its themes' names, descriptions and
 * patterns; and the team the owners map gives the family (the owner of a theme put in it).
 */
export function familyVocabularies(taxonomy: Taxonomy, familyOwner: (familyId: string) => string | undefined): FamilyVocabulary[] {
  return taxonomy.families.map((f) => {
    const words = new Set(wordsOf(`${f.name} ${f.description}`));
    for (const t of taxonomy.themes) {
      if (t.parent !== f.id) continue;
      const patterns = [...t.lemmas, ...t.phrases, ...t.all.flat(2)].join(' ');
      for (const w of wordsOf(`${t.name} ${t.description} ${patterns}`)) words.add(w);
    }
    return { id: f.id, owner: familyOwner(f.id) ?? UNASSIGNED, words };
  });
}

/**
 * The family sharing most of the group's telling words: each shared word counts its phrase
 * score, divided by how many families use it (a word every family has, like "service",
 * points nowhere). The first family on a tie, or when none shares a word (the user moves it).
 */
export function guessParent(phrases: readonly RankedPhrase[], families: readonly FamilyVocabulary[]): { family: FamilyVocabulary; shared: number } {
  let best = families[0]!;
  let bestScore = 0;
  const spread = (w: string): number => families.filter((f) => f.words.has(w)).length;
  const scores = new Map<FamilyVocabulary, number>();
  for (const p of phrases.slice(0, 10)) {
    for (const w of new Set(wordsOf(p.term))) {
      const n = spread(w);
      if (n === 0) continue;
      for (const f of families) if (f.words.has(w)) scores.set(f, (scores.get(f) ?? 0) + p.score / n);
    }
  }
  for (const f of families) {
    const score = scores.get(f) ?? 0;
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return { family: best, shared: bestScore };
}
