/**
 * Why `id` cannot name a run, or null when it can. A run id becomes BullMQ job ids
 * (run-flow.ts), and BullMQ refuses an integer id ("123", "-5") and one with ':' (its key
 * separator) only when the job is added, after the run would be stored. Run ids are kept to
 * a plain alphabet, with at least one letter, which newRunId's ids (run-20261125-ac75b8f9)
 * and any hand-picked name of words and numbers fit.
 */
export function runIdProblem(id: string): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id))
    return `'${id}' is not a run id: use up to 128 letters, digits, '.', '_' and '-', starting with a letter or digit`;
  if (!/[A-Za-z]/.test(id)) return `'${id}' is not a run id: it needs a letter (an all-digit id cannot name the run's jobs)`;
  return null;
}
