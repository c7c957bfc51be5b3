import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, it } from 'vitest';
import { addWorker, expectCleanRun, finished, setUp, submit, holdMidRun, tearDown, type Scenario } from './scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await setUp(import.meta.filename);
}, 180_000);
afterAll(async () => {
  await s?.faults.startMongo();
  await tearDown(s);
});

it('completes a run across a 10 s MongoDB outage: writes wait or retry, nothing is lost', async () => {
  await addWorker(s);
  await addWorker(s);
  submit(s);
  const held = await holdMidRun(s, 5);
  await s.faults.stopMongo();
  held.resume();
  await sleep(10_000);
  await s.faults.startMongo();
  await finished(s);
  await expectCleanRun(s);
}, 400_000);
