import type { Analyzer } from '../../src/core/analyzer.js';
import type { Coverage } from '../../src/contracts/index.js';
import { analyzeVerbatim } from '../../src/core/analyze.js';
import { createPartial, foldAnalysis, HEADLINE_SCOPE } from '../../src/core/insights/fold.js';
import { coverageIn } from '../../src/core/insights/profile.js';

const FOLD = { bucketSize: 'week', by: [] } as const;

/**
 * The coverage of a set of texts as a run reports it (part 1's code: each analysis folded
 * into an insight partial, coverage read from its headline scope): the share of analysed
 * verbatims, and of negative ones, with a theme. A catch-all theme names no root cause, so
 * its mentions are dropped first, as `themes suggest` counts them uncovered.
 */
export function measureCoverage(analyzer: Analyzer, catchAll: ReadonlySet<string>, texts: readonly string[]): Coverage {
  const partial = createPartial('coverage', 'coverage', FOLD);
  texts.forEach((text, i) => {
    const out = analyzeVerbatim(analyzer, { id: `c${i}`, channel: 'other', text }, 'coverage');
    if (out.kind !== 'analysis') return;
    foldAnalysis(partial, { ...out.analysis, themes: out.analysis.themes.filter((t) => !catchAll.has(t.id)) }, FOLD);
  });
  return coverageIn(partial, [HEADLINE_SCOPE]);
}
