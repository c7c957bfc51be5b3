import { reportError } from '../src/cli/report-error.js';
import { run } from '../src/cli/commands/worker.js';

/**
 * Shared by the entry points in this folder: a worker process for the given stages, with
 * services from REDIS_URL / MONGO_URL (and the other variables of `frictionlens worker`) and
 * extra flags from the command line. The same as `frictionlens worker --stages ...`.
 */
export async function runWorker(stages: string, argv: string[] = process.argv.slice(2)): Promise<never> {
  let code: number;
  try {
    code = await run(['--stages', stages, ...argv]);
  } catch (error) {
    code = reportError(error);
  }
  process.exit(code);
}
