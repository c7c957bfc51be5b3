import { FIRST_NAMES, LAST_NAMES, MAIL_DOMAINS } from './catalogue.js';
import type { Rng } from './prng.js';

export type PiiKind = 'email' | 'phone';

export interface PiiItem {
  kind: PiiKind;
  value: string;
}

const WORD = /[A-Za-z]{5,}/g;

/** One realistic slip in a word of five letters or more: two letters swapped or one dropped. */
export function addTypo(rng: Rng, text: string): string {
  const words = [...text.matchAll(WORD)];
  if (words.length === 0) return text;
  const word = rng.pick(words);
  const start = word.index;
  const w = word[0];
  const i = rng.int(1, w.length - 3);
  const typo = rng.chance(0.5) ? w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
  return text.slice(0, start) + typo + text.slice(start + w.length);
}

function email(rng: Rng): string {
  const sep = rng.pick(['.', '_', '']);
  return `${rng.pick(FIRST_NAMES)}${sep}${rng.pick(LAST_NAMES)}${rng.int(0, 1) === 0 ? '' : rng.int(1, 99)}@${rng.pick(MAIL_DOMAINS)}`;
}

function phone(rng: Rng): string {
  const d = (n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
  switch (rng.int(0, 3)) {
    case 0:
      return `+44 7700 900${d(3)}`;
    case 1:
      return `(555) ${d(3)}-${d(4)}`;
    case 2:
      return `555-${d(3)}-${d(4)}`;
    default:
      return `07700 900 ${d(3)}`;
  }
}

/** A sentence that leaves contact details behind, for redaction to find. */
export function piiSentence(rng: Rng): { sentence: string; item: PiiItem } {
  if (rng.chance(0.55)) {
    const value = email(rng);
    return { sentence: rng.pick([`Email me at ${value}.`, `My email is ${value} if you need it.`]), item: { kind: 'email', value } };
  }
  const value = phone(rng);
  return { sentence: rng.pick([`My number is ${value}.`, `You can reach me on ${value}.`]), item: { kind: 'phone', value } };
}
