import { InputError } from '../errors.js';
import { redactUrl } from '../services/redact-url.js';
import { serviceSettings, type ServiceFlags } from '../services/settings.js';
import { openMongoStore } from '../store/mongo/open.js';
import type { Store } from '../store/store.js';

/**
 * The MongoDB store holding the runs of the distributed mode, for commands given `--run ID`,
 * and the run itself: an unknown or unfinished run is the user's to fix (exit code 3).
 */
export async function openRunStore(runId: string, flags: ServiceFlags): Promise<Store> {
  const settings = serviceSettings(flags);
  const store = await openMongoStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern });
  const run = await store.getRun(runId).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  if (run?.status === 'done') return store;
  await store.close();
  throw new InputError(
    run
      ? `run ${runId} is ${run.status}, not done: wait for it (frictionlens status ${runId})`
      : `no run ${runId} in database '${settings.database}' at ${redactUrl(settings.mongoUrl)}`,
  );
}
