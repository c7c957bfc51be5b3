import { Analysis, type Verbatim } from '../../src/contracts/index.js';
import { analyzeVerbatim } from '../../src/core/analyze.js';
import type { Analyzer } from '../../src/core/analyzer.js';
import { formatIssues } from '../../src/errors/index.js';

const verbatimOf = (text: string): Verbatim => ({ id: 'fuzz', channel: 'chat', text, createdAt: '2026-01-01T00:00:00Z' });

/**
 * Analyses `text` and checks what every outcome must be: no throw (the caller sees it), an
 * analysis that satisfies the contract with every span inside its own text, or a reject
 * with a reason. Returns a problem, or undefined.
 */
export function checkOutcome(analyzer: Analyzer, text: string): string | undefined {
  const outcome = analyzeVerbatim(analyzer, verbatimOf(text), 'run-fuzz');
  if (outcome.kind === 'unsupportedLanguage') return outcome.language ? undefined : 'unsupportedLanguage without a language';
  if (outcome.kind === 'invalid') return text.trim() === '' ? undefined : `invalid for a non-blank text: ${outcome.message}`;
  const parsed = Analysis.safeParse(outcome.analysis);
  if (!parsed.success) return `analysis breaks the contract: ${formatIssues(parsed.error, { max: 3 })}`;
  const a = outcome.analysis;
  const inside = (s: { start: number; end: number }): boolean => s.start <= s.end && s.end <= a.text.length;
  const badSentence = a.sentences.findIndex((s, i) => !inside(s.span) || (i > 0 && s.span.start < a.sentences[i - 1]!.span.end));
  if (badSentence >= 0) return `sentence ${badSentence} out of order or outside the text`;
  for (const t of a.themes) {
    if (!inside(t.evidence.span) || a.text.slice(t.evidence.span.start, t.evidence.span.end) !== t.evidence.text)
      return `theme ${t.id}: evidence span does not hold its text`;
    if (t.evidence.sentence >= a.sentences.length) return `theme ${t.id}: evidence in sentence ${t.evidence.sentence} of ${a.sentences.length}`;
  }
  return undefined;
}

/**
 * Milliseconds to analyse `text` (best of three after one warm-up run, the least noisy figure
 * on a shared machine) and what it became: a text told apart as another language stops
 * early, so two times compare only when both became the same.
 */
export function timedAnalysis(analyzer: Analyzer, text: string): { ms: number; kind: string } {
  const { kind } = analyzeVerbatim(analyzer, verbatimOf(text), 'run');
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    analyzeVerbatim(analyzer, verbatimOf(text), 'run');
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, kind };
}

/**
 * t(4n) / t(n) for a text made to n and 4n characters, or undefined when the two did not
 * become the same kind of outcome. A ratio of `suspect` or more is measured again (twice at
 * most) and the lowest kept: a burst of load on a shared machine is not a quadratic.
 */
export function growth(analyzer: Analyzer, text: (length: number) => string, n: number, suspect = 10): { ratio: number; ms: [number, number] } | undefined {
  let best: { ratio: number; ms: [number, number] } | undefined;
  for (let attempt = 0; attempt < 3 && (best === undefined || best.ratio >= suspect); attempt++) {
    const small = timedAnalysis(analyzer, text(n));
    const large = timedAnalysis(analyzer, text(4 * n));
    if (small.kind !== large.kind) return undefined;
    // Under 2 ms the timer's noise dominates.
    const ratio = large.ms / Math.max(small.ms, 2);
    if (best === undefined || ratio < best.ratio) best = { ratio, ms: [small.ms, large.ms] };
  }
  return best;
}
