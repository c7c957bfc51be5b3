import { STAGES, type Stage } from '../queue/stages.js';
import type { JobHandler } from './handler.js';

/**
 * Maps each stage to its one handler. Start-up fails, before any job is taken, when a stage
 * has no handler, has two, or a handler names a stage that does not exist.
 */
export function createHandlerRegistry(handlers: readonly JobHandler[], stages: readonly Stage[] = STAGES): ReadonlyMap<Stage, JobHandler> {
  const byStage = new Map<Stage, JobHandler>();
  for (const handler of handlers) {
    if (!(STAGES as readonly string[]).includes(handler.stage)) throw new Error(`handler registry: '${handler.stage}' is not a stage (${STAGES.join(', ')})`);
    if (byStage.has(handler.stage)) throw new Error(`handler registry: two handlers for stage '${handler.stage}'`);
    byStage.set(handler.stage, handler);
  }
  const missing = stages.filter((s) => !byStage.has(s));
  if (missing.length > 0) throw new Error(`handler registry: no handler for stage(s) ${missing.join(', ')}`);
  return byStage;
}
