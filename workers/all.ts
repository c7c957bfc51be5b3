// Every stage in one process: node dist/workers/all.js [--concurrency N]
import { runWorker } from './run-worker.js';

await runWorker('ingest,analyze,aggregate,route');
