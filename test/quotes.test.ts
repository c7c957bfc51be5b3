import { describe, expect, it } from 'vitest';
import type { QuoteCandidate } from '../src/core/insights/partial-types.js';
import { offerQuote, topQuotes } from '../src/core/insights/quotes.js';

const candidate = (verbatimId: string, rank: string): QuoteCandidate => ({
  verbatimId,
  text: verbatimId,
  sentiment: -0.5,
  channel: 'chat',
  createdAt: '2026-01-01T00:00:00Z',
  rank,
});

describe('representative quotes', () => {
  it('keep the same top 3 whether offered one at a time or merged as lists', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 200; round++) {
      const offered = Array.from({ length: 1 + (next() % 12) }, () => candidate(`v${next() % 6}`, String(next() % 50).padStart(2, '0')));
      const kept: QuoteCandidate[] = [];
      for (const q of offered) offerQuote(kept, q);
      expect(kept).toEqual(topQuotes([], offered));
    }
  });
});
