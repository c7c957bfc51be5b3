import type { Coverage } from '../../contracts/index.js';

/** Under this share of negative verbatims with a theme, the taxonomy misses too much: said, with `themes suggest`. */
const LOW_NEGATIVE_COVERAGE = 0.6;

/** Whether the themes leave too many complaints unexplained (the CLI, the report and the dashboard all say so). */
export const isLowCoverage = (coverage: Coverage): boolean => coverage.negativeShare < LOW_NEGATIVE_COVERAGE;
