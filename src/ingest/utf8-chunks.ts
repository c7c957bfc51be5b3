import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors/index.js';

/**
 * Opens a source file and yields its bytes in chunks that are valid UTF-8 and end on a
 * character boundary (an incomplete sequence at a chunk's end is carried to the next one), so
 * readers can decode each chunk alone. Pull-based: the file is read only as fast as the
 * consumer iterates.
 */
export async function* readUtf8Chunks(path: string): AsyncGenerator<Buffer> {
  const handle = await openReadable(path);
  let carry: Buffer | undefined;
  let offset = 0;
  let lines = 0;
  try {
    for await (const raw of handle.createReadStream({ autoClose: false })) {
      const chunk = carry === undefined ? (raw as Buffer) : Buffer.concat([carry, raw as Buffer]);
      const cut = completeLength(chunk);
      const whole = chunk.subarray(0, cut);
      if (!isUtf8(whole)) throw invalidUtf8(path, whole, offset, lines);
      carry = cut < chunk.length ? Buffer.from(chunk.subarray(cut)) : undefined;
      offset += cut;
      lines += countNewlines(whole);
      if (whole.length > 0) yield whole;
    }
    if (carry !== undefined) throw invalidUtf8(path, carry, offset, lines);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read (${(error as Error).message})`);
  } finally {
    await handle.close();
  }
}

async function openReadable(path: string) {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`${path}: cannot open (${why})`);
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new InputError(`${path}: is a directory or special file, not a data file`);
  }
  return handle;
}

/** Length of the prefix that ends on a character boundary (looks back at most 3 bytes). */
function completeLength(bytes: Buffer): number {
  const end = bytes.length;
  for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + needed > end ? i : end;
  }
  return end;
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** Only on the error path: find the first bad byte so the message points at it. */
function invalidUtf8(path: string, bytes: Buffer, offset: number, lines: number): InputError {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix: isUtf8 is monotone over prefixes cut at boundaries, close enough here.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isUtf8(bytes.subarray(0, completeLength(bytes.subarray(0, mid))))) lo = mid;
    else hi = mid - 1;
  }
  const bad = completeLength(bytes.subarray(0, lo));
  const line = lines + countNewlines(bytes.subarray(0, bad)) + 1;
  return new InputError(`${path}: invalid UTF-8 at byte ${offset + bad} (line ${line}); save the file as UTF-8`);
}
