import { ENGLISH_FUNCTION_WORDS, OTHER_FUNCTION_WORDS } from './function-words.js';
import { withoutSocialNoise } from './social-noise.js';

export interface LanguageGuess {
  /** ISO 639-1 code ('en', 'fr', ...). */
  language: string;
  /** False where the text was too short or too mixed to tell; such texts default to 'en'. */
  confident: boolean;
}

/*
 * Cheapest first:
 * 1. function words: a text of MIN_WORDS+ words where English function words are at least
 *    EN_SHARE of the words, outnumber other languages' ones FOREIGN_FACTOR to 1, and letters
 *    are nearly all ASCII is English, with no detector run (the usual case here, ~all texts).
 * 2. the same on the text without handles, hashtags, links, emoji and numbers (social-noise.ts).
 * 3. English, unconfident, when the text is short (under MIN_DETECT_LETTERS letters) or shows
 *    no sign of another language (none of its function words, no accented letter): an
 *    n-gram detector is unreliable on short texts, names and slang, and an unsure text in an
 *    English feed is far more likely English than anything else.
 * 4. otherwise tinyld's n-gram detector, on the text of step 2.
 */
const MIN_WORDS = 4;
const EN_SHARE = 0.15;
const FOREIGN_FACTOR = 2;
const MAX_NON_ASCII_SHARE = 0.02;
const MIN_DETECT_LETTERS = 20;
const MIN_DETECT_ACCURACY = 0.5;
/** Share of letters that may be accented in an English text naming foreign people or places. */
const ACCENTED_NAME_SHARE = 0.1;

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

interface WordCounts {
  words: number;
  letters: number;
  nonAscii: number;
  english: number;
  other: number;
}

function countWords(text: string): WordCounts {
  const c: WordCounts = { words: 0, letters: 0, nonAscii: 0, english: 0, other: 0 };
  const lower = text.toLowerCase();
  const ascii = !NON_ASCII.test(lower);
  const count = (word: string): void => {
    c.words++;
    c.letters += word.length;
    if (!ascii && NON_ASCII.test(word)) c.nonAscii += word.length;
    if (ENGLISH_FUNCTION_WORDS.has(word)) c.english++;
    else if (OTHER_FUNCTION_WORDS.has(word)) c.other++;
  };
  if (ascii) eachAsciiWord(lower, count);
  else for (const [word] of lower.matchAll(WORD)) count(word);
  return c;
}

const plainEnglish = (c: WordCounts): boolean =>
  c.words >= MIN_WORDS && c.english >= EN_SHARE * c.words && c.english >= FOREIGN_FACTOR * c.other && c.nonAscii <= MAX_NON_ASCII_SHARE * c.letters;

export function detectLanguage(text: string, detectAll: NgramDetector): LanguageGuess {
  if (plainEnglish(countWords(text))) return { language: 'en', confident: true };
  // Handles, hashtags, links, emoji and numbers are no language: a post is judged on the
  // words written around them (an English post full of "@SouthwestAir #fail" is English).
  const words = withoutSocialNoise(text);
  const c = countWords(words);
  if (plainEnglish(c)) return { language: 'en', confident: true };
  if (c.letters < MIN_DETECT_LETTERS) return { language: 'en', confident: false };
  // Another language shows itself by its function words or its accented letters. Without
  // either, the n-gram detector has only names, slang and capitalised headlines to go on
  // ("Zac Efron Flaunts Fit Abs", "wes cass twins mak"), where it guesses Klingon or Berber
  // for English posts: an English feed keeps them.
  const foreignEvidence = c.other > c.english || c.nonAscii > 0;
  if (!foreignEvidence) return { language: 'en', confident: false };
  // English function words outnumbering the foreign ones FOREIGN_FACTOR to 1, with two at
  // least, outweigh a foreign name's accents ("Marion Maréchal-Le Pen met her at the Duma").
  if (c.english >= 2 && c.english >= FOREIGN_FACTOR * c.other && c.nonAscii <= ACCENTED_NAME_SHARE * c.letters) return { language: 'en', confident: false };
  const best = detectAll(words)[0];
  if (best === undefined) return { language: 'en', confident: false };
  return { language: best.lang, confident: best.accuracy >= MIN_DETECT_ACCURACY };
}
