import type { SentimentLabel, Signals } from '../contracts/index.js';
import type { ClauseScore } from './sentiment/score.js';
import type { Doc } from './text/types.js';

/** A theme found in a sentence, with the matched words as evidence. */
export interface ThemeHit {
  themeId: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
  confidence: number;
  /** 'model' for a trained model's match; rules by default. */
  via?: 'rule' | 'model';
  /**
   * How a rule matched: a complaint pattern ('phrase', 'all'), a praise pattern ('praise'),
   * or words that only name the theme ('topic', 'lemma').
   */
  kind?: 'lemma' | 'topic' | 'praise' | 'phrase' | 'all';
  /** The matched words sit in a negated scope their pattern does not name ("not too tight"). */
  negated?: boolean;
}

/**
 * The declared, ordered stages of per-verbatim analysis (wink-nlp's idea: read the text
 * once into one document, each stage annotates it). Each is built once from loaded models
 * by src/load/models.ts and passed in; `analyzeVerbatim` never reaches for a global.
 */
export interface Analyzer {
  /** Identifies taxonomy, lexicons and trained models; stored on every analysis. */
  version: string;
  /**
   * Called as a batch begins: the parser forgets what it learnt from earlier texts (see
   * Nlp in text/nlp.ts), so a batch's analyses are the same on any thread or worker.
   */
  beginBatch?(): void;
  redact(text: string): { text: string; counts: Partial<Record<string, number>> };
  detectLanguage(text: string): { language: string; confident: boolean };
  parse(text: string): Doc;
  /** Sentence and verbatim scores; `clauses` splits the sentences that turn on a contrast. */
  sentiment(doc: Doc): { sentences: number[]; overall: number; clauses?: Array<ClauseScore[] | undefined> };
  label(score: number): SentimentLabel;
  /** Rule matches (taxonomy). */
  themes(doc: Doc): ThemeHit[];
  /** Trained-model matches, for recall where the rules miss (optional). */
  modelThemes?(doc: Doc): ThemeHit[];
  /**
   * The tone a hit carries in a sentence without one of its own: a complaint stated flatly
   * ("my parcel came a week late") is negative, praise ("arrived a day early") positive.
   */
  flatTone(hit: ThemeHit): 'negative' | 'positive' | undefined;
  signals(doc: Doc, sentenceScores: readonly number[]): Signals;
  keyPhrases(doc: Doc): string[];
}
