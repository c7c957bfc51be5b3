import type { SentimentLabel } from '../../contracts/index.js';
import type { Token } from '../text/types.js';

/**
 * One sentence no theme covered (or only a catch-all theme did), as theme discovery sees it.
 * Discovery works on sentences, not whole verbatims: a verbatim that names a known theme in
 * one sentence and a new friction in the next still holds something to discover.
 */
export interface DiscoveryUnit {
  verbatimId: string;
  /** Index of the sentence in the analysis. */
  sentence: number;
  /** The sentence's redacted text, as quoted. */
  text: string;
  /** The sentence parsed (lemmas, POS, token types, negation), offsets into `text`. */
  tokens: readonly Token[];
  /** The sentence's sentiment label from the analysis. */
  sentiment: SentimentLabel;
}

/** A theme's words (name, description, patterns), stemmed, weighted and normalised (parent.ts). */
export interface ThemeVocabulary {
  id: string;
  words: ReadonlyMap<string, number>;
}

/** A family, its owner and its themes' words, for guessing a suggestion's parent by content. */
export interface FamilyVocabulary {
  id: string;
  owner: string;
  themes: readonly ThemeVocabulary[];
}

/** How a sentence's words are read: which names to mask, which words only carry opinion. */
export interface DescribeOptions {
  /** Brand, company or product names to mask on top of the ones detected from capitalisation. */
  maskWords?: Iterable<string>;
  /**
   * A word's sentiment valence (0 when it carries none), from the loaded lexicon. A sentence
   * made only of opinion words ("Very disappointing.") names no cause and is left out; a
   * negative word or a negator makes a sentence a complaint. Without it, only negators and
   * the sentence's own sentiment tell complaints apart.
   */
  valence?: (word: string) => number;
}

/** A sentence reduced to what grouping needs (terms.ts): small enough to hold by the hundred thousand. */
export interface DescribedUnit {
  verbatimId: string;
  sentence: number;
  text: string;
  /** Lemmas, negated lemmas and two-word phrases; null when the sentence names nothing but opinion. */
  terms: string[] | null;
  /** A negative sentence, or a neutral one with a negator or a negative word. */
  complaint: boolean;
}

export interface SuggestOptions {
  /** Smallest group worth suggesting, in distinct verbatims with a complaining sentence in it (default 10). */
  minSize?: number;
  /** At most this many suggestions, those with most complaining verbatims first (default 30). */
  maxSuggestions?: number;
  /** Ids already in the taxonomy (themes and families): a suggested id never equals one of them. */
  existingIds: ReadonlySet<string>;
  /**
   * Share of a group's sentences that must complain (a negative sentence, or a neutral one
   * with a negator or a negative word) for it to be suggested as a friction theme (default 0.3): groups of greetings,
   * context ("I ordered on Friday") or praise are not frictions.
   */
  minComplaintShare?: number;
  /** Families to guess a parent from (at least one: a suggestion must load as a taxonomy theme). */
  families: readonly FamilyVocabulary[];
  /** Average-linkage cosine below which two groups are not merged (default 0.2). */
  mergeThreshold?: number;
  /** Cosine of two groups' context profiles at which they are joined as one complaint in other words (default 0.6). */
  joinThreshold?: number;
  /** At most this many distinct sentence vectors are clustered; the rest join the nearest group (default 2000). */
  maxClustered?: number;
}

interface SuggestionPhrase {
  phrase: string;
  /** Member sentences that hold the phrase. */
  count: number;
}

interface SuggestionQuote {
  verbatimId: string;
  sentence: string;
}

export interface ThemeSuggestion {
  /** "suggested." + a slug of the label; never an existing theme or family id. */
  id: string;
  label: string;
  /** Best-guess family: that of the existing theme nearest the group by content; and its owner ("unassigned" when no theme is near). */
  parent: string;
  owner: string;
  /** The existing theme nearest the group by content, or null: no close theme (parent is then only a placeholder). */
  nearestTheme: string | null;
  /** Distinct verbatims in the group. */
  size: number;
  /** Member sentences (a verbatim may give more than one). */
  sentences: number;
  /** Share of member sentences that complain: negative, or neutral with a negator or a negative word. */
  complaintShare: number;
  phrases: SuggestionPhrase[];
  /** Up to 5 member sentences nearest the group's centre, distinct texts. */
  quotes: SuggestionQuote[];
  /** Member verbatim ids, sorted. */
  members: string[];
  /** A taxonomy theme entry to paste under `themes:`. */
  yaml: string;
}

/** What `suggestThemes` found, with the counts a user needs to judge it. */
export interface DiscoveryResult {
  /** Sentences no theme (other than a catch-all) covered. */
  uncovered: number;
  /** Of those, sentences with a content word left after masking (the ones grouped). */
  grouped: number;
  suggestions: ThemeSuggestion[];
}
