import { parentPort, workerData } from 'node:worker_threads';

/**
 * Work a watched thread does (watched-thread.ts): `setup` runs once when the thread starts
 * (loading models, say) and returns the function applied to each item, in order.
 */
export interface ThreadTask<Options, Item, Result> {
  setup(options: Options): Promise<(item: Item) => Result>;
}

/** Messages from the thread: ready after setup, then one result (or the error) per item. */
export type FromThread<Result> = { type: 'ready' } | { type: 'result'; index: number; result: Result } | { type: 'failed'; index: number; message: string };

/** Messages to the thread: a list of items to work through. */
export interface ToThread<Item> {
  type: 'run';
  items: Item[];
}

/**
 * The thread side: sets the task up with the options the thread was started with, then
 * answers each run with one message per item as soon as that item is done, so the watcher
 * knows at any moment which item the thread is on.
 */
export async function serveTask<Options, Item, Result>(task: ThreadTask<Options, Item, Result>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveTask runs in a worker thread');
  const post = (message: FromThread<Result>): void => port.postMessage(message);
  const apply = await task.setup(workerData as Options);
  port.on('message', ({ items }: ToThread<Item>) => {
    for (const [index, item] of items.entries()) {
      try {
        post({ type: 'result', index, result: apply(item) });
      } catch (error) {
        post({ type: 'failed', index, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        return;
      }
    }
  });
  post({ type: 'ready' });
}
