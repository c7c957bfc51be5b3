import type { Score } from '../../src/contracts/verbatim.js';
import type { InvalidReason } from './corrupt.js';
import type { PiiKind } from './noise.js';
import type { Polarity, ThemeId } from './theme-ids.js';

export interface TruthVerbatim {
  file: string;
  createdAt: string;
  score?: Pick<Score, 'type' | 'value'>;
  themes: Array<{ id: ThemeId; polarity: Polarity }>;
}

export interface FileTruth {
  format: string;
  /** Data rows (no header); rows = valid + invalid.length + duplicates.length. */
  rows: number;
  valid: number;
  invalid: Array<{ row: number; id: string; reason: InvalidReason }>;
  /** Exact copies of an earlier valid row (same id, same bytes). */
  duplicates: Array<{ row: number; id: string; ofRow: number }>;
}

/** The planted ground truth a quality benchmark scores the pipeline against. */
export interface Truth {
  seed: number;
  window: { from: string; to: string };
  drivers: {
    score: 'nps';
    model: Readonly<Record<string, number>>;
    planted: ReadonlyArray<{ theme: ThemeId; effect: number }>;
    /** Most negative impact first: impact_t = NPS(all) - NPS(responses not mentioning t). */
    expectedOrder: ThemeId[];
  };
  spike: {
    theme: ThemeId;
    factor: number;
    from: string;
    to: string;
    /** Measured on the truth: mentions per day before and inside the spike window. */
    perDayBefore: number;
    perDayDuring: number;
  };
  files: Record<string, FileTruth>;
  pii: Array<{ id: string; kind: PiiKind; value: string }>;
  verbatims: Record<string, TruthVerbatim>;
}

const LEAF_OBJECT = /\{\n\s+([^{}[\]]*?)\n\s*\}/g;

/** Pretty head, then one verbatim per line: readable, diffable, and a third of the size. */
export function formatTruth(truth: Truth): string {
  const { verbatims, ...head } = truth;
  // Leaf objects (a planted driver, an invalid row) read best on one line each.
  const headJson = JSON.stringify(head, null, 2).replace(
    LEAF_OBJECT,
    (_, body: string) =>
      `{ ${body
        .trim()
        .split(/,\n\s*/)
        .join(', ')} }`,
  );
  const entries = Object.entries(verbatims).map(([id, v]) => `    ${JSON.stringify(id)}: ${JSON.stringify(v)}`);
  return `${headJson.slice(0, -2)},\n  "verbatims": {\n${entries.join(',\n')}\n  }\n}\n`;
}
