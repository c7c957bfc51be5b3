import { describe, expect, it } from 'vitest';
import { batchesOf } from '../src/pipeline/batches.js';
import type { IngestItem } from '../src/contracts/index.js';

async function* rejects(n: number): AsyncGenerator<IngestItem> {
  for (let row = 1; row <= n; row++) yield { kind: 'reject', reject: { runId: 'r', source: 'f.csv', row, reason: 'invalid', message: 'x' } };
}

async function rowsOfBatches(n: number, size: number): Promise<number[][]> {
  const out: number[][] = [];
  for await (const batch of batchesOf(rejects(n), size)) out.push(batch.map((i) => (i.kind === 'reject' ? i.reject.row : 0)));
  return out;
}

describe('batchesOf', () => {
  it('cuts the items in order into batches of the size, the last one smaller, never an empty one', async () => {
    expect(await rowsOfBatches(5, 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(await rowsOfBatches(4, 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(await rowsOfBatches(0, 2)).toEqual([]);
  });
});
