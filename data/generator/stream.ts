import { createChunkedFile } from './chunked-file.js';
import { createCustomerPool } from './customers.js';
import { CSV_HEADER } from './formats.js';
import { createMentionPlanner } from './plan.js';
import { createRng } from './prng.js';
import { mixedScores, nps, type ScorePolicy } from './record.js';
import { SAMPLE_SPECS } from './samples.js';
import { generateSource, type SourceSpec } from './source.js';
import { SPIKE } from './window.js';

export interface StreamOptions {
  path: string;
  rows: number;
  format: 'csv' | 'jsonl';
  seed: number;
}

export interface StreamSummary {
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  bytes: number;
}

/**
 * Streams a benchmark file of any size: rows are generated one at a time and written with
 * backpressure (wait for 'drain' when the stream's buffer is full), so memory stays flat.
 */
export async function streamRows(options: StreamOptions): Promise<StreamSummary> {
  const base = SAMPLE_SPECS.find((s) => s.spec.format === options.format);
  if (base === undefined) throw new Error(`generator: no sample spec for format ${options.format}`);
  const spec: SourceSpec = { ...base.spec, name: options.path, rows: options.rows, idPrefix: options.format === 'csv' ? 'sv' : 'fb' };
  const scores: ScorePolicy = options.format === 'csv' ? (_rng, _channel, latent) => nps(latent) : mixedScores;
  const ctx = {
    customers: createCustomerPool(createRng(options.seed), Math.max(2500, Math.min(200_000, Math.floor(options.rows / 4)))),
    planner: createMentionPlanner({ theme: SPIKE.theme, factor: SPIKE.factor, fromMs: Date.parse(SPIKE.from) }),
    scores,
  };
  const file = createChunkedFile(options.path, options.format === 'csv' ? CSV_HEADER : '');
  const summary: StreamSummary = { rows: 0, valid: 0, invalid: 0, duplicates: 0, bytes: 0 };
  try {
    for (const item of generateSource(createRng(options.seed + 7919), ctx, spec)) {
      summary.rows += 1;
      if (item.kind === 'valid') summary.valid += 1;
      else if (item.kind === 'invalid') summary.invalid += 1;
      else summary.duplicates += 1;
      await file.add(item.line);
    }
    summary.bytes = await file.close();
  } catch (error) {
    file.abort();
    throw error;
  }
  return summary;
}
