// The run-level stages alone (one or two per installation): node dist/workers/aggregate.js
import { runWorker } from './run-worker.js';

await runWorker('aggregate,route');
