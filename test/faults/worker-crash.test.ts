import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWorker, expectCleanRun, finished, setUp, submit, tearDown, waitForBatches, type Scenario } from './scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await setUp(import.meta.filename);
}, 180_000);
afterAll(() => tearDown(s));

it('completes a run whose only worker is killed with -9 mid-batch, once another starts: nothing lost or counted twice', async () => {
  const doomed = await addWorker(s);
  submit(s);
  await waitForBatches(s, 4);
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBe('SIGKILL');
  const rescuer = await addWorker(s);
  await finished(s);
  await expectCleanRun(s);
  // The killed worker's batches were taken over through BullMQ's stalled-job recovery.
  expect(rescuer.stderr()).toMatch(/stalled/);
}, 400_000);
