import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** Rows are gathered into chunks of this size: one write per chunk, not per row. */
const CHUNK_CHARS = 1 << 18;

/**
 * A file written a row at a time in chunks, with backpressure (waits for 'drain' when the
 * stream's buffer is full), so a generator's memory stays flat whatever the file's size.
 */
export interface ChunkedFile {
  add(row: string): Promise<void>;
  /** Writes what is left and closes the file; the bytes written. */
  close(): Promise<number>;
  /** Closes the file after a failure. */
  abort(): void;
}

export function createChunkedFile(path: string, head = ''): ChunkedFile {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let chunk = head;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    bytes += Buffer.byteLength(chunk);
    const ok = out.write(chunk);
    chunk = '';
    if (!ok) await once(out, 'drain');
  };
  return {
    async add(row) {
      chunk += row;
      if (chunk.length >= CHUNK_CHARS) await flush();
    },
    async close() {
      if (chunk.length > 0) await flush();
      out.end();
      await once(out, 'finish');
      return bytes;
    },
    abort: () => out.destroy(),
  };
}
