import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWorker, expectCleanRun, finished, setUp, submit, holdMidRun, tearDown, type Scenario } from './scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await setUp(import.meta.filename);
}, 180_000);
afterAll(() => tearDown(s));

it('completes a run across a Redis restart that loses every queued job: workers reconnect, the submitter re-enqueues what is not done', async () => {
  await addWorker(s);
  await addWorker(s);
  submit(s);
  const held = await holdMidRun(s, 5);
  await s.faults.restartRedis(s.ns.prefix);
  held.resume();
  await finished(s);
  await expectCleanRun(s);
  expect(s.submit!.stderr()).toMatch(/gone from Redis|lost run/);
}, 400_000);
