import { MongoClient } from 'mongodb';
import { afterAll, expect, it } from 'vitest';
import { TransientError } from '../../src/errors/index.js';
import { createMongoStore } from '../../src/store/mongo/mongo-store.js';
import { makeAnalysis } from '../helpers/analysis.js';
import { dropDatabase, services, testNamespace } from '../helpers/services.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const database = testNamespace(import.meta.filename);
afterAll(() => dropDatabase(database));

/**
 * A MongoDB that goes away mid-run must reach the job processor as TransientError (retried
 * with backoff), never as a bug. The driver wraps an insertMany that cannot reach the
 * server in a MongoBulkWriteError, first with the dropped connection and then, while the
 * server stays down, with a server-selection error: both are checked here.
 */
it('reports writes and reads to a MongoDB that went away as TransientError, and works again once it is back', async () => {
  const target = new URL(services().mongoUrl);
  const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port) });
  const port = await proxy.listen();
  // A short server selection, so the test does not wait out the 30 s a worker's client waits.
  const client = await new MongoClient(`mongodb://127.0.0.1:${port}/`, { ignoreUndefined: true, serverSelectionTimeoutMS: 1_500 }).connect();
  const store = createMongoStore({ client, database });
  try {
    const runId = `run-${Date.now()}`;
    expect(await store.putAnalyses([{ ...makeAnalysis('a1'), runId }])).toEqual({ inserted: 1, duplicates: 0 });
    await proxy.cut();
    for (const id of ['a2', 'a3']) await expect(store.putAnalyses([{ ...makeAnalysis(id), runId }])).rejects.toBeInstanceOf(TransientError);
    await expect(store.getRun(runId)).rejects.toBeInstanceOf(TransientError);
    await proxy.restore();
    expect(await store.putAnalyses([{ ...makeAnalysis('a2'), runId }])).toEqual({ inserted: 1, duplicates: 0 });
  } finally {
    await store.close();
    await proxy.cut();
  }
}, 60_000);
