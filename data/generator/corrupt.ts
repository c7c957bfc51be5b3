import type { Verbatim } from '../../src/contracts/verbatim.js';
import type { Rng } from './prng.js';

/**
 * Why a planted row is invalid. Ingest rejects empty texts and bad scores; a bad date no
 * longer costs the row (its text is the point): it is analysed as an undated verbatim.
 */
export type InvalidReason = 'empty-text' | 'bad-score' | 'bad-date';
export const INVALID_REASONS: readonly InvalidReason[] = ['empty-text', 'bad-score', 'bad-date'];

/** A row as written: a verbatim, or one broken on purpose (so not a Verbatim any more). */
export type SourceRow = Readonly<Record<string, unknown>>;

const BAD_DATES = ['yesterday', '2026-13-45T10:00:00Z', '31/06/2026 14:00', 'not a date'] as const;
const BAD_SCORES: Readonly<Record<string, string>> = { nps: 'ten', csat: 'five', ces: 'three', rating: 'four' };

/** Breaks one thing in a valid verbatim, the way real exports do. */
export function corrupt(rng: Rng, verbatim: Verbatim, reason: InvalidReason): SourceRow {
  switch (reason) {
    case 'empty-text':
      return verbatim.turns === undefined
        ? { ...verbatim, text: rng.chance(0.5) ? '' : '   ' }
        : { ...verbatim, turns: verbatim.turns.map((t) => ({ ...t, text: '' })) };
    case 'bad-score': {
      const type = verbatim.score?.type ?? 'nps';
      return { ...verbatim, score: { type, value: BAD_SCORES[type] ?? 'ten', scale: verbatim.score?.scale ?? 10 } };
    }
    case 'bad-date':
      return { ...verbatim, createdAt: rng.pick(BAD_DATES) };
  }
}
