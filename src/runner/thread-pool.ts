import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A few worker threads that run tasks of one kind, for CPU-bound work the main thread hands
 * out (analyze --threads). Each thread runs `entry`, which prepares itself (loads its models)
 * and then answers tasks through serveTasks below. Tasks go to the ready thread with the
 * fewest in hand, at most `depth` each (so a thread finds its next task waiting when it
 * finishes one); the rest wait in the pool in arrival order. Results come back as each task
 * ends: the caller keeps order where it matters.
 */
export interface ThreadPoolOptions {
  /** The worker module (a file URL). */
  entry: URL;
  size: number;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
  /** Tasks handed to one thread at a time (default 2). */
  depth?: number;
}

export interface ThreadPool<Task, Result> {
  readonly size: number;
  /** Threads that have finished preparing (their first task would start at once). */
  readonly ready: number;
  /** Tasks that run() would hand to a ready thread at once, rather than queue. */
  readonly spare: number;
  run(task: Task): Promise<Result>;
  /** Runs `task` once on every thread, after every task given to run() before (e.g. "send what you summed"). */
  each(task: Task): Promise<Result[]>;
  /** Stops the threads; tasks still held fail. */
  close(): Promise<void>;
}

type FromWorker =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; result: unknown }
  | { kind: 'failed'; id: number; error: { name: string; message: string; stack?: string } };

interface Pending {
  id: number;
  task: unknown;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  held: Map<number, Pending>;
  /** Tasks for this thread only (from each()), sent once it is ready. */
  own: Pending[];
}

/** An error thrown in a thread, rebuilt in the caller's: same name and message. */
export class ThreadError extends Error {}

export function createThreadPool<Task, Result>(options: ThreadPoolOptions): ThreadPool<Task, Result> {
  const depth = options.depth ?? 2;
  const queue: Pending[] = [];
  const threads: Thread[] = [];
  let nextId = 0;
  let closed = false;
  let broken: Error | undefined;

  const fail = (error: Error): void => {
    broken ??= error;
    for (const t of threads) {
      for (const p of t.held.values()) p.reject(error);
      t.held.clear();
      for (const p of t.own) p.reject(error);
      t.own.length = 0;
    }
    for (const p of queue.splice(0)) p.reject(error);
  };

  const send = (t: Thread, p: Pending): void => {
    t.held.set(p.id, p);
    t.worker.postMessage({ id: p.id, task: p.task });
  };

  const dispatch = (): void => {
    while (queue.length > 0) {
      let best: Thread | undefined;
      for (const t of threads) if (t.ready && t.held.size < depth && (best === undefined || t.held.size < best.held.size)) best = t;
      if (best === undefined) return;
      send(best, queue.shift()!);
    }
    // A thread's own tasks (each()) follow every task run() was given before them.
    for (const t of threads) if (t.ready) while (t.own.length > 0) send(t, t.own.shift()!);
  };

  const { script, evaluate } = workerScript(options.entry);
  for (let i = 0; i < options.size; i++) {
    const worker = new Worker(script, {
      eval: evaluate,
      workerData: options.workerData,
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    const thread: Thread = { worker, ready: false, held: new Map(), own: [] };
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') {
        thread.ready = true;
      } else {
        const p = thread.held.get(message.id);
        thread.held.delete(message.id);
        if (message.kind === 'done') p?.resolve(message.result);
        else {
          const error = new ThreadError(message.error.message);
          error.name = message.error.name;
          if (message.error.stack) error.stack = message.error.stack;
          p?.reject(error);
        }
      }
      dispatch();
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    threads.push(thread);
  }

  const enqueue = (task: unknown, into: Pending[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      if (closed) return reject(new Error('the thread pool is closed'));
      into.push({ id: nextId++, task, resolve, reject });
      dispatch();
    });

  return {
    size: options.size,
    get ready() {
      return threads.filter((t) => t.ready).length;
    },
    get spare() {
      let room = -queue.length;
      for (const t of threads) if (t.ready) room += Math.max(0, depth - t.held.size);
      return Math.max(0, room);
    },
    run: (task) => enqueue(task, queue) as Promise<Result>,
    each: (task) => Promise.all(threads.map((t) => enqueue(task, t.own))) as Promise<Result[]>,
    async close() {
      if (closed) return;
      closed = true;
      fail(new Error('the thread pool is closed'));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}

/**
 * A TypeScript entry (tests and tsx run the sources) needs tsx's loader in the thread too,
 * which Node 20 does not carry over from the parent's --import: a two-line script registers
 * it, then imports the entry. A built (.js) entry runs as it is.
 */
function workerScript(entry: URL): { script: URL | string; evaluate: boolean } {
  if (!entry.pathname.endsWith('.ts')) return { script: entry, evaluate: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  return { script: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, evaluate: true };
}

/**
 * The worker side: prepares once (`prepare`, e.g. loading models), says it is ready, then
 * answers every task with `handle`'s result, one at a time in arrival order. An error (in
 * preparing or in a task) is sent back as that task's failure.
 */
export function serveTasks<Task, Result, State>(prepare: () => Promise<State>, handle: (state: State, task: Task) => Result | Promise<Result>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const state = prepare();
  state.then(
    () => port.postMessage({ kind: 'ready' }),
    () => port.postMessage({ kind: 'ready' }),
  );
  let chain: Promise<unknown> = Promise.resolve();
  port.on('message', ({ id, task }: { id: number; task: Task }) => {
    chain = chain.then(async () => {
      try {
        const result = await handle(await state, task);
        port.postMessage({ kind: 'done', id, result });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ kind: 'failed', id, error: { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } });
      }
    });
  });
}
