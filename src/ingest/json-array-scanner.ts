import { MAX_RECORD_BYTES, megabytes } from './limits.js';

type Phase = 'start' | 'first' | 'before' | 'element' | 'end';

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Cuts a top-level JSON array into the source text of its elements, fed chunk by chunk, so a
 * million-element file is never held whole: only the element being read is buffered. It
 * finds element boundaries only (strings, escapes, nesting); JSON.parse checks each element.
 * Throws Error with a message naming the element; the reader wraps it with the file name.
 */
export class JsonArrayScanner {
  private phase: Phase = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private partsLength = 0;
  /** 1-based number of the element being read. */
  element = 0;

  feed(text: string): string[] {
    const done: string[] = [];
    let elementStart = this.phase === 'element' ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      switch (this.phase) {
        case 'start':
          if (i === 0 && c === 0xfeff) break;
          if (isSpace(c)) break;
          if (c !== OPEN_BRACKET) throw new Error(`expected a JSON array of objects, but the file starts with '${text[i]}'`);
          this.phase = 'first';
          break;
        case 'first':
        case 'before':
          if (isSpace(c)) break;
          if (c === CLOSE_BRACKET && this.phase === 'first') {
            this.phase = 'end';
            break;
          }
          this.phase = 'element';
          this.element++;
          elementStart = i;
          i = this.scanElement(text, i, done, elementStart);
          if (this.phase !== 'element') elementStart = -1;
          break;
        case 'element':
          i = this.scanElement(text, i, done, elementStart);
          if (this.phase !== 'element') elementStart = -1;
          break;
        case 'end':
          if (isSpace(c)) break;
          throw new Error(`unexpected '${text[i]}' after the closing ']'`);
      }
    }
    if (this.phase === 'element' && elementStart !== -1) this.keep(text.slice(elementStart));
    return done;
  }

  finish(): void {
    if (this.phase === 'start') throw new Error('expected a JSON array of objects, but the file is empty');
    if (this.phase !== 'end') throw new Error(`the JSON array is cut off in element ${Math.max(this.element, 1)}`);
  }

  /** Advances through one element from `from`; returns the index of the last character consumed. */
  private scanElement(text: string, from: number, done: string[], elementStart: number): number {
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && this.depth > 0) this.depth--;
      else if (this.depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
        this.keep(text.slice(elementStart, i));
        done.push(this.parts.join(''));
        this.parts = [];
        this.partsLength = 0;
        this.phase = c === COMMA ? 'before' : 'end';
        return i;
      }
    }
    return text.length - 1;
  }

  private keep(piece: string): void {
    this.parts.push(piece);
    this.partsLength += piece.length;
    if (this.partsLength > MAX_RECORD_BYTES) {
      throw new Error(`element ${this.element} is larger than ${megabytes(MAX_RECORD_BYTES)}`);
    }
  }
}
