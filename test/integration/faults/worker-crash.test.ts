import { afterAll, beforeAll, expect, it } from 'vitest';
import { activeBatches, addWorker, expectCleanRun, finished, holdMidRun, setUp, submit, tearDown, type Scenario } from './scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await setUp(import.meta.filename);
}, 180_000);
afterAll(() => tearDown(s));

it('completes a run whose only worker is killed with -9 mid-batch, once another starts: nothing lost or counted twice', async () => {
  const doomed = await addWorker(s);
  submit(s);
  // Frozen between batches it would hold none, and its kill would test nothing: wait, frozen, for one it holds.
  let held = await holdMidRun(s, 4, [doomed]);
  for (let n = 5; (await activeBatches(s)) === 0; n++) {
    held.resume();
    held = await holdMidRun(s, n, [doomed]);
  }
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBe('SIGKILL');
  const rescuer = await addWorker(s);
  await finished(s);
  await expectCleanRun(s);
  // The killed worker's batches were taken over through BullMQ's stalled-job recovery.
  expect(rescuer.stderr()).toMatch(/stalled/);
}, 400_000);
