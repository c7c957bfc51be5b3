/**
 * HTML character references decoded: posts copied from web pages and social feeds arrive
 * with "&amp;", "&#39;", "&quot;" where the customer typed "&", "'", '"'. Left encoded, the
 * parser reads "amp" and "quot" as words: they become terms, discovery groups ("amp" was a
 * suggested theme) and tokens between a word and its punctuation.
 *
 * Decoded: numeric references (decimal and hex, any code point but NUL and surrogates) and
 * the named ones feedback carries; an unknown name is left as written. A reference encoded
 * twice ("&amp;amp;", which feeds that escape already escaped text produce) is decoded to
 * the character, up to three levels deep.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  pound: '£',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));/g;
const MAX_DEPTH = 3;

function codePoint(n: number): string | undefined {
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

/** The text with its HTML character references replaced by the characters they stand for. */
export function decodeHtmlEntities(text: string): string {
  let out = text;
  for (let depth = 0; depth < MAX_DEPTH && out.includes('&'); depth++) {
    const next = out.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      const decoded = dec !== undefined ? codePoint(Number(dec)) : hex !== undefined ? codePoint(Number.parseInt(hex, 16)) : NAMED[name!.toLowerCase()];
      return decoded ?? whole;
    });
    if (next === out) break;
    out = next;
  }
  return out;
}
