import type { TestProject } from 'vitest/node';
import { leaseServices } from '../../scripts/lib/services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    services: { redisUrl: string; mongoUrl: string };
  }
}

/**
 * Starts Redis and FerretDB with scripts/services.sh before any test file (building FerretDB
 * on a fresh machine), under a lease named by this process id, and releases the lease at the
 * end: services this run started are stopped, services started by hand or by .ci/run stay up.
 * REDIS_URL / MONGO_URL in the environment are used as given. Tests read the URLs with
 * inject('services') (test/helpers/services.ts), and child processes get them in their env.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { redisUrl, mongoUrl, release } = await leaseServices();
  process.env.REDIS_URL = redisUrl;
  process.env.MONGO_URL = mongoUrl;
  project.provide('services', { redisUrl, mongoUrl });
  return release;
}
