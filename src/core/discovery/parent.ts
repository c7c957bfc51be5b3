import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { UNASSIGNED } from '../routing/owners-map.js';
import type { Taxonomy } from '../themes/taxonomy.js';
import { STOP_WORDS } from './stop-words.js';
import type { FamilyVocabulary, ThemeVocabulary } from './types.js';
import type { RankedPhrase } from './phrases.js';

/** A crude stem so "charges", "charged", "charging" and "charge" meet across taxonomy text and lemmas. */
export const stem = (word: string): string => word.replace(/(?:ing|ed|es|s|e)$/, '') || word;

/**
 * Cosine between a group's words and the nearest theme's below which no theme is near: the
 * group shares at most a word or two of little weight with any theme (tuned on the generated
 * samples, where the removed themes' own family is known).
 */
const NEAR = 0.05;
/** A group is described by its most telling phrases. */
const GROUP_PHRASES = 10;

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w) && w !== 'not')
    .map((w) => PorterStemmer.stem(w));
}

/**
 * Each family's themes as vocabularies: the stems of a theme's name, description and
 * patterns (lemmas, phrases, co-occurrence groups), each weighted by its inverse frequency
 * over all themes (a word every theme uses, like "order", points nowhere) and normalised;
 * and the team the owners map gives the family (the owner of a theme put in it).
 */
export function familyVocabularies(taxonomy: Taxonomy, familyOwner: (familyId: string) => string | undefined): FamilyVocabulary[] {
  const families = new Map(taxonomy.families.map((f) => [f.id, `${f.name} ${f.description}`]));
  const themeWords = taxonomy.themes.map((t) => {
    // Its patterns, the context lists they require ("@wear": fit, size, dress...) and its family's words.
    const patterns = JSON.stringify([t.lemmas, t.phrases, t.all, t.praise, t.topics, t.contexts]);
    const lists = [...patterns.matchAll(/@([\w-]+)/g)].flatMap((m) => taxonomy.contexts[m[1]!] ?? []);
    const text = `${t.name} ${t.description} ${families.get(t.parent) ?? ''} ${patterns.replace(/@[\w-]+/g, ' ')} ${JSON.stringify(lists)}`;
    return { theme: t, words: new Set(wordsOf(text)) };
  });
  const df = new Map<string, number>();
  for (const { words } of themeWords) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const T = themeWords.length;
  return taxonomy.families.map((f) => ({
    id: f.id,
    owner: familyOwner(f.id) ?? UNASSIGNED,
    themes: themeWords
      .filter(({ theme }) => theme.parent === f.id)
      .map(({ theme, words }): ThemeVocabulary => {
        const weights = new Map([...words].map((w) => [w, Math.log(1 + T / df.get(w)!)]));
        const norm = Math.sqrt([...weights.values()].reduce((s, x) => s + x * x, 0)) || 1;
        for (const [w, x] of weights) weights.set(w, x / norm);
        return { id: theme.id, words: weights };
      }),
  }));
}

export interface ParentGuess {
  family: FamilyVocabulary;
  /** The existing theme nearest the group by content, or null when none is near (NEAR). */
  nearest: string | null;
  /** Cosine between the group's words and the nearest theme's. */
  similarity: number;
}

/**
 * The parent of a suggestion: the family of the existing theme whose words are nearest the
 * group's (cosine of stem vectors: the group's top phrases weighted by their score, each
 * word with its variants from the corpus; the theme's from familyVocabularies). When no
 * theme is near, the first family stands in, so the entry still loads, and `nearest` is null
 * (the owner then is "unassigned": nobody's team was guessed).
 */
export function guessParent(
  phrases: readonly RankedPhrase[],
  families: readonly FamilyVocabulary[],
  variantsOf: (word: string) => readonly string[] = (w) => [w],
): ParentGuess {
  const group = new Map<string, number>();
  for (const p of phrases.slice(0, GROUP_PHRASES)) {
    for (const word of p.term.split(' ')) {
      for (const w of new Set(variantsOf(word).flatMap(wordsOf))) group.set(w, (group.get(w) ?? 0) + p.score);
    }
  }
  const norm = Math.sqrt([...group.values()].reduce((s, x) => s + x * x, 0)) || 1;
  let best: { family: FamilyVocabulary; theme: string; similarity: number } | undefined;
  for (const family of families) {
    for (const theme of family.themes) {
      let s = 0;
      for (const [w, x] of group) s += (x / norm) * (theme.words.get(w) ?? 0);
      if (best === undefined || s > best.similarity) best = { family, theme: theme.id, similarity: s };
    }
  }
  if (best === undefined || best.similarity < NEAR) return { family: { ...families[0]!, owner: UNASSIGNED }, nearest: null, similarity: best?.similarity ?? 0 };
  return { family: best.family, nearest: best.theme, similarity: best.similarity };
}
