import { MongoClient } from 'mongodb';
import type { Analysis } from '../../src/contracts/index.js';
import { toAnalysisDoc } from '../../src/store/mongo/analysis-doc.js';
import { openMongoStore } from '../../src/store/mongo/open.js';

const BATCH = 500;

/**
 * Analyses per second written by the pipeline's store (putAnalyses: unordered insertMany
 * under the unique (runId, verbatimId) index, sentences as JSON text) against a bare
 * insertMany loop into a collection with no index but _id, on the same server: of the
 * documents the store writes (its overhead), and of the analyses as they are (nested).
 */
export async function storeWriteRates(mongoUrl: string, database: string, analyses: readonly Analysis[]): Promise<{ store: number; bare: number; bareNested: number }> {
  const store = await openMongoStore({ url: mongoUrl, database, writeConcern: { w: 1 } });
  const client = new MongoClient(mongoUrl);
  try {
    let started = performance.now();
    for (let i = 0; i < analyses.length; i += BATCH) await store.putAnalyses(analyses.slice(i, i + BATCH));
    const storeRate = analyses.length / ((performance.now() - started) / 1000);
    const bareLoop = async (name: string, shape: (a: Analysis) => object): Promise<number> => {
      const bare = client.db(database).collection(name, { writeConcern: { w: 1 } });
      const t = performance.now();
      for (let i = 0; i < analyses.length; i += BATCH) await bare.insertMany(analyses.slice(i, i + BATCH).map(shape), { ordered: false });
      return analyses.length / ((performance.now() - t) / 1000);
    };
    return { store: storeRate, bare: await bareLoop('bare_stored_shape', toAnalysisDoc), bareNested: await bareLoop('bare_nested', (a) => ({ ...a })) };
  } finally {
    await store.close();
    await client.db(database).dropDatabase();
    await client.close();
  }
}
