import { afterEach, describe, expect, it } from 'vitest';
import { countOutcome, createPartial, foldAnalysis } from '../src/core/insights/fold.js';
import { mergeAll } from '../src/core/insights/merge.js';
import type { InsightPartial } from '../src/core/insights/partial-types.js';
import { createEmbeddedStore } from '../src/store/embedded-store.js';
import type { Store } from '../src/store/store.js';
import { makeAnalysis } from './helpers/analysis.js';

const runId = 'run-options';
const options = { bucketSize: 'week' as const, by: ['channel'] };
const analysis = (id: string, themes: Array<[string, number]> = [['delivery.late', -0.5]]) => ({
  ...makeAnalysis(id, { themes, nps: 3, channel: 'chat' }),
  runId,
});

function partial(key: string, ids: string[]): InsightPartial {
  const p = createPartial(runId, key, options, 'fl-test');
  for (const id of ids)
    foldAnalysis(
      p,
      analysis(id, [
        ['delivery.late', -0.5],
        ['billing.double-charge', -0.2],
      ]),
      options,
    );
  countOutcome(p, 'rejected');
  return p;
}

async function all<T>(docs: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const d of docs) out.push(d);
  return out;
}

let store: Store | undefined;
afterEach(async () => store?.close());

describe('the embedded store for a run nobody reads analyses from (keepAnalyses: false)', () => {
  it('counts analyses and their duplicates but keeps none', async () => {
    store = createEmbeddedStore({ keepAnalyses: false });
    expect(await store.putAnalyses([analysis('a'), analysis('b')])).toEqual({ inserted: 2, duplicates: 0 });
    expect(await store.putAnalyses([analysis('b'), analysis('c')])).toEqual({ inserted: 1, duplicates: 1 });
    expect(await all(store.analyses(runId))).toEqual([]);
  });
});

describe('the embedded store summing partials as they come (mergePartials: true)', () => {
  it('reads back one partial, the sum of those put, with their keys and counts', async () => {
    const parts = [partial('k1', ['a', 'b']), partial('k2', ['c']), partial('k3', ['d', 'e', 'f'])];
    const expected = mergeAll(parts.map((p) => structuredClone(p)))!;
    store = createEmbeddedStore({ mergePartials: true });
    for (const p of parts) expect(await store.putPartial(p)).toEqual({ inserted: 1, duplicates: 0 });
    expect(await all(store.partials(runId))).toEqual([expected]);
    expect(await store.partialKeys(runId)).toEqual(new Set(['k1', 'k2', 'k3']));
    expect(await store.partialProgress(runId)).toEqual({
      batches: 3,
      counts: { read: 9, analyzed: 6, rejected: 3, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
    });
  });

  it('adds a partial put again under the same key once (a retried batch)', async () => {
    store = createEmbeddedStore({ mergePartials: true });
    await store.putPartial(partial('k1', ['a']));
    expect(await store.putPartial(partial('k1', ['a']))).toEqual({ inserted: 0, duplicates: 1 });
    expect((await store.partialProgress(runId)).counts.analyzed).toBe(1);
  });
});
