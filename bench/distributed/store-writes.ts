import { MongoClient } from 'mongodb';
import type { Analysis } from '../../src/contracts/index.js';
import { toAnalysisDoc } from '../../src/store/mongo/analysis-doc.js';
import { openMongoStore } from '../../src/store/mongo/open.js';

const BATCH = 500;

/**
 * Analyses per second written by the pipeline's store (putAnalyses: unordered insertMany
 * under the unique (runId, verbatimId) index, the detail as JSON text) against a bare
 * insertMany loop into a collection with no index but _id, on the same server: of the
 * documents the store writes (its overhead), and of the analyses as they are (nested).
 */
export async function storeWriteRates(
  mongoUrl: string,
  database: string,
  analyses: readonly Analysis[],
): Promise<{ store: number; bare: number; bareNested: number }> {
  const client = new MongoClient(mongoUrl);
  const rate = async (write: (batch: Analysis[]) => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < analyses.length; i += BATCH) await write(analyses.slice(i, i + BATCH));
    return analyses.length / ((performance.now() - started) / 1000);
  };
  try {
    // Each measured twice, alternating, into fresh collections; the better rate of the two
    // counts (a shared machine's noise only ever slows a pass down).
    const best = { store: 0, bare: 0, bareNested: 0 };
    for (let pass = 0; pass < 2; pass++) {
      const store = await openMongoStore({ url: mongoUrl, database: `${database}_${pass}`, writeConcern: { w: 1 } });
      best.store = Math.max(best.store, await rate((b) => store.putAnalyses(b)));
      await store.close();
      const bare = client.db(`${database}_${pass}`).collection('bare_stored_shape', { writeConcern: { w: 1 } });
      best.bare = Math.max(best.bare, await rate((b) => bare.insertMany(b.map(toAnalysisDoc), { ordered: false })));
      const nested = client.db(`${database}_${pass}`).collection('bare_nested', { writeConcern: { w: 1 } });
      best.bareNested = Math.max(
        best.bareNested,
        await rate((b) =>
          nested.insertMany(
            b.map((a) => ({ ...a })),
            { ordered: false },
          ),
        ),
      );
      await client.db(`${database}_${pass}`).dropDatabase();
    }
    return best;
  } finally {
    await client.close();
  }
}
