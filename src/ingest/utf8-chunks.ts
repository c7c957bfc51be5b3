import { open, type FileHandle } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors/index.js';
import { readAhead, replay } from './read-ahead.js';
import { DEFAULT_ENCODING, encodingFromBom, transcodeToUtf8 } from './encoding.js';

/**
 * Opens a source file and yields its text as UTF-8 chunks that end on a character boundary,
 * so readers can decode each chunk alone. UTF-8 input is checked, not converted (an
 * incomplete sequence at a chunk's end is carried to the next one); any other encoding (the
 * flag's, or the one a byte-order mark declares) is decoded by iconv-lite. Pull-based: the
 * file is read only as fast as the consumer iterates.
 */
export async function* readSourceChunks(path: string, encoding: string = DEFAULT_ENCODING): AsyncGenerator<Buffer> {
  const handle = await openReadable(path);
  try {
    const { head, rest } = await readAhead(handle.createReadStream({ autoClose: false }), 1);
    if (head.length === 0) return;
    const chunks = replay(head, rest);
    const effective = encodingFromBom(head[0]!) ?? encoding;
    if (effective === DEFAULT_ENCODING) yield* checkedUtf8(chunks, path, encoding);
    else yield* transcodeToUtf8(chunks, effective);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read (${(error as Error).message})`);
  } finally {
    await handle.close();
  }
}

async function* checkedUtf8(chunks: AsyncIterable<Buffer>, path: string, asked: string): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined;
  let offset = 0;
  let lines = 0;
  // Only a file read as UTF-8 because --encoding said nothing gets the hint to pass one.
  const hint = asked === DEFAULT_ENCODING;
  for await (const raw of chunks) {
    const chunk = carry === undefined ? raw : Buffer.concat([carry, raw]);
    const cut = completeLength(chunk);
    const whole = chunk.subarray(0, cut);
    if (!isUtf8(whole)) throw invalidUtf8(path, whole, offset, lines, hint);
    carry = cut < chunk.length ? Buffer.from(chunk.subarray(cut)) : undefined;
    offset += cut;
    lines += countNewlines(whole);
    if (whole.length > 0) yield whole;
  }
  if (carry !== undefined) throw invalidUtf8(path, carry, offset, lines, hint);
}

async function openReadable(path: string): Promise<FileHandle> {
  let handle: FileHandle;
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
function invalidUtf8(path: string, bytes: Buffer, offset: number, lines: number, hint: boolean): InputError {
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
  const fix = hint
    ? 'save the file as UTF-8, or name its encoding with --encoding (windows-1252 for most Excel CSV files saved on Windows)'
    : 'save the file as UTF-8';
  return new InputError(`${path}: invalid UTF-8 at byte ${offset + bad} (line ${line}); ${fix}`);
}
