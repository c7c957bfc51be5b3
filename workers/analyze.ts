// The CPU-heavy stage alone (one process per core): node dist/workers/analyze.js
import { runWorker } from './run-worker.js';

await runWorker('ingest,analyze');
