import type { Run } from '../contracts/index.js';
import { InputError, NotFoundError } from '../errors/index.js';
import { redactUrl } from '../core/redact/redact-url.js';
import { serviceSettings, type ServiceFlags, type ServiceSettings } from '../services/settings.js';
import { openMongoStore } from '../store/mongo/open.js';
import type { Store } from '../store/store.js';

/**
 * The MongoDB store holding the runs of the distributed mode, and the finished run a
 * command reads from it: run `runId`, or without one the most recently finished. An
 * unknown or unfinished run is the user's to fix (exit code 3); the store is closed then.
 */
export async function openRunStore(runId: string | undefined, flags: ServiceFlags): Promise<{ store: Store; run: Run }> {
  const settings = serviceSettings(flags);
  const store = await openMongoStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern });
  try {
    return { store, run: await finishedRun(store, runId, settings) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function finishedRun(store: Store, runId: string | undefined, settings: ServiceSettings): Promise<Run> {
  const where = `database '${settings.database}' at ${redactUrl(settings.mongoUrl)}`;
  if (runId === undefined) {
    const done = (await store.listRuns()).filter((r) => r.status === 'done').sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? ''));
    const latest = done[done.length - 1];
    if (!latest) throw new InputError(`no finished run in ${where} yet (frictionlens submit FILE --wait)`);
    return latest;
  }
  const run = await store.getRun(runId);
  if (!run) throw new NotFoundError(`no run ${runId} in ${where}`);
  if (run.status !== 'done') throw new InputError(`run ${runId} is ${run.status}, not done: wait for it (frictionlens status ${runId})`);
  return run;
}
