import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { IdSet } from '../id-set.js';

/**
 * An append-only keyed collection on disk: one JSON document per line, keys in memory (off
 * the heap, see IdSet). Lets the embedded store hold a million analyses without holding them
 * in memory.
 */
export class JsonlCollection<T> {
  private readonly keys = new IdSet();
  private stream: WriteStream | null = null;

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
    let inserted = 0;
    let chunk = '';
    for (const doc of docs) {
      if (!this.keys.add(keyOf(doc))) continue;
      if (this.keepBodies) chunk += JSON.stringify(doc) + '\n';
      inserted++;
    }
    if (chunk) {
      this.stream ??= createWriteStream(this.path, { flags: 'a' });
      if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    }
    return inserted;
  }

  async *read(): AsyncIterable<T> {
    if (!this.stream) return;
    // Flush what was written so far before reading it back.
    await new Promise<void>((resolve, reject) => this.stream!.write('', (e) => (e ? reject(e) : resolve())));
    const lines = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as T;
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    const s = this.stream;
    this.stream = null;
    await new Promise<void>((resolve) => s.end(resolve));
  }
}
