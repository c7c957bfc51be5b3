import type { Analysis, SentimentLabel } from '../../src/contracts/index.js';

const label = (s: number): SentimentLabel => (s < -0.05 ? 'negative' : s > 0.05 ? 'positive' : 'neutral');

/** A hand-made analysis for insight tests: themes given as [id, sentiment] pairs. */
export function makeAnalysis(
  id: string,
  opts: {
    themes?: Array<[string, number]>;
    sentiment?: number;
    nps?: number;
    createdAt?: string;
    channel?: Analysis['channel'];
    segment?: string;
    value?: number;
    churn?: boolean;
  } = {},
): Analysis {
  const sentiment = opts.sentiment ?? 0;
  const text = `Verbatim ${id} text about things.`;
  return {
    verbatimId: id,
    runId: 'run-1',
    language: 'en',
    channel: opts.channel ?? 'survey',
    createdAt: opts.createdAt ?? '2026-06-03T10:00:00Z',
    text,
    sentiment: { score: sentiment, label: label(sentiment) },
    sentences: [{ span: { start: 0, end: text.length }, sentiment: { score: sentiment, label: label(sentiment) }, themes: [] }],
    themes: (opts.themes ?? []).map(([themeId, s]) => ({
      id: themeId,
      confidence: 0.9,
      sentiment: { score: s, label: label(s) },
      evidence: { sentence: 0, span: { start: 0, end: 8 }, text: 'Verbatim' },
      via: 'rule' as const,
    })),
    signals: {
      churnIntent: opts.churn ?? false,
      effort: { repeatContact: false, transfer: false, longWait: false, score: 0 },
      emotions: [],
    },
    keyPhrases: [],
    redactions: {},
    modelVersion: 'test',
    ...(opts.nps !== undefined ? { score: { type: 'nps' as const, value: opts.nps, scale: 10 } } : {}),
    customer: { segment: opts.segment ?? 'consumer', ...(opts.value !== undefined ? { value: opts.value } : {}) },
  };
}
