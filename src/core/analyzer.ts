import type { SentimentLabel, Signals } from '../contracts/index.js';
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
  /** How a rule matched: a bare topic word ('lemma') or a complaint pattern ('phrase', 'all'). */
  kind?: 'lemma' | 'phrase' | 'all';
}

/**
 * The declared, ordered stages of per-verbatim analysis (wink-nlp's idea: read the text
 * once into one document, each stage annotates it). Each is built once from loaded models
 * by src/load/models.ts and passed in; `analyzeVerbatim` never reaches for a global.
 */
export interface Analyzer {
  /** Identifies taxonomy, lexicons and trained models; stored on every analysis. */
  version: string;
  redact(text: string): { text: string; counts: Partial<Record<string, number>> };
  detectLanguage(text: string): { language: string; confident: boolean };
  parse(text: string): Doc;
  sentiment(doc: Doc): { sentences: number[]; overall: number };
  label(score: number): SentimentLabel;
  /** Rule matches (taxonomy). */
  themes(doc: Doc): ThemeHit[];
  /** Trained-model matches, for recall where the rules miss (optional). */
  modelThemes?(doc: Doc): ThemeHit[];
  /** Whether a hit in a neutral sentence still counts as a negative mention (a flat complaint). */
  flatComplaint(hit: ThemeHit): boolean;
  signals(doc: Doc, sentenceScores: readonly number[]): Signals;
  keyPhrases(doc: Doc): string[];
}
