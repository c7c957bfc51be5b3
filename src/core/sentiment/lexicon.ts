import { z } from 'zod';

/**
 * The sentiment lexicon as data: word valences, multi-word expressions, modifiers and
 * contrast words. Read from models/lexicon/ by src/load/lexicon.ts, validated here so a bad
 * file fails at start-up with a message naming the entry.
 */
const Valence = z.number().min(-5).max(5);

export const PhraseEntry = z.object({
  /** Space-separated words, written in base form ("charge twice") to match lemmas or normals. */
  phrase: z.string().trim().min(1),
  valence: Valence,
});
export type PhraseEntry = z.infer<typeof PhraseEntry>;

export const SentimentLexicon = z.object({
  /** Single-word valence on the AFINN scale, -5 (very negative) .. 5 (very positive). */
  words: z.record(z.string(), Valence),
  phrases: z.array(PhraseEntry),
  /** Multipliers applied to the next sentiment word: "very" 1.3, "slightly" 0.5. */
  modifiers: z.record(z.string(), z.number().min(0).max(3)),
  /** Words after which the rest of the sentence weighs more ("but", "however"). */
  contrastAfter: z.array(z.string()),
  /** Words opening a clause that weighs less ("although", "despite"). */
  contrastBefore: z.array(z.string()),
});
export type SentimentLexicon = z.infer<typeof SentimentLexicon>;
