/** One verbatim as theme discovery sees it: redacted words, key phrases, and whether the taxonomy covered it. */
export interface DiscoveryDoc {
  verbatimId: string;
  /** The analysis' redacted customer text. */
  text: string;
  /** The analysis' lemmatised key phrases. */
  keyPhrases: readonly string[];
  /** The taxonomy matched a theme other than a catch-all: nothing to discover here. */
  covered: boolean;
}

/** A family's words (name, description, its themes' words), for guessing a suggestion's parent. */
export interface FamilyVocabulary {
  id: string;
  words: readonly string[];
}

export interface SuggestOptions {
  /** Smallest group worth suggesting. */
  minSize: number;
  /** At most this many suggestions, largest first (default 20). */
  maxSuggestions?: number;
  /** Ids already in the taxonomy: a suggested id never equals one of them. */
  existingIds: ReadonlySet<string>;
  /** Brand, company or product names to mask on top of the ones detected from capitalisation. */
  maskWords?: Iterable<string>;
  /** Families to guess a parent from; without them the parent is "unassigned". */
  families?: readonly FamilyVocabulary[];
  /** Cosine (average linkage) below which two groups are not merged (default 0.12). */
  mergeThreshold?: number;
}

export interface SuggestionPhrase {
  phrase: string;
  /** Member verbatims that hold the phrase. */
  count: number;
}

export interface SuggestionQuote {
  verbatimId: string;
  sentence: string;
}

export interface ThemeSuggestion {
  /** "suggested." + a slug of the label; never an existing theme id. */
  id: string;
  label: string;
  /** Best-guess family, or "unassigned". */
  parent: string;
  size: number;
  phrases: SuggestionPhrase[];
  quotes: SuggestionQuote[];
  /** Member verbatim ids, sorted. */
  members: string[];
  /** A taxonomy theme entry to paste under `themes:`. */
  yaml: string;
}
