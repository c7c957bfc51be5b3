import type { JobHandler } from '../handler.js';

/** The route stage: owners map and subscriptions to digests and alerts. Nothing to route yet. */
export const routeHandler: JobHandler<{ runId: string }, { digests: number }> = {
  stage: 'route',
  async handle() {
    return { digests: 0 };
  },
};
