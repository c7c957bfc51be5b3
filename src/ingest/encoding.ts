import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import { UsageError } from '../errors/index.js';

let loaded: typeof Iconv | undefined;
/** iconv-lite, loaded when an encoding other than UTF-8 is named: most runs read UTF-8 and skip its ~10 ms of loading. */
const iconv = (): typeof Iconv => (loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);

export const DEFAULT_ENCODING = 'utf-8';

/**
 * The encoding a `--encoding` flag names, lower-cased: utf-8 (the default), windows-1252,
 * latin1 (ISO-8859-1), utf-16le... any name iconv-lite decodes. Excel on Windows saves
 * "CSV" in the machine's ANSI code page (windows-1252 in Western Europe and the Americas).
 */
export function parseEncoding(flag: string | undefined): string {
  if (flag === undefined) return DEFAULT_ENCODING;
  const name = flag.trim().toLowerCase();
  if (name === 'utf8' || name === 'utf-8') return DEFAULT_ENCODING;
  if (name.length === 0 || !iconv().encodingExists(name)) {
    throw new UsageError(
      `--encoding: '${flag}' is not an encoding frictionlens reads; use utf-8 (the default), windows-1252, latin1, utf-16le or another name iconv-lite knows`,
    );
  }
  return name;
}

/**
 * The encoding a byte-order mark at the start of a file declares. A mark is the file's own
 * word on its encoding, so it wins over --encoding (as in browsers): Excel's "Unicode text"
 * export is UTF-16LE with a mark, its "CSV UTF-8" is UTF-8 with one.
 */
export function encodingFromBom(start: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (start.length >= 3 && start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'utf-8';
  if (start.length >= 2 && start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start.length >= 2 && start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Turns chunks of `encoding` into UTF-8 chunks; characters cut between chunks are carried over. */
export async function* transcodeToUtf8(chunks: AsyncIterable<Buffer>, encoding: string): AsyncGenerator<Buffer> {
  const decoder = iconv().getDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.end();
  if (rest) yield Buffer.from(rest, 'utf8');
}
