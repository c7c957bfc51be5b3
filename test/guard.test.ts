import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../src/contracts/index.js';
import { analyzeVerbatim } from '../src/core/analyze.js';
import type { Analyzer } from '../src/core/analyzer.js';
import { guardText, LONG_TOKEN, MAX_PIECE, MAX_RUN, MAX_TOKEN, pieceRanges } from '../src/core/text/guard.js';
import { loadAnalyzer } from '../src/load/analyzer.js';

let analyzer: Analyzer;
beforeAll(async () => {
  ({ analyzer } = await loadAnalyzer());
});

function analyse(text: string): Analysis {
  const outcome = analyzeVerbatim(analyzer, { id: 'v1', channel: 'chat', text, createdAt: '2026-01-01T00:00:00Z' }, 'run-1');
  if (outcome.kind !== 'analysis') throw new Error(`not analysed: ${JSON.stringify(outcome)}`);
  return outcome.analysis;
}

describe('the guards on a verbatim text', () => {
  it('leave ordinary feedback untouched and unflagged', () => {
    const text = 'My refund never came!!! Sooo annoying... Call me on +44 20 7946 0958 or see https://example.com/orders/123.';
    expect(guardText(text)).toEqual({ text, longTokens: 0, flags: [] });
    expect(analyse(text).guarded).toBeUndefined();
  });

  it('squeeze a run of one repeated character, but never digits', () => {
    const { text, flags } = guardText(`help${'!'.repeat(20_000)} nooooooo 4000000000000002 ${'😡'.repeat(9)}`);
    expect(text).toBe(`help${'!'.repeat(MAX_RUN)} ${'n'}${'o'.repeat(MAX_RUN)} 4000000000000002 ${'😡'.repeat(MAX_RUN)}`);
    expect(flags).toEqual(['squeezed']);
  });

  it('replace a token longer than the limit, counted like a redaction', () => {
    const blob = 'QUJD'.repeat(100);
    const { text, longTokens, flags } = guardText(`My refund never came. ${blob} and ${'a-'.repeat(10_000)}`);
    expect(text).toBe(`My refund never came. ${LONG_TOKEN} and ${LONG_TOKEN}`);
    expect(longTokens).toBe(2);
    expect(flags).toEqual(['longToken']);
    const longest = 'ab1-'.repeat(MAX_TOKEN / 4);
    expect(guardText(longest).text).toBe(longest);
    expect(guardText(`${longest}x`).text).toBe(LONG_TOKEN);
  });

  it('cut a long run of a script written without spaces instead of dropping it', () => {
    const chinese = '我的退款一直没有到账客服也不回复'.repeat(20);
    const { text, longTokens } = guardText(chinese);
    expect(longTokens).toBe(0);
    expect(text.replaceAll(' ', '')).toBe(chinese);
    expect(Math.max(...text.split(' ').map((t) => t.length))).toBeLessThanOrEqual(MAX_TOKEN);
    expect(analyzeVerbatim(analyzer, { id: 'v', channel: 'chat', text: chinese, createdAt: '2026-01-01T00:00:00Z' }, 'r').kind).toBe('unsupportedLanguage');
  });

  it('make other white space a plain space, so a token is what wink reads as one', () => {
    expect(guardText('late\u3000again\u2028twice').text).toBe('late again twice');
  });

  it('cut a long text into pieces at sentence ends, covering it whole', () => {
    const text = 'The parcel arrived late again. '.repeat(1_000);
    const ranges = pieceRanges(text);
    expect(ranges.length).toBeGreaterThan(1);
    expect(ranges[0]![0]).toBe(0);
    expect(ranges.at(-1)![1]).toBe(text.length);
    for (const [i, [start, end]] of ranges.entries()) {
      expect(end - start).toBeLessThanOrEqual(MAX_PIECE);
      if (i > 0) expect(start).toBe(ranges[i - 1]![1]);
      if (i < ranges.length - 1) expect(text.slice(end - 1, end + 1)).toBe('. ');
    }
  });
});

describe('the analysis of a guarded verbatim', () => {
  it('keeps the customer words around a replaced token and says which guard fired', () => {
    const analysis = analyse(`My refund never came ${'1'.repeat(20_000)}abc`);
    expect(analysis.text).toBe(`My refund never came ${LONG_TOKEN}`);
    expect(analysis.redactions).toEqual({ LONG_TOKEN: 1 });
    expect(analysis.guarded).toEqual(['longToken']);
    expect(analysis.themes.map((t) => t.id)).toContain('cancellation.refund-delay');
  });

  it('never reads the placeholder as a word ("long" would be evidence of a long wait)', () => {
    const analysis = analyse(`I waited ${'x1'.repeat(200)} on hold`);
    expect(analysis.keyPhrases.join(' ')).not.toMatch(/long|token/);
    const plain = analyse('I waited on hold');
    expect(analysis.themes.map((t) => t.id)).toEqual(plain.themes.map((t) => t.id));
    expect(analysis.signals).toEqual(plain.signals);
  });

  it('analyses every sentence of a text parsed in pieces, with offsets into the whole text', () => {
    const sentences = Array.from({ length: 600 }, (_, i) => `Order ${i} arrived damaged and late.`);
    const text = sentences.join(' ');
    const analysis = analyse(text);
    expect(analysis.guarded).toEqual(['pieces']);
    expect(analysis.sentences).toHaveLength(600);
    for (const [i, s] of analysis.sentences.entries()) expect(analysis.text.slice(s.span.start, s.span.end)).toBe(sentences[i]);
    const damaged = analysis.themes.find((t) => t.id === 'delivery.damaged-item');
    expect(damaged).toBeDefined();
    expect(analysis.text.slice(damaged!.evidence.span.start, damaged!.evidence.span.end)).toBe(damaged!.evidence.text);
  });
});
