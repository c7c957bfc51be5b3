import { ENGLISH_FUNCTION_WORDS, OTHER_FUNCTION_WORDS } from './function-words.js';

export interface LanguageGuess {
  /** ISO 639-1 code ('en', 'fr', ...). */
  language: string;
  /** False where the text was too short or too mixed to tell; such texts default to 'en'. */
  confident: boolean;
}

/*
 * Two steps, cheapest first:
 * 1. function words: a text of MIN_WORDS+ words where English function words are at least
 *    EN_SHARE of the words, outnumber other languages' ones FOREIGN_FACTOR to 1, and letters
 *    are nearly all ASCII is English, with no detector run (the usual case here, ~all texts).
 * 2. otherwise tinyld's n-gram detector, but only on texts of MIN_DETECT_LETTERS+ letters:
 *    it is unreliable below that, and a short unsure text ("ok thx", "great!!") is far more
 *    likely English in an English feed than anything else.
 */
const MIN_WORDS = 4;
const EN_SHARE = 0.15;
const FOREIGN_FACTOR = 2;
const MAX_NON_ASCII_SHARE = 0.02;
const MIN_DETECT_LETTERS = 20;
const MIN_DETECT_ACCURACY = 0.5;
const SHORT_WORDS = 8;

const WORD = /[\p{L}']+/gu;
/**
 * The words of /[a-z']+/g in `lower`, found without a regex: nearly every text is plain
 * ASCII, and matchAll's match objects were most of this stage's allocations.
 */
function eachAsciiWord(lower: string, word: (w: string) => void): void {
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const inWord = (c >= 97 && c <= 122) || c === 39;
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      word(lower.slice(start, i));
      start = -1;
    }
  }
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included, on purpose.
const NON_ASCII = /[^\u0000-\u007f]/;

/** An n-gram language detector (tinyld's detectAll, passed in by src/load): best guesses first. */
export type NgramDetector = (text: string) => ReadonlyArray<{ lang: string; accuracy: number }>;

export function detectLanguage(text: string, detectAll: NgramDetector): LanguageGuess {
  let words = 0;
  let letters = 0;
  let nonAscii = 0;
  let english = 0;
  let other = 0;
  const lower = text.toLowerCase();
  const ascii = !NON_ASCII.test(lower);
  const count = (word: string): void => {
    words++;
    letters += word.length;
    if (!ascii && NON_ASCII.test(word)) nonAscii += word.length;
    if (ENGLISH_FUNCTION_WORDS.has(word)) english++;
    else if (OTHER_FUNCTION_WORDS.has(word)) other++;
  };
  if (ascii) eachAsciiWord(lower, count);
  else for (const [word] of lower.matchAll(WORD)) count(word);
  if (words >= MIN_WORDS && english >= EN_SHARE * words && english >= FOREIGN_FACTOR * other && nonAscii <= MAX_NON_ASCII_SHARE * letters) {
    return { language: 'en', confident: true };
  }
  if (letters < MIN_DETECT_LETTERS) return { language: 'en', confident: false };
  // A short text with no foreign function word and no accented letter ("Notifications arrive
  // hours late.") gives an n-gram detector too little to go on: it stays English.
  const foreignEvidence = other > english || nonAscii > 0;
  if (!foreignEvidence && words < SHORT_WORDS) return { language: 'en', confident: false };
  // Plain ASCII with an English function word and none of another language's ("No
  // complaints, happy customer. Happy with everything so far.") is terse English: the n-gram
  // detector, the costliest step by far, has nothing to add.
  if (nonAscii === 0 && english > 0 && other === 0) return { language: 'en', confident: false };
  const best = detectAll(text)[0];
  if (best === undefined) return { language: 'en', confident: false };
  const confident = best.accuracy >= MIN_DETECT_ACCURACY;
  if (best.lang !== 'en' && !confident && !foreignEvidence) return { language: 'en', confident: false };
  return { language: best.lang, confident };
}
