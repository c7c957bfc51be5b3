import type { GuardFlag } from '../../contracts/index.js';

/**
 * Guards that keep the analysis of a verbatim linear in its length, run on the customer's
 * text before anything else reads it (redaction included). Support chats carry pasted logs,
 * base64 blobs, card-reader dumps and keyboard mashing; wink's English model reads each
 * token with regular expressions that backtrack quadratically on a long token (its
 * abbreviation feature, `/[a-z].*\.$/i`, took 13.9 s on one 70,000-letter word and over
 * two minutes on 1.2 million), so no token that long may reach it, nor our own regexes.
 *
 * - A run of one repeated character longer than MAX_RUN is cut to MAX_RUN ("noooooo!!!!!!"
 *   keeps its emphasis as "noooo!!!!"). Digits are never squeezed: amounts, ids and card
 *   numbers must stay as written (a squeezed card number would fail its checksum and escape
 *   redaction).
 * - A token (what wink reads as one: the characters between its separators) longer than
 *   MAX_TOKEN is replaced by LONG_TOKEN, counted like a redaction: no word is that long, and
 *   what is (URLs with tracking, blobs, dumps) carries no friction and may carry personal
 *   data. A long token without any ASCII character is a run of words of a script written
 *   without spaces (Chinese, Thai): it is cut into MAX_TOKEN pieces instead, so its language
 *   can still be told.
 * - A text longer than MAX_PIECE is parsed in pieces of at most MAX_PIECE characters, cut
 *   after a sentence where one ends in the last quarter of a piece (else at a space): every
 *   word is still analysed, and no sentence or parsed document grows past that bound.
 *
 * Every guard that fires is named on the analysis (`guarded`), so a user can find the
 * verbatims whose text was altered or split.
 */
export const MAX_RUN = 4;
export const MAX_TOKEN = 100;
export const MAX_PIECE = 10_000;

export const LONG_TOKEN = '[LONG_TOKEN]';

export interface GuardedText {
  text: string;
  /** Tokens replaced by LONG_TOKEN. */
  longTokens: number;
  /** The guards that changed the text, in GuardFlag order ('pieces' is decided by the parse). */
  flags: GuardFlag[];
}

// wink's token separators (its model's `splitter`): spaces, these Unicode spaces, \t \n \r.
const isSeparator = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f;
// Other white space wink would keep inside a token: it becomes a plain space, so a token here is one there.
const isOtherSpace = (c: number): boolean =>
  c === 11 ||
  c === 12 ||
  c === 0x1680 ||
  c === 0x2000 ||
  c === 0x2001 ||
  (c >= 0x2006 && c <= 0x2008) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x3000 ||
  c === 0xfeff;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export function guardText(text: string): GuardedText {
  const squeezed = squeeze(text);
  const tokens = boundTokens(squeezed.text);
  const flags: GuardFlag[] = [];
  if (squeezed.runs > 0) flags.push('squeezed');
  if (tokens.longTokens > 0 || tokens.cut > 0) flags.push('longToken');
  return { text: tokens.text, longTokens: tokens.longTokens, flags };
}

/** Cuts runs of one character (a code point) to MAX_RUN, digits excepted; other white space becomes ' '. */
function squeeze(text: string): { text: string; runs: number } {
  let out = '';
  let from = 0;
  let runs = 0;
  let previous = -1;
  let run = 0;
  for (let i = 0; i < text.length; ) {
    const original = text.codePointAt(i)!;
    const width = original > 0xffff ? 2 : 1;
    const c = isOtherSpace(original) ? 32 : original;
    run = c === previous ? run + 1 : 1;
    previous = c;
    const dropped = run > MAX_RUN && !isDigit(c);
    if (dropped && run === MAX_RUN + 1) runs++;
    if (dropped || c !== original) {
      out += text.slice(from, i) + (dropped ? '' : ' ');
      from = i + width;
    }
    i += width;
  }
  return { text: from === 0 ? text : out + text.slice(from), runs };
}

function boundTokens(text: string): { text: string; longTokens: number; cut: number } {
  let out = '';
  let from = 0;
  let longTokens = 0;
  let cut = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSeparator(text.charCodeAt(i))) continue;
    if (i - start > MAX_TOKEN) {
      const token = text.slice(start, i);
      out += text.slice(from, start);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: any ASCII character, control characters included, marks a token that is not CJK or Thai script.
      if (/[\x00-\x7f]/.test(token)) {
        out += LONG_TOKEN;
        longTokens++;
      } else {
        out += cutToken(token);
        cut++;
      }
      from = i;
    }
    start = i + 1;
  }
  return { text: from === 0 ? text : out + text.slice(from), longTokens, cut };
}

/** Spaces inside a token written without them, every MAX_TOKEN characters (never inside a surrogate pair). */
function cutToken(token: string): string {
  const parts: string[] = [];
  for (let at = 0; at < token.length; ) {
    let end = Math.min(at + MAX_TOKEN, token.length);
    if (end < token.length && isLowSurrogate(token.charCodeAt(end))) end--;
    parts.push(token.slice(at, end));
    at = end;
  }
  return parts.join(' ');
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Where a text longer than MAX_PIECE is cut for parsing: [start, end) ranges covering it.
 * Each ends after a sentence end ([.!?] or a line break, then white space) in its last
 * quarter, else at its last separator, else (no separator at all: cannot happen after the
 * guards, whose tokens are short) at MAX_PIECE.
 */
export function pieceRanges(text: string): Array<[number, number]> {
  if (text.length <= MAX_PIECE) return [[0, text.length]];
  const ranges: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > MAX_PIECE) {
    const limit = start + MAX_PIECE;
    let end = sentenceEnd(text, limit, start + Math.floor((MAX_PIECE * 3) / 4));
    if (end < 0) end = lastSeparator(text, limit, start + 1);
    if (end < 0) end = isLowSurrogate(text.charCodeAt(limit)) ? limit - 1 : limit;
    ranges.push([start, end]);
    start = end;
  }
  ranges.push([start, text.length]);
  return ranges;
}

/** The offset just after the last sentence end in (floor, limit], or -1. */
function sentenceEnd(text: string, limit: number, floor: number): number {
  for (let i = limit; i > floor; i--) {
    if (!isSeparator(text.charCodeAt(i))) continue;
    const before = text.charCodeAt(i - 1);
    if (before === 46 || before === 33 || before === 63 || before === 10 || before === 13) return i;
  }
  return -1;
}

function lastSeparator(text: string, limit: number, floor: number): number {
  for (let i = limit; i >= floor; i--) if (isSeparator(text.charCodeAt(i))) return i;
  return -1;
}
