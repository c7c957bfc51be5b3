import { pieceRanges } from './guard.js';
import type { Doc, Sentence } from './types.js';

/**
 * Parses a text in the pieces the guards bound it to (see guard.ts) and lays the pieces'
 * sentences out as one Doc over the whole text, offsets shifted to it: every later stage sees
 * one document, whatever its length. A short text is parsed whole, as before.
 */
export function parseInPieces(parse: (text: string) => Doc, text: string): { doc: Doc; pieces: number } {
  const ranges = pieceRanges(text);
  if (ranges.length === 1) return { doc: parse(text), pieces: 1 };
  const sentences: Sentence[] = [];
  for (const [start, end] of ranges) {
    for (const sentence of parse(text.slice(start, end)).sentences) {
      // The tokens are the parse's own, fresh objects: shifted in place.
      for (const token of sentence.tokens) {
        token.start += start;
        token.end += start;
      }
      sentences.push({ ...sentence, start: sentence.start + start, end: sentence.end + start });
    }
  }
  return { doc: { text, sentences }, pieces: ranges.length };
}
