import { z } from 'zod';

/**
 * Why an input row did not become an analysis. Every row read ends as an analysis or as
 * exactly one of these, so `read = analyzed + rejected + duplicates + unsupportedLanguage`
 * ('invalid' and 'timeout' both count as rejected). 'timeout': a well-formed row whose
 * analysis ran past a worker's time budget and was stopped; unlike an invalid row there is
 * nothing in it to fix, so it has a reason of its own (a user may raise the budget or report it).
 */
const RejectReason = z.enum(['invalid', 'duplicate', 'unsupportedLanguage', 'timeout']);

export const Reject = z.object({
  runId: z.string(),
  /** Source file (as given) and 1-based row / line / element number in it. */
  source: z.string(),
  row: z.number().int().positive(),
  reason: RejectReason,
  /** A sentence a user can act on, e.g. "score.value: expected a number, got 'ten'". */
  message: z.string(),
  /**
   * What went wrong, without the row or any value ("score.nps: not a number"): what a run's
   * summary of its rejects groups them by.
   */
  cause: z.string().optional(),
  verbatimId: z.string().optional(),
  language: z.string().optional(),
});
export type Reject = z.infer<typeof Reject>;
