import type { Reject, RunCounts } from '../contracts/index.js';
import { InputError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import { int } from './format.js';

/** Share of a run's rows not analysed from which stderr lists why, with or without --out. */
const REJECT_WARNING_SHARE = 0.5;
const REASONS_SHOWN = 5;

/**
 * Why most of a run's rows were not analysed, for stderr: the most frequent causes (a
 * reject's message without its row or values) with their counts and the first row of each.
 * Undefined when at least half the rows were analysed. Reads the run's rejects once.
 */
async function rejectSummary(rejects: AsyncIterable<Reject>, counts: RunCounts, where: string): Promise<string | undefined> {
  const notAnalysed = counts.read - counts.analyzed;
  if (counts.read === 0 || notAnalysed / counts.read < REJECT_WARNING_SHARE) return undefined;
  const causes = new Map<string, { count: number; first: Reject }>();
  for await (const reject of rejects) {
    const key = reject.cause ?? reject.message;
    const seen = causes.get(key);
    if (seen) seen.count++;
    else causes.set(key, { count: 1, first: reject });
  }
  const top = [...causes.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, REASONS_SHOWN);
  const width = Math.max(...top.map(([, c]) => int(c.count).length));
  const share = Math.round((notAnalysed / counts.read) * 100);
  const lines = [
    `frictionlens: ${int(notAnalysed)} of ${int(counts.read)} rows (${share}%) were not analysed; the most frequent reasons:`,
    ...top.map(([cause, { count, first }]) => `  ${int(count).padStart(width)}  ${cause} (first: ${first.source} row ${first.row})`),
    ...(causes.size > REASONS_SHOWN ? [`  ... and ${causes.size - REASONS_SHOWN} other reasons`] : []),
    `  every row and its reason: ${where}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The end of `analyze` and `submit --wait`, once their outputs are written: the reasons on
 * stderr when at least half the rows were not analysed, and exit code 3 (InputError) when
 * none was, so a script never takes an empty result for a good one.
 */
export async function reportRejects(store: Pick<Store, 'rejects'>, runId: string, counts: RunCounts, where: string): Promise<void> {
  const summary = await rejectSummary(store.rejects(runId), counts, where);
  if (summary) process.stderr.write(summary);
  if (counts.read > 0 && counts.analyzed === 0) {
    throw new InputError(`no row was analysed: all ${int(counts.read)} rows read were rejected (the reasons are above)`);
  }
}
