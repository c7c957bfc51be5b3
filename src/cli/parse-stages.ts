import { UsageError } from '../errors/index.js';
import { DELIVER_QUEUE } from '../queue/delivery-queue.js';
import { DIGEST_QUEUE } from '../queue/digest-queue.js';
import { STAGES, type Stage } from '../queue/stages.js';

/** What `worker --stages` may name: the stages of runs, and the deliver and digest queues beside them. */
const NAMES: readonly string[] = [...STAGES, DELIVER_QUEUE, DIGEST_QUEUE];

/**
 * `--stages ingest,analyze,deliver`: the named stages in pipeline order, and whether the
 * worker also sends webhooks and digests; an unknown name is a usage error.
 */
export function parseStages(text: string): { stages: Stage[]; deliver: boolean; digest: boolean } {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !NAMES.includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`--stages: '${text}' names ${unknown.length ? `unknown stage(s) ${unknown.join(', ')}` : 'no stage'}; stages are ${NAMES.join(', ')}`);
  }
  return { stages: STAGES.filter((s) => names.includes(s)), deliver: names.includes(DELIVER_QUEUE), digest: names.includes(DIGEST_QUEUE) };
}

/** Every stage and the deliver and digest queues: what a worker runs unless told otherwise. */
export const ALL_STAGES = NAMES.join(',');
