import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';

/**
 * The store holding runs of the distributed mode (MongoDB), for commands given `--run ID`.
 * This build has no MongoDB store yet: say so plainly instead of failing later.
 */
export async function openRunStore(flag: string): Promise<Store> {
  const where = process.env.MONGO_URL ? `MONGO_URL is set, but this build has no MongoDB store yet` : `it needs MONGO_URL`;
  throw new UsageError(
    `${flag} reads the analyses of a run stored by the distributed mode: ${where}. ` +
      `Analyse the file(s) in this process instead: frictionlens themes suggest FILE...`,
  );
}
