import { z } from 'zod';
import { Channel, Customer, Score } from './verbatim.js';

export const SentimentLabel = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const Sentiment = z.object({
  /** In [-1, 1]. */
  score: z.number().min(-1).max(1),
  label: SentimentLabel,
});
export type Sentiment = z.infer<typeof Sentiment>;

/** Character offsets into the analysis' redacted customer text. */
const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const ThemeMention = z.object({
  id: z.string(),
  confidence: z.number().min(0).max(1),
  sentiment: Sentiment,
  /** The matched words and the sentence they sit in. */
  evidence: z.object({ sentence: z.number().int().nonnegative(), span: Span, text: z.string() }),
  via: z.enum(['rule', 'model']),
});
export type ThemeMention = z.infer<typeof ThemeMention>;

const SentenceAnalysis = z.object({
  span: Span,
  sentiment: Sentiment,
  themes: z.array(z.string()),
});

export const Emotion = z.enum(['anger', 'frustration', 'confusion', 'delight']);
export type Emotion = z.infer<typeof Emotion>;

export const Signals = z.object({
  churnIntent: z.boolean(),
  effort: z.object({
    repeatContact: z.boolean(),
    transfer: z.boolean(),
    longWait: z.boolean(),
    /** 0 (no effort signal) .. 1 (all of them). */
    score: z.number().min(0).max(1),
  }),
  emotions: z.array(Emotion),
});
export type Signals = z.infer<typeof Signals>;

/**
 * A guard that altered or split the customer's text before analysis (src/core/text/guard.ts):
 * runs of a repeated character squeezed, over-long tokens replaced or cut, a long text parsed
 * in pieces.
 */
export const GuardFlag = z.enum(['squeezed', 'longToken', 'pieces']);
export type GuardFlag = z.infer<typeof GuardFlag>;

export const Analysis = z.object({
  verbatimId: z.string(),
  runId: z.string(),
  language: z.string(),
  channel: Channel,
  /** Absent for an undated verbatim: it counts in the whole run (bucket "*") only. */
  createdAt: z.string().optional(),
  /** The customer's words only (agent turns excluded), personal data redacted. */
  text: z.string(),
  sentiment: Sentiment,
  sentences: z.array(SentenceAnalysis),
  themes: z.array(ThemeMention),
  signals: Signals,
  keyPhrases: z.array(z.string()),
  /** Placeholders put in the text, by type: PII ("EMAIL", "PHONE", ...) and "LONG_TOKEN" (the guards). */
  redactions: z.record(z.string(), z.number().int()),
  /** Set only when a guard fired: which ones. */
  guarded: z.array(GuardFlag).optional(),
  modelVersion: z.string(),
  score: Score.optional(),
  customer: Customer.optional(),
  attributes: z.record(z.string(), z.string()).optional(),
});
export type Analysis = z.infer<typeof Analysis>;
