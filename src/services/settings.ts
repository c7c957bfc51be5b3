import type { WriteConcernSettings } from 'mongodb';
import { parseWriteConcern } from './write-concern.js';

/** Where the distributed mode finds its services, from flags, else the environment, else defaults. */
export interface ServiceSettings {
  redisUrl: string;
  mongoUrl: string;
  database: string;
  prefix: string;
  writeConcern: WriteConcernSettings;
}

/** The flags of a command that needs MongoDB only (`keys`, `serve --require-key`). */
export const MONGO_FLAGS = {
  mongo: { type: 'string' },
  db: { type: 'string' },
  'write-concern': { type: 'string' },
} as const;

/** The flags every distributed command takes (node:util parseArgs options). */
export const SERVICE_FLAGS = {
  redis: { type: 'string' },
  prefix: { type: 'string' },
  ...MONGO_FLAGS,
} as const;

export const MONGO_HELP = `  --mongo URL               MongoDB for runs, analyses, insights, keys (MONGO_URL;
                            default mongodb://127.0.0.1:27017/)
  --db NAME                 database (FRICTIONLENS_DB, else the URL's path, else frictionlens)
  --write-concern W         majority (default), a node count, optionally ",journal"
                            (MONGO_WRITE_CONCERN)`;

export const SERVICE_HELP = `Services (flags override the environment):
  --redis URL               Redis for the queues (REDIS_URL; default redis://127.0.0.1:6379)
  --prefix P                queue key prefix in Redis (FRICTIONLENS_PREFIX; default frictionlens)
${MONGO_HELP}`;

/** The values of SERVICE_FLAGS as parseArgs gives them. */
export type ServiceFlags = { redis?: string; mongo?: string; db?: string; prefix?: string; 'write-concern'?: string };

export function serviceSettings(flags: ServiceFlags, env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  const mongoUrl = flags.mongo ?? env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
  return {
    redisUrl: flags.redis ?? env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    mongoUrl,
    database: flags.db ?? env.FRICTIONLENS_DB ?? databaseInUrl(mongoUrl) ?? 'frictionlens',
    prefix: flags.prefix ?? env.FRICTIONLENS_PREFIX ?? 'frictionlens',
    writeConcern: parseWriteConcern(flags['write-concern'] ?? env.MONGO_WRITE_CONCERN),
  };
}

function databaseInUrl(url: string): string | undefined {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(url)?.[1];
  return path ? decodeURIComponent(path) : undefined;
}
