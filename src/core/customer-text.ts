import type { Verbatim } from '../contracts/index.js';

const TERMINAL = /[.!?…]["')\]]?\s*$/;

/**
 * The customer's own words: the text, or the customer turns of a transcript or chat. Agent,
 * bot and system turns never count as the customer's sentiment. Turns are joined with a
 * full stop where they lack one, so one turn never runs into the next sentence.
 */
export function customerText(verbatim: Pick<Verbatim, 'text' | 'turns'>): string {
  if (verbatim.turns && verbatim.turns.length > 0) {
    return verbatim.turns
      .filter((t) => t.speaker === 'customer')
      .map((t) => t.text.trim())
      .filter((t) => t.length > 0)
      .map((t) => (TERMINAL.test(t) ? t : `${t}.`))
      .join(' ');
  }
  return (verbatim.text ?? '').trim();
}
