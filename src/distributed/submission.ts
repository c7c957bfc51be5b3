import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { InputError } from '../errors/index.js';
import type { RunInput } from '../ingest/run-input.js';

/** A batch run as `submit` describes it: the files and the same ingest flags as `analyze`. */
export interface Submission extends RunInput {
  sources: string[];
  batchSize: number;
}

/**
 * Identifies what the batches of a run are made of: the files (path, size, modification
 * time) and every flag that changes the ingest items. Resubmitting a run must give the same
 * fingerprint, so its batches get the same keys and nothing is counted twice.
 */
export async function submissionFingerprint(s: Submission): Promise<string> {
  const files = await Promise.all(
    s.sources.map(async (path) => {
      const info = await stat(path).catch(() => {
        throw new InputError(`${path}: cannot open (no such file)`);
      });
      return { path, size: info.size, mtimeMs: info.mtimeMs };
    }),
  );
  const { sources: _sources, batchSize: _batchSize, ...flags } = s;
  return createHash('sha1').update(JSON.stringify({ files, flags })).digest('hex').slice(0, 20);
}
