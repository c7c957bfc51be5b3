import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { ServiceUnavailableError } from '../errors/index.js';
import { IdSet } from '../core/id-set.js';

/**
 * An append-only keyed collection on disk: one JSON document per line, keys in memory (off
 * the heap, see IdSet). Lets the embedded store hold a million analyses without holding them
 * in memory.
 *
 * A write that fails (a full disk, a folder removed under it) fails the next call on the
 * collection with the reason, instead of an unhandled 'error' event or a wait for a 'drain'
 * that never comes.
 */
export class JsonlCollection<T> {
  private readonly keys = new IdSet();
  private stream: WriteStream | null = null;
  private failure: Error | null = null;

  /**
   * `keepBodies: false` keeps the keys only (so duplicates are still told apart) and reads
   * back nothing: for documents the caller will never read, which would cost their JSON.
   */
  constructor(
    private readonly path: string,
    private readonly keepBodies = true,
  ) {}

  /** Appends the documents whose key is new; returns how many were new. */
  async insert(docs: readonly T[], keyOf: (doc: T) => string): Promise<number> {
    this.throwIfFailed();
    let inserted = 0;
    let chunk = '';
    for (const doc of docs) {
      if (!this.keys.add(keyOf(doc))) continue;
      if (this.keepBodies) chunk += `${JSON.stringify(doc)}\n`;
      inserted++;
    }
    if (chunk) {
      const stream = this.open();
      // once() rejects if the stream emits 'error' while we wait.
      if (!stream.write(chunk)) await once(stream, 'drain').catch((error: unknown) => this.fail(error));
      this.throwIfFailed();
    }
    return inserted;
  }

  /** The documents in order; the first `skip` lines are passed over unparsed. */
  async *read(skip = 0): AsyncIterable<T> {
    if (!this.stream) return;
    // Flush what was written so far before reading it back.
    await new Promise<void>((resolve, reject) => this.stream!.write('', (e) => (e ? reject(this.fail(e)) : resolve())));
    const lines = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    let passed = 0;
    for await (const line of lines) {
      if (!line) continue;
      if (passed < skip) passed++;
      else yield JSON.parse(line) as T;
    }
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    const s = this.stream;
    this.stream = null;
    if (!s.destroyed) await new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(this.fail(e)) : resolve())));
    this.throwIfFailed();
  }

  private open(): WriteStream {
    if (!this.stream) {
      this.stream = createWriteStream(this.path, { flags: 'a' });
      this.stream.on('error', (error) => this.fail(error));
    }
    return this.stream;
  }

  private fail(error: unknown): Error {
    this.failure ??= new ServiceUnavailableError(`the embedded store cannot write ${this.path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
    return this.failure;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
