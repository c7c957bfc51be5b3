/**
 * Everything the per-verbatim analysis needs, loaded once at start-up and passed in.
 * Each field is filled by its own loader (src/load/*); the core never reads files.
 */
export interface Models {
  /** Identifies taxonomy + lexicons + trained models, stored on every analysis. */
  version: string;
  // The concrete model types are added as the stages land (nlp, redactor, sentiment, themes...).
  [part: string]: unknown;
}
