import { openRunQueues, type RunQueues } from '../queue/run-queues.js';
import { openMongoStore } from '../store/mongo/open.js';
import type { Store } from '../store/store.js';
import type { ServiceSettings } from './settings.js';
import { throttled } from './throttled-log.js';

export interface Services {
  store: Store;
  queues: RunQueues;
  close(): Promise<void>;
}

/**
 * Connects to MongoDB and Redis (each fails in one line when unreachable) and closes what
 * was opened when the other fails: connections are released even when a command fails.
 */
export async function openServices(settings: ServiceSettings, log: (line: string) => void = () => {}): Promise<Services> {
  const store = await openMongoStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern });
  let queues: RunQueues;
  try {
    queues = await openRunQueues({ redisUrl: settings.redisUrl, prefix: settings.prefix }, throttled(log));
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    queues,
    async close() {
      await Promise.allSettled([queues.close(), store.close()]);
    },
  };
}
