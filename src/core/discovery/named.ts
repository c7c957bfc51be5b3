/**
 * A group held together by a name: "frank ocean / photo", "justin bieber / bieber concert",
 * "saudi arabia / state". Its sentences share whom or what they mention, not a friction, as
 * masking (mask.ts) intends; the names it leaves are those it cannot mask with confidence:
 * ordinary words that are also names ("Frank", "Ocean", "Friday"), and names that posts,
 * often written all in lower case, capitalise less often than masking needs.
 *
 * Told from how the corpus writes the words, not from a list: a group is named when every
 * word of its label's lead phrase is written capitalised in the middle of a sentence at least
 * NAMED_SHARE of the time (NameTally.capitalisedShare). An ordinary word is
 * capitalised mid-sentence only by accident, far below that; "Cuba" nearly always, "Bieber"
 * in most posts that use capitals at all. Looser than masking (NAME_CAPITALISED_SHARE, 0.8), as it drops one group rather
 * than hiding a word from every sentence. A lead phrase with any ordinary word in it ("mexican
 * border", "card payment") is kept: the ordinary word says what the group is about.
 */
/**
 * Tuned on tweeteval val.csv: at 0.6 "frank ocean / photo" stays (its posts write "ocean"
 * capitalised half the time); the generated samples lose no group at 0.5.
 */
const NAMED_SHARE = 0.5;

export function isNamed(lead: string, capitalisedShare: (word: string) => number): boolean {
  const words = lead.split(' ').filter((w) => w !== 'not');
  return words.length > 0 && words.every((w) => capitalisedShare(w) >= NAMED_SHARE);
}
