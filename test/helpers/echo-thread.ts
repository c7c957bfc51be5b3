import { threadId, workerData } from 'node:worker_threads';
import { serveTasks } from '../../src/runner/thread-pool.js';

/** A worker for the thread-pool tests: doubles numbers, fails on request, says which thread it is. */
export type EchoTask = { kind: 'double'; n: number } | { kind: 'fail'; message: string } | { kind: 'who' };

serveTasks(
  async () => {
    if ((workerData as { failToStart?: boolean } | undefined)?.failToStart) throw new Error('cannot load the models');
    return { served: 0 };
  },
  (state, task: EchoTask) => {
    state.served++;
    if (task.kind === 'fail') throw new RangeError(task.message);
    if (task.kind === 'who') return { thread: threadId, served: state.served };
    return task.n * 2;
  },
);
