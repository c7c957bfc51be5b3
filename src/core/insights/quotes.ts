import type { Analysis, ThemeMention } from '../../contracts/index.js';
import { hash32 } from './bootstrap.js';
import type { QuoteCandidate } from './partial-types.js';

const QUOTES_PER_THEME = 3;
const MAX_QUOTE_CHARS = 280;

/**
 * A quote is the sentence that evidences the mention. Representative for a friction theme
 * means negative and clearly worded first: the rank key orders by polarity, then by strength
 * of sentiment, then by a hash of the verbatim id so ties break the same way in every run.
 */
export function quoteCandidate(analysis: Analysis, mention: ThemeMention): QuoteCandidate {
  const span = analysis.sentences[mention.evidence.sentence]?.span ?? mention.evidence.span;
  let text = analysis.text.slice(span.start, span.end).trim();
  if (text.length > MAX_QUOTE_CHARS) text = `${text.slice(0, MAX_QUOTE_CHARS - 1)}…`;
  const s = mention.sentiment.score;
  const polarity = mention.sentiment.label === 'negative' ? 0 : mention.sentiment.label === 'neutral' ? 1 : 2;
  // Very short sentences ("Terrible.") say little about the cause: rank them after the rest.
  const terse = text.length < 25 ? 1 : 0;
  const strength = String(Math.round((1 - Math.abs(s)) * 9999)).padStart(4, '0');
  const tie = hash32(analysis.verbatimId).toString(16).padStart(8, '0');
  return {
    verbatimId: analysis.verbatimId,
    text,
    sentiment: s,
    channel: analysis.channel,
    ...(analysis.createdAt === undefined ? {} : { createdAt: analysis.createdAt }),
    rank: `${polarity}${terse}${strength}${tie}${analysis.verbatimId}`,
  };
}

/** Keeps the k best-ranked candidates: a commutative, associative merge. */
export function topQuotes(a: readonly QuoteCandidate[], b: readonly QuoteCandidate[], k = QUOTES_PER_THEME): QuoteCandidate[] {
  const seen = new Set<string>();
  return [...a, ...b]
    .sort((x, y) => (x.rank < y.rank ? -1 : x.rank > y.rank ? 1 : 0))
    .filter((q) => !seen.has(q.verbatimId) && seen.add(q.verbatimId))
    .slice(0, k);
}

/**
 * Offers one candidate to a kept list in place: the same list as topQuotes(list, [q]), without
 * allocating and sorting for every theme of every scope of every verbatim folded.
 */
export function offerQuote(list: QuoteCandidate[], q: QuoteCandidate, k = QUOTES_PER_THEME): void {
  const same = list.findIndex((x) => x.verbatimId === q.verbatimId);
  if (same >= 0) {
    if (!(q.rank < list[same]!.rank)) return;
    list.splice(same, 1);
  }
  if (list.length >= k && !(q.rank < list[list.length - 1]!.rank)) return;
  let at = list.length;
  while (at > 0 && q.rank < list[at - 1]!.rank) at--;
  list.splice(at, 0, q);
  if (list.length > k) list.length = k;
}
