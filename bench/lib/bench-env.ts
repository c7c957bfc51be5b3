import type { ServiceLease } from '../../scripts/lib/services.js';

/** The environment of a bench's CLI processes: the leased services, a database and queue prefix of its own, acknowledged writes. */
export const benchEnv = (services: ServiceLease, tag: string): NodeJS.ProcessEnv => ({
  ...process.env,
  REDIS_URL: services.redisUrl,
  MONGO_URL: services.mongoUrl,
  FRICTIONLENS_DB: tag,
  FRICTIONLENS_PREFIX: tag,
  MONGO_WRITE_CONCERN: '1',
});
