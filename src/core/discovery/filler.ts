import type { ContextSpace } from './contexts.js';

/**
 * Filler: a group held together by a word that carries no complaint ("guy", "lol", "today",
 * "mean", "thing", a flight corpus's "fly"). Told from the corpus, not from a list:
 *
 * - spread: a filler word goes with every topic of the corpus in proportion to how common
 *   each is. Its spread is the cosine between the counts of the words it shares sentences
 *   with and the corpus's own word frequencies (1: it keeps the company of any sentence);
 *   a complaint word keeps its own company ("luggage" with "lost", "claim").
 * - complaint lift: the share of its sentences that complain over the corpus's share.
 *
 * A group is filler when every word of its label's lead phrase is spread (>= SPREAD) and
 * none complains clearly more than the corpus does (lift under `liftBar`).
 */
/** Tuned on tweeteval val.csv (night, watch, open, call, work: filler) and the generated samples (no real group dropped). */
const SPREAD = 0.45;
const LIFT = 1.15;

export interface WordStatistics {
  spread: (word: string) => number;
  lift: (word: string) => number;
  /**
   * The lift a word needs to count as a complaint word: LIFT, or less where the corpus
   * complains so much that no word can reach it (halfway from 1 to the highest lift
   * possible, 1 / the corpus's share): in a corpus of nothing but complaints no word is
   * filler by this test.
   */
  liftBar: number;
}

export function wordStatistics(space: ContextSpace, complaintsWith: ReadonlyMap<string, number>, complaintShare: number): WordStatistics {
  const D = space.contexts.size;
  const background = new Float64Array(D);
  for (const [w, c] of space.contexts) background[c] = space.df.get(w)!;
  const bgNorm = Math.sqrt(background.reduce((s, x) => s + x * x, 0)) || 1;
  return {
    liftBar: Math.min(LIFT, (1 + 1 / (complaintShare || 1)) / 2),
    spread: (word) => {
      const r = space.row.get(word);
      if (r === undefined) return 0;
      let dot = 0;
      let norm = 0;
      for (let c = 0; c < D; c++) {
        // The word's own column is empty (it does not keep its own company): left out of the background too.
        const k = space.together[r * D + c]!;
        dot += k * background[c]!;
        norm += k * k;
      }
      return norm === 0 ? 0 : dot / (Math.sqrt(norm) * bgNorm);
    },
    lift: (word) => {
      const n = space.df.get(word);
      return n ? (complaintsWith.get(word) ?? 0) / n / (complaintShare || 1) : 0;
    },
  };
}

/** Whether a group labelled `lead` (its lead phrase) is held together by filler. */
export function isFiller(lead: string, stats: WordStatistics): boolean {
  const words = lead.split(' ').filter((w) => w !== 'not');
  return words.length > 0 && words.every((w) => stats.spread(w) >= SPREAD && stats.lift(w) < stats.liftBar);
}
