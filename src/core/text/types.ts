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
