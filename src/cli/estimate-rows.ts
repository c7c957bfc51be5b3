import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * A cheap estimate of the rows in line-based files, for the progress bar only: newline
 * count (a CSV field with embedded newlines makes it an overestimate). Skipped above 2 GB.
 */
export async function estimateRows(paths: readonly string[]): Promise<number | undefined> {
  let total = 0;
  for (const path of paths) {
    if (path.endsWith('.json')) return undefined;
    const size = (await stat(path).catch(() => null))?.size ?? 0;
    if (size > 2 * 1024 ** 3) return undefined;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) total++;
    }
    if (path.endsWith('.csv')) total--; // header
  }
  return total;
}
