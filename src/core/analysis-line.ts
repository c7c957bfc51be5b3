import type { Analysis } from '../contracts/index.js';

/**
 * One line of analyses.jsonl: what a verbatim became, with what to pivot on in a
 * spreadsheet or a notebook: the redacted customer text (the words every figure comes
 * from) and the score, customer and attributes as mapped from the source. Sentence spans
 * and evidence spans (character offsets into `text`) let a reader mark the words a theme
 * was found in and each sentence's sentiment (the dashboard does).
 */
export function analysisLine(a: Analysis): Record<string, unknown> {
  return {
    id: a.verbatimId,
    channel: a.channel,
    createdAt: a.createdAt,
    language: a.language,
    text: a.text,
    ...(a.score ? { score: a.score } : {}),
    ...(a.customer ? { customer: a.customer } : {}),
    ...(a.attributes ? { attributes: a.attributes } : {}),
    sentiment: a.sentiment,
    sentences: a.sentences.map((s) => ({ span: s.span, sentiment: s.sentiment })),
    themes: a.themes.map((t) => ({
      id: t.id,
      confidence: t.confidence,
      sentiment: t.sentiment,
      evidence: t.evidence.text,
      span: t.evidence.span,
      sentence: t.evidence.sentence,
      via: t.via,
    })),
    signals: a.signals,
    keyPhrases: a.keyPhrases,
    ...(a.guarded ? { guarded: a.guarded } : {}),
  };
}
