import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';

/**
 * The store holding runs of the distributed mode (MongoDB), for commands given `--run ID`.
 * This build has no MongoDB store yet: say so plainly instead of failing later.
 */
export async function openRunStore(flag: string): Promise<Store> {
  const missing = process.env.MONGO_URL
    ? 'MONGO_URL is set, but this build has no MongoDB store yet'
    : 'it needs MONGO_URL (not set) and the MongoDB store, which this build does not have yet';
  throw new UsageError(
    `${flag} reads a run stored by the distributed mode: ${missing}. ` +
      `Analyse the file(s) in this process instead: frictionlens themes suggest FILE...`,
  );
}
