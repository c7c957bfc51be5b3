import { describe, expect, it } from 'vitest';
import { createThreadPool, ThreadError } from '../src/runner/thread-pool.js';
import type { EchoTask } from './helpers/echo-thread.js';

const entry = new URL('./helpers/echo-thread.ts', import.meta.url);

describe('the thread pool', () => {
  it('runs every task on a thread and gives each its own result', async () => {
    const pool = createThreadPool<EchoTask, unknown>({ entry, size: 2 });
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, n) => pool.run({ kind: 'double', n })));
      expect(results).toEqual(Array.from({ length: 20 }, (_, n) => n * 2));
    } finally {
      await pool.close();
    }
  });

  it('runs a task once on every thread, after the tasks each already holds', async () => {
    const pool = createThreadPool<EchoTask, unknown>({ entry, size: 3 });
    try {
      const work = Array.from({ length: 9 }, (_, n) => pool.run({ kind: 'double', n }));
      const answers = (await pool.each({ kind: 'who' })) as Array<{ thread: number; served: number }>;
      await Promise.all(work);
      expect(new Set(answers.map((a) => a.thread)).size).toBe(3);
      // Every thread answered after its share of the 9 tasks (plus the answer itself).
      expect(answers.reduce((s, a) => s + a.served, 0)).toBe(9 + 3);
    } finally {
      await pool.close();
    }
  });

  it("fails a task that throws with the thread's error name and message, and goes on", async () => {
    const pool = createThreadPool<EchoTask, unknown>({ entry, size: 1 });
    try {
      const failed = pool.run({ kind: 'fail', message: 'bad batch' });
      await expect(failed).rejects.toThrow(ThreadError);
      await expect(failed).rejects.toMatchObject({ name: 'RangeError', message: 'bad batch' });
      expect(await pool.run({ kind: 'double', n: 4 })).toBe(8);
    } finally {
      await pool.close();
    }
  });

  it('fails the tasks of a thread that cannot start', async () => {
    const pool = createThreadPool<EchoTask, unknown>({ entry, size: 1, workerData: { failToStart: true } });
    try {
      await expect(pool.run({ kind: 'double', n: 1 })).rejects.toThrow('cannot load the models');
    } finally {
      await pool.close();
    }
  });

  it('fails what it still holds when closed', async () => {
    const pool = createThreadPool<EchoTask, unknown>({ entry, size: 1 });
    const held = expect(pool.run({ kind: 'double', n: 1 })).rejects.toThrow('closed');
    await pool.close();
    await held;
    await expect(pool.run({ kind: 'double', n: 2 })).rejects.toThrow('closed');
  });
});
