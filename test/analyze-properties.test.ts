import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../src/core/analyzer.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { checkOutcome, growth, timedAnalysis } from './fuzz/analysis-checks.js';
import { adversarialUnit, repeatTo, verbatimText } from './fuzz/texts.js';

/**
 * Property tests of the per-verbatim analysis over what chats carry: random Unicode (emoji,
 * RTL, zero-width and combining marks, NULs, lone surrogates), long tokens, repeated
 * punctuation, numerals glued to words. A fixed seed here; `npm run fuzz` runs many more.
 */
const SEED = 15;

let analyzer: Analyzer;
beforeAll(async () => {
  ({ analyzer } = await loadAnalyzer());
});

const analysisMs = (text: string): number => timedAnalysis(analyzer, text).ms;

describe('the analysis of any text', () => {
  it('never throws and gives a valid analysis or a reject with a reason', () => {
    fc.assert(
      fc.property(verbatimText, (text) => {
        expect(checkOutcome(analyzer, text)).toBeUndefined();
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('takes time linear in the length of the text (4x the text, well under 10x the time)', () => {
    fc.assert(
      fc.property(adversarialUnit, (unit) => {
        // Quadratic growth gives 16x; linear 4x.
        const g = growth(analyzer, (length) => repeatTo(unit, length), 12_000);
        if (g) expect(g.ratio, `unit ${JSON.stringify(unit)}: ${g.ms[0].toFixed(1)} ms -> ${g.ms[1].toFixed(1)} ms`).toBeLessThan(10);
      }),
      { seed: SEED, numRuns: 8 },
    );
  }, 120_000);

  it('keeps the cases the guards were written for within twice a normal text of the same length', () => {
    const normal = 'The parcel arrived late and the box was damaged, so I asked for my refund twice. ';
    for (const tail of [`${'1'.repeat(20_000)}abc`, 'a-'.repeat(10_000), `help${'!'.repeat(20_000)}`, 'a'.repeat(70_000)]) {
      const text = `My refund never came. ${tail}`;
      const baseline = analysisMs(repeatTo(normal, text.length));
      expect(analysisMs(text), tail.slice(0, 12)).toBeLessThan(2 * baseline + 5);
    }
  });
});
