import type { Coverage } from '../contracts/index.js';
import { isLowCoverage } from '../core/insights/low-coverage.js';
import { int, pct } from './format.js';

/**
 * Under the run's counts: how much the themes explain, so a table at 24% coverage does not
 * look as sure as one at 95% (under LOW_NEGATIVE_COVERAGE, a warning says what to do:
 * lowCoverageWarning, among the run's warnings).
 */
export function coverageNote(coverage: Coverage | undefined): string {
  if (!coverage || coverage.verbatims === 0) return '';
  return `\n     ${coverageLine(coverage)}`;
}

export const coverageLine = (coverage: Coverage): string =>
  `coverage: ${pct(coverage.share)} of analysed verbatims (${int(coverage.themed)} of ${int(coverage.verbatims)}) and ` +
  `${pct(coverage.negativeShare)} of negative ones (${int(coverage.themedNegative)} of ${int(coverage.negative)}) mention a theme`;

/** Under LOW_NEGATIVE_COVERAGE of the negative verbatims with a theme: said, with the way to find what the taxonomy misses. */
export function lowCoverageWarning(coverage: Coverage): string | null {
  if (!isLowCoverage(coverage)) return null;
  return (
    `only ${pct(coverage.negativeShare)} of negative verbatims mention a theme: the taxonomy misses much of what customers complain about; ` +
    `'frictionlens themes suggest FILE...' proposes themes from what it did not cover`
  );
}
