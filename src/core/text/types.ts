/**
 * The one compact document every per-verbatim stage reads and annotates (wink-nlp's idea:
 * read the text once, then each stage adds to the same structure).
 */
export interface Token {
  /** Surface form as written. */
  text: string;
  /** Lower-cased normal form. */
  normal: string;
  lemma: string;
  /** Universal POS tag from wink-nlp (NOUN, VERB, ADJ, ...). */
  pos: string;
  /** Character offsets into Doc.text. */
  start: number;
  end: number;
  /** True where a negation ("not", "no", "never", "n't") scopes over this token. */
  negated: boolean;
  /** wink-nlp token type: word, number, punctuation, email, url, emoji, ...; 'placeholder' for the guards' [LONG_TOKEN]. */
  type: string;
  /** In wink's English lexicon; false for out-of-vocabulary words, misspellings among them. */
  known: boolean;
  /**
   * The record shared by every token of the same word read with the same POS tag (parseDoc
   * builds one per word and tag, and forgets them with the words it forgets): a stage keeps
   * there what follows from the token's text, normal, lemma, type, tag and known alone, and
   * works it out once per word rather than once per token. Absent where a token is built
   * apart (the guards' placeholder, a Doc made by hand): the stage works it out each time.
   */
  word?: WordMemo;
}

/**
 * What stages memoise per word (see Token.word). A stage's entry is tagged with what it was
 * worked out against (its compiled model), so two models never read each other's entries.
 */
export interface WordMemo {
  /** The keys the pattern engine looks the word up by (themes/pattern.ts). */
  keys?: string[];
  /** The word's keys resolved in a compiled word index (themes/word-index.ts). */
  indexed?: { index: object; entries: readonly unknown[] };
  /** The signal cues the word's keys trigger, in key order (signals/detect.ts). */
  cues?: { cues: object; triggered: readonly unknown[] };
  /** The sentiment model's entries of the word's normal and lemma (sentiment/score.ts). */
  sentiment?: { model: object; normal: unknown; lemma: unknown };
  /** The word's part in a negation's scope (text/negation.ts). */
  negation?: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

export interface Doc {
  text: string;
  sentences: Sentence[];
}
