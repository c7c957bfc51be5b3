import fc from 'fast-check';

/**
 * What support chats carry besides sentences: pasted logs, blobs, keyboard mashing, emoji,
 * right-to-left text, invisible characters. Arbitraries for the property tests of the core
 * analysis (test/analyze-properties.test.ts) and the file fuzzer (test/fuzz/mutate.ts).
 */

const WORDS = [
  'my',
  'refund',
  'never',
  'came',
  'the',
  'app',
  'keeps',
  'crashing',
  'not',
  'happy',
  'delivery',
  'was',
  'late',
  'and',
  'I',
  'waited',
  'on',
  'hold',
  'for',
  'hours',
  'charged',
  'twice',
  'cancel',
  'account',
  'thanks',
  'but',
  'so',
  'very',
  'agent',
];
const ODD = [
  '\u0000',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u0301',
  '\u0308',
  '\ufeff',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\t',
  '\r',
  '\n',
  '\ud800',
  '\udc00',
  '\\',
  '"',
  "'",
  '`',
  ',',
  ';',
  '|',
  '<',
  '>',
  '&',
  '%',
  '$',
  '€',
  '#',
  '@',
  '/',
  ':',
  '.',
  '!',
  '?',
  '-',
  '_',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
];
const EMOJI = ['😡', '👍🏽', '👨‍👩‍👧', '🇬🇧', '❤️', '🙄', '😂'];
const SCRIPTS = ['שלום', 'مرحبا', '你好吗', 'こんにちは', 'привет', 'สวัสดี', 'Größe', 'niño'];

const word = fc.constantFrom(...WORDS);
const odd = fc.constantFrom(...ODD);
const digits = fc.stringMatching(/^[0-9]{1,24}$/);

/** Something a customer (or their clipboard) might put between two spaces. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 2, arbitrary: fc.tuple(digits, word).map(([d, w]) => d + w) },
  { weight: 1, arbitrary: fc.tuple(word, digits).map(([w, d]) => w + d) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...SCRIPTS) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('!', '?', '.', '-', '*', '=', '~', 'o', '😡'), fc.integer({ min: 2, max: 400 })).map(([c, n]) => c.repeat(n)),
  },
  // Long tokens: a unit repeated, as blobs, dumps and mashing are.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '1', '-', '.', '/', '=', '+', "'", '_'), odd), minLength: 1, maxLength: 6 }),
        fc.integer({ min: 10, max: 3_000 }),
      )
      .map(([u, n]) => u.repeat(n)),
  },
  { weight: 2, arbitrary: fc.string({ unit: odd, maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'john.smith@example.com',
      '+44 20 7946 0958',
      '4111 1111 1111 1111',
      'https://x.io/reset/abcDEF1234567890xyz',
      '221B Baker Street',
      '123-45-6789',
    ),
  },
);

/** Separators between pieces, white space of every kind and none at all. */
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '. ', ', ', '\t', '\u00a0', '\r\n');

/** A verbatim text: pieces and separators, possibly empty, possibly long. */
export const verbatimText: fc.Arbitrary<string> = fc.array(fc.tuple(piece, separator), { maxLength: 60 }).map((parts) => parts.map(([p, s]) => p + s).join(''));

/** A short unit that, repeated, makes an adversarial long text (see `repeatTo`). */
export const adversarialUnit: fc.Arbitrary<string> = fc
  .array(fc.oneof(word, odd, fc.constantFrom('a', '1', '-', '.', '!', ' ', ' ', '😡', 'www.', '@', ':', '#')), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

/**
 * `unit` repeated to `length` characters after an English sentence, each repetition tagged
 * (wink caches the tokens it has seen: identical repeats would cost nothing after the first)
 * and followed by English function words, so the text stays English at any length.
 */
export function repeatTo(unit: string, length: number): string {
  const parts = ['My refund never came and the agent was rude. '];
  let size = parts[0]!.length;
  for (let i = 0; size < length; i++) {
    const part = `${unit}${i.toString(36)} and the `;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, length);
}
