import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/ingest.js';

const ROWS = 200_000;
const dir = mkdtempSync(join(tmpdir(), 'fl-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** About 80 MB: loading it whole (as strings and row objects) would grow the heap well past the bound. */
async function writeLargeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,text,createdAt,score.csat,attributes.region\n');
  const filler = 'the checkout page froze again and support never called back about the refund '.repeat(4);
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`t${i},"Row ${i}: ${filler}",2024-03-${String((i % 28) + 1).padStart(2, '0')},${i % 6},R${i % 7}\n`)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

describe('streaming a large file', () => {
  it('reads a 200k-row CSV with heap growth bounded well below the file size', async () => {
    const path = join(dir, 'large.csv');
    await writeLargeCsv(path);
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let verbatims = 0;
    let rejects = 0;
    for await (const item of ingest([path], { mapping: {}, channel: 'survey', createdAt: '2024-01-01T00:00:00Z', runId: 'mem' })) {
      if (item.kind === 'verbatim') verbatims++;
      else rejects++;
      if ((verbatims + rejects) % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(verbatims + rejects).toBe(ROWS);
    expect(rejects).toBe(0);
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
  });
});
