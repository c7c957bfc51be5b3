import type { Token } from '../text/types.js';

/**
 * Masking what names the source (DESIGN.md, theme discovery): a group must gather what
 * verbatims complain about, not whom they mention. "My Lumo Buds arrived broken" and "the
 * Lumo app keeps crashing" share a brand, not a friction.
 *
 * Masked: every token that is not a plain word (numbers, URLs, emails, @handles, hashtags,
 * emoji, ids with digits), redaction placeholders, domain-like strings the tokenizer splits,
 * and source names: words written capitalised in the middle of a sentence nearly every
 * time they occur across the corpus ("Lumo", "FitBand", "PayPal", weekdays, agent names),
 * plus any the caller names. All-caps acronyms (SMS, PIN, 2FA) are kept: they usually name
 * the thing that failed, not the company.
 *
 * A word found by capitalisation that is an ordinary English word in lower case (the parser's
 * lexicon knows it: `Token.known`) is not masked: "Cancelled Flight", "Lost Luggage", "Late
 * Delivery" are complaints written in title case, as feeds and forms often carry them, not
 * brands. A brand that is also an ordinary word ("Delta", "United") is masked when the
 * caller names it (`--mask`); its @handle is masked as a handle.
 */

/** Share of mid-sentence occurrences written capitalised for a word to count as a name. */
const NAME_CAPITALISED_SHARE = 0.8;
/** Sentences with more capitalised words than this share are headings or shouting: no evidence. */
const TITLE_CASE_SHARE = 0.5;

const WORD = /^[a-z][a-z'-]*$/;
const WORDS = /[A-Za-z][A-Za-z'-]*/g;
// Starts where a run of domain characters starts: from inside it (after each dash, as `\b`
// allowed) a long run was rescanned from every position.
const DOMAIN = /(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?/gi;

const capitalised = (word: string): boolean => /^[A-Z]/.test(word) && /[a-z]/.test(word.slice(1));

/**
 * Counts how each word is written across the corpus, one sentence at a time, so a caller can
 * stream sentences through it before parsing any of them.
 */
export class NameTally {
  private readonly upper = new Map<string, number>();
  private readonly lower = new Map<string, number>();

  add(sentence: string): void {
    const words = sentence.match(WORDS) ?? [];
    const caps = words.filter(capitalised).length;
    if (words.length > 2 && caps > TITLE_CASE_SHARE * words.length) return;
    words.forEach((w, i) => {
      // The first word of a sentence is capitalised whatever it is; "I" always.
      if (i === 0 || w === 'I') return;
      const counts = capitalised(w) ? this.upper : this.lower;
      const key = w.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  }

  /** Lower-cased words that name a company, product or person, plus the caller's own. */
  names(extra: Iterable<string> = []): Set<string> {
    const names = new Set<string>();
    for (const [word, n] of this.upper) if (n / (n + (this.lower.get(word) ?? 0)) >= NAME_CAPITALISED_SHARE) names.add(word);
    for (const w of extra) for (const part of w.toLowerCase().split(/\s+/)) if (part) names.add(part);
    return names;
  }
}

/**
 * Which tokens of a sentence are masked: a boolean per token. `names` are the corpus's
 * detected names and the caller's; `given` the caller's alone, masked even where they are
 * ordinary words.
 */
export function maskTokens(text: string, tokens: readonly Token[], names: ReadonlySet<string>, given: ReadonlySet<string> = new Set()): boolean[] {
  const domains: Array<[number, number]> = [];
  for (const m of text.matchAll(DOMAIN)) domains.push([m.index, m.index + m[0].length]);
  return tokens.map((t) => {
    if (t.type !== 'word' || !WORD.test(t.lemma)) return true;
    // "[EMAIL]", "[PHONE]": the redactor's placeholders.
    if (text[t.start - 1] === '[' && text[t.end] === ']') return true;
    if (given.has(t.normal) || given.has(t.lemma)) return true;
    if ((names.has(t.normal) || names.has(t.lemma)) && !t.known) return true;
    return domains.some(([start, end]) => t.start >= start && t.end <= end);
  });
}
