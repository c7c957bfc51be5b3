import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors/index.js';

/**
 * Checks `--out DIR` before any work, so a run never ends in a crash after its analysis: DIR
 * is an existing directory, or it can be made (its nearest existing ancestor is a
 * directory). Nothing is created here; the outputs are written once the run is done.
 */
export async function checkOutDir(dir: string): Promise<void> {
  for (let path = resolve(dir); ; path = dirname(path)) {
    const info = await stat(path).catch(() => undefined);
    if (info !== undefined) {
      if (info.isDirectory()) return;
      throw new UsageError(
        path === resolve(dir)
          ? `--out ${dir}: is a file; --out names a directory to write insights.json, analyses.jsonl, rejects.jsonl and report.html into`
          : `--out ${dir}: cannot be made, ${path} is a file`,
      );
    }
    if (dirname(path) === path) return;
  }
}
