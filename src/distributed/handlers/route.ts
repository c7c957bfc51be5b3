import type { JobHandler } from '../handler.js';
import { routeRun } from '../route-run.js';

/**
 * The route stage, the parent of aggregate: the run's spike alerts to the teams that own
 * them (route-run.ts). Digests are not sent from here: each subscription's job scheduler
 * builds its own on its cadence (digest-processor.ts).
 */
export const routeHandler: JobHandler<{ runId: string }, { alerts: number; deliveries: number }> = {
  stage: 'route',
  async handle(job, ctx) {
    return routeRun(ctx.store, ctx.routing(), job.data.runId);
  },
};
