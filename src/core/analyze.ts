import type { Analysis, Sentiment, ThemeMention, Verbatim } from '../contracts/index.js';
import type { Analyzer, ThemeHit } from './analyzer.js';
import { customerText } from './customer-text.js';
import { decodeHtmlEntities } from './text/html-entities.js';
import { guardText } from './text/guard.js';
import { parseInPieces } from './text/parse-pieces.js';

export type VerbatimOutcome =
  | { kind: 'analysis'; analysis: Analysis }
  | { kind: 'unsupportedLanguage'; language: string }
  | { kind: 'invalid'; message: string };

/**
 * Analyses one verbatim: HTML character references decoded (text/html-entities.ts), guard the text first (no token, run or parse long enough to make a
 * regex of ours or of wink's backtrack: text/guard.ts), redact (nothing downstream sees
 * personal data), check the language, then parse once and annotate: sentence sentiment,
 * themes per sentence, signals, key phrases. Pure: the same verbatim and analyzer give the
 * same analysis, in time linear in the length of its text.
 */
export function analyzeVerbatim(analyzer: Analyzer, verbatim: Verbatim, runId: string): VerbatimOutcome {
  // Decoded before anything reads it: redaction, language, parse and every offset of the
  // analysis are on the text as the customer wrote it ("&" rather than "&amp;").
  const raw = decodeHtmlEntities(customerText(verbatim));
  if (!raw) return { kind: 'invalid', message: 'turns: no customer words to analyse (only agent, bot or system turns)' };
  const guarded = guardText(raw);
  const redacted = analyzer.redact(guarded.text);
  const language = analyzer.detectLanguage(redacted.text);
  if (language.language !== 'en') return { kind: 'unsupportedLanguage', language: language.language };

  const { doc, pieces } = parseInPieces((text) => analyzer.parse(text), redacted.text);
  const flags = pieces > 1 ? [...guarded.flags, 'pieces' as const] : guarded.flags;
  const counts = { ...redacted.counts, LONG_TOKEN: guarded.longTokens };
  const scores = analyzer.sentiment(doc);
  const sentiment = (score: number): Sentiment => ({ score: clamp(score), label: analyzer.label(score) });
  const allHits = [...analyzer.themes(doc), ...(analyzer.modelThemes?.(doc) ?? [])];
  const hits = strongestPerTheme(allHits);
  const sentenceThemes = themesBySentence(allHits, doc.sentences.length);
  const themes: ThemeMention[] = hits.map((hit) => ({
    id: hit.themeId,
    confidence: hit.confidence,
    sentiment: mentionSentiment(analyzer, hit, mentionScore(scores, hit)),
    evidence: { sentence: hit.sentence, span: { start: hit.start, end: hit.end }, text: hit.text },
    via: hit.via ?? 'rule',
  }));
  const sentences = doc.sentences.map((s, i) => ({
    span: { start: s.start, end: s.end },
    sentiment: sentiment(scores.sentences[i] ?? 0),
    themes: sentenceThemes[i] ?? [],
  }));

  return {
    kind: 'analysis',
    analysis: {
      verbatimId: verbatim.id,
      runId,
      language: language.language,
      channel: verbatim.channel,
      ...(verbatim.createdAt === undefined ? {} : { createdAt: verbatim.createdAt }),
      text: redacted.text,
      sentiment: sentiment(scores.overall),
      sentences,
      themes,
      signals: analyzer.signals(doc, scores.sentences),
      keyPhrases: analyzer.keyPhrases(doc),
      redactions: Object.fromEntries(Object.entries(counts).filter((e): e is [string, number] => (e[1] ?? 0) > 0)),
      ...(flags.length > 0 ? { guarded: flags } : {}),
      modelVersion: analyzer.version,
      ...(verbatim.score ? { score: verbatim.score } : {}),
      ...(verbatim.customer ? { customer: verbatim.customer } : {}),
      ...(verbatim.attributes ? { attributes: verbatim.attributes } : {}),
    },
  };
}

const clamp = (x: number): number => Math.max(-1, Math.min(1, x));

/**
 * Every theme each sentence speaks of, not only the mentions chosen as the verbatim's
 * evidence: a sentence that repeats a theme is covered (discovery must not see it as new).
 * Sorted and distinct, built in one pass over the hits.
 */
function themesBySentence(hits: readonly ThemeHit[], sentences: number): string[][] {
  const out: string[][] = Array.from({ length: sentences }, () => []);
  for (const h of hits) {
    const list = out[h.sentence];
    if (list && !list.includes(h.themeId)) list.push(h.themeId);
  }
  for (const list of out) if (list.length > 1) list.sort();
  return out;
}

/** One mention per theme per verbatim: its strongest evidence (earliest on ties; rules win ties with models). */
function strongestPerTheme(hits: readonly ThemeHit[]): ThemeHit[] {
  const best = new Map<string, ThemeHit>();
  for (const h of hits) {
    const current = best.get(h.themeId);
    if (!current || h.confidence > current.confidence) best.set(h.themeId, h);
  }
  return [...best.values()].sort((a, b) => a.sentence - b.sentence || a.start - b.start || a.themeId.localeCompare(b.themeId));
}

/**
 * The score of the clause holding the mention where its sentence turns on a contrast ("so
 * cute, but it runs small": the fit mention is the complaint), else of the sentence.
 */
function mentionScore(scores: ReturnType<Analyzer['sentiment']>, hit: ThemeHit): number {
  const clause = scores.clauses?.[hit.sentence]?.find((c) => hit.start >= c.start && hit.start < c.end);
  return clause?.score ?? scores.sentences[hit.sentence] ?? 0;
}

/**
 * A mention takes its sentence's sentiment. A complaint stated flatly ("my parcel came a
 * week late" scores neutral on any lexicon) still counts as negative, praise stated flatly
 * ("it arrived a day early") as positive; a topic in a neutral sentence ("I ordered my usual
 * size") stays neutral.
 */
function mentionSentiment(analyzer: Analyzer, hit: ThemeHit, sentenceScore: number): Sentiment {
  const label = analyzer.label(sentenceScore);
  const tone = label === 'neutral' ? analyzer.flatTone(hit) : undefined;
  return { score: clamp(sentenceScore), label: tone ?? label };
}
