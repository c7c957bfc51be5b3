import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ingestSettings, type IngestFlagValues } from '../cli/ingest-flags.js';
import { PayloadTooLargeError, UsageError } from '../errors/index.js';
import { planSources } from '../ingest/source-plan.js';
import { DEFAULT_BATCH_SIZE } from '../pipeline/batches.js';
import { newRunId } from '../runner/embedded.js';
import type { Services } from '../services/open-services.js';
import { submitRun } from '../distributed/submit-run.js';

export interface Uploads {
  /** Stores the body, looks at it as `submit` does (refusing it up front), and starts the run. */
  start(body: Readable, flags: IngestFlagValues & { format: string }): Promise<{ runId: string }>;
  /** Waits for the submissions still reading their uploads (at shutdown). */
  drain(): Promise<void>;
}

/**
 * `POST /runs`: the body is streamed to a file under `dir` (never held in memory), at most
 * `limit` bytes, then submitted as `frictionlens submit FILE` would: the file is looked at
 * before the run is created (a mapped column it lacks, an unknown format, undecidable dates:
 * an input error, answered 422), then the run is created and the answer (202, the run id)
 * goes out while its batches are read and queued here. The upload is deleted once every
 * batch is queued (the batches carry the rows): an upload's customers' words do not linger
 * on the server's disk. A submission that fails after the answer marks the run failed.
 */
export function createUploads(services: Services, dir: string, limit: number, log: (line: string) => void): Uploads {
  const running = new Set<Promise<unknown>>();
  return {
    async start(body, flags) {
      const runId = newRunId();
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${runId}.${flags.format}`);
      try {
        await pipeline(body, limited(limit), createWriteStream(path, { mode: 0o600 }));
        const ingest = await ingestSettings([path], flags);
        const plans = await planSources([path], ingest);
        const submission = { sources: [path], ...ingest, batchSize: ingest.batchSize ?? DEFAULT_BATCH_SIZE };
        let stored = (): void => {};
        const isStored = new Promise<void>((resolve) => (stored = resolve));
        const submitted = submitRun(services, submission, { runId, inFlight: 32, plans, log, onStored: () => stored() });
        const tracked = submitted
          .catch(async (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            log(`run ${runId}: its upload could not be submitted: ${message.split('\n')[0]}`);
            await services.store.updateRun(runId, { status: 'failed', error: `upload: ${message}` }).catch(() => {});
          })
          .finally(() => {
            running.delete(tracked);
            return rm(path, { force: true });
          });
        running.add(tracked);
        // Answered once the run is stored (GET /runs/:id finds it), or with the failure that came first.
        await Promise.race([isStored, submitted]);
        return { runId };
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
    },
    async drain() {
      await Promise.allSettled([...running]);
    },
  };
}

/** Passes at most `limit` bytes, then fails with a 413. */
function limited(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new PayloadTooLargeError(`the upload is over the limit of ${limit.toLocaleString('en-US')} bytes`));
      else done(null, chunk);
    },
  });
}

/** The file format an upload's Content-Type names, unless `?format=` does. */
export function uploadFormat(contentType: string | undefined, named: string | undefined): string {
  if (named !== undefined) return named;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format = CONTENT_TYPES[type];
  if (!format) throw new UsageError(`Content-Type '${type || '(none)'}' names no format: send ${Object.keys(CONTENT_TYPES).join(', ')}, or give ?format=`);
  return format;
}

export const CONTENT_TYPES: Record<string, string> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/json': 'json',
};
