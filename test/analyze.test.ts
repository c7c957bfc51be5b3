import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../src/contracts/index.js';
import { analyzeVerbatim } from '../src/core/analyze.js';
import type { Analyzer } from '../src/core/analyzer.js';
import { loadAnalyzer } from '../src/load/analyzer.js';

let analyzer: Analyzer;
beforeAll(async () => {
  ({ analyzer } = await loadAnalyzer());
});

function analyse(text: string): Analysis {
  const outcome = analyzeVerbatim(analyzer, { id: 'v1', channel: 'review', text, createdAt: '2026-01-01T00:00:00Z' }, 'run-1');
  if (outcome.kind !== 'analysis') throw new Error(`not analysed: ${outcome.kind}`);
  return outcome.analysis;
}

const mentionLabel = (text: string, themeId: string): string | undefined => analyse(text).themes.find((t) => t.id === themeId)?.sentiment.label;

describe('the tone of a theme mention in a sentence with no sentiment words', () => {
  it('is negative for a complaint stated flatly', () => {
    expect(mentionLabel('The jeans run small.', 'product.sizing-fit')).toBe('negative');
    expect(mentionLabel('My parcel came a week after the estimated date.', 'delivery.late')).toBe('negative');
  });

  it('is positive for praise stated flatly', () => {
    expect(mentionLabel('It arrived a day earlier than expected.', 'delivery.late')).toBe('positive');
  });

  it('is positive for a negated complaint', () => {
    expect(mentionLabel('The waist is not too tight.', 'product.sizing-fit')).toBe('positive');
  });

  it('stays neutral for a topic that only names the theme', () => {
    expect(mentionLabel('I usually wear a size 8.', 'product.sizing-fit')).toBe('neutral');
  });

  it('takes the tone of its own clause when the sentence turns on a contrast', () => {
    expect(mentionLabel('This dress is so pretty and the colour is lovely, but it runs small.', 'product.sizing-fit')).toBe('negative');
    expect(mentionLabel('It runs a little small, but the fabric is gorgeous and soft.', 'product.sizing-fit')).toBe('negative');
  });

  it('prefers the complaint to the topic as evidence in the same sentence', () => {
    const [fit] = analyse('I would get a size down because it runs a little big.').themes.filter((t) => t.id === 'product.sizing-fit');
    expect(fit?.evidence.text).toMatch(/little big/);
    expect(fit?.sentiment.label).toBe('negative');
  });
});
