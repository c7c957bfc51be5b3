import { Worker } from 'node:worker_threads';
import type { FromThread, ToThread } from './thread-task.js';

/** An item's fate: its result, or stopped for running past the budget. */
export type Watched<Result> = { kind: 'done'; result: Result } | { kind: 'overBudget' };

export interface WatchedThreadOptions<Options> {
  /** The thread's module: it calls serveTask (thread-task.ts). A .ts module runs through tsx. */
  entry: URL;
  /** Given to the task's setup in the thread. */
  options: Options;
  /** The longest one item may take, in milliseconds. */
  budgetMs: number;
}

/**
 * Runs items through a task in a worker thread, each under a time budget. JavaScript cannot
 * interrupt a function that does not return (a regex backtracking for minutes), but it can
 * terminate the thread running it: an item still running when its budget is spent is marked
 * over budget, the thread is terminated, and a fresh one takes the items after it. The
 * caller's thread stays free meanwhile (a BullMQ worker keeps renewing its locks).
 *
 * Runs are served one at a time, in the order they were asked for. The budget counts from
 * the moment the thread takes the item (its start-up and the items before do not count).
 */
export class WatchedThread<Options, Item, Result> {
  private thread: Promise<Worker> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly settings: WatchedThreadOptions<Options>) {}

  run(items: readonly Item[]): Promise<Array<Watched<Result>>> {
    const next = this.queue.then(() => this.runAll(items));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Starts the thread now rather than at the first run, and waits for its set-up. */
  async ready(): Promise<void> {
    this.thread ??= this.start();
    await this.thread;
  }

  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = undefined;
    if (thread) await (await thread.catch(() => undefined))?.terminate();
  }

  private async runAll(items: readonly Item[]): Promise<Array<Watched<Result>>> {
    const results: Array<Watched<Result>> = [];
    while (results.length < items.length) {
      if (this.closed) throw new Error('the analysis thread was closed');
      this.thread ??= this.start();
      const thread = await this.thread;
      const done = await this.runOn(thread, items.slice(results.length));
      results.push(...done.results);
      if (done.overBudget) {
        results.push({ kind: 'overBudget' });
        this.thread = undefined;
        await thread.terminate();
      }
    }
    return results;
  }

  /** A thread that has finished its set-up. */
  private start(): Promise<Worker> {
    const { entry, options } = this.settings;
    const worker = entry.pathname.endsWith('.ts')
      ? // From the sources (tests, tsx): the thread registers tsx before loading its module.
        new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, {
          eval: true,
          workerData: options,
        })
      : new Worker(entry, { workerData: options });
    const started: Promise<Worker> = new Promise((resolve, reject) => {
      const fail = (error: Error): void => {
        settle();
        this.thread = undefined;
        reject(error);
      };
      const onExit = (code: number): void => fail(new Error(`the analysis thread stopped during its set-up (exit code ${code})`));
      const onReady = (message: FromThread<Result>): void => {
        settle();
        if (message.type !== 'ready') {
          fail(new Error(`the analysis thread answered before it was ready: ${message.type}`));
          return;
        }
        // A thread that dies between runs is replaced at the next one (runOn reports deaths during a run).
        const forget = (): void => {
          if (this.thread === started) this.thread = undefined;
        };
        worker.on('error', forget);
        worker.on('exit', forget);
        resolve(worker);
      };
      // Only our own listeners: a Worker keeps internal ones (removeAllListeners() stops its messages).
      const settle = (): void => {
        worker.off('error', fail);
        worker.off('exit', onExit);
        worker.off('message', onReady);
      };
      worker.on('error', fail);
      worker.on('exit', onExit);
      worker.on('message', onReady);
    });
    return started;
  }

  /** The results of `items` in order, up to the first one over budget. */
  private runOn(thread: Worker, items: readonly Item[]): Promise<{ results: Array<Watched<Result>>; overBudget: boolean }> {
    const { budgetMs } = this.settings;
    return new Promise((resolve, reject) => {
      const results: Array<Watched<Result>> = [];
      let since = performance.now();
      const finish = (error?: Error, overBudget = false): void => {
        clearInterval(watchdog);
        thread.removeListener('message', onMessage);
        thread.removeListener('error', onError);
        thread.removeListener('exit', onExit);
        if (error) reject(error);
        else resolve({ results, overBudget });
      };
      const onMessage = (message: FromThread<Result>): void => {
        if (message.type === 'failed') {
          finish(new Error(`analysing item ${results.length + 1} of the batch: ${message.message}`));
          return;
        }
        if (message.type !== 'result') return;
        results.push({ kind: 'done', result: message.result });
        since = performance.now();
        if (results.length === items.length) finish();
      };
      const onError = (error: Error): void => {
        this.thread = undefined;
        finish(error);
      };
      const onExit = (code: number): void => {
        this.thread = undefined;
        finish(new Error(`the analysis thread stopped (exit code ${code})`));
      };
      // Checked four times a budget (at most every second): an item is stopped within 1.25 budgets.
      const watchdog = setInterval(
        () => {
          if (performance.now() - since > budgetMs) finish(undefined, true);
        },
        Math.min(1_000, Math.max(10, budgetMs / 4)),
      );
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      thread.postMessage({ type: 'run', items: [...items] } satisfies ToThread<Item>);
    });
  }
}
