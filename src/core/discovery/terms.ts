import type { Token } from '../text/types.js';
import { maskTokens } from './mask.js';
import { NEGATORS } from '../themes/pattern.js';
import { STOP_WORDS } from './stop-words.js';
import type { DescribedUnit, DescribeOptions, DiscoveryUnit } from './types.js';

/** Parts of speech that can say what went wrong: things, actions, qualities. */
const CONTENT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
/** Most words two content words may have between them and still form a phrase (the taxonomy's gap). */
const PHRASE_GAP = 2;

interface UnitTerms {
  /** Distinct terms: lemmas, "not LEMMA" for the first content word a negator scopes, and two-word phrases. */
  terms: string[];
  /** The sentence names something besides opinion: worth grouping. */
  informative: boolean;
  /** The sentence carries a complaint cue: a negator or a word of negative valence. */
  complaint: boolean;
}

/**
 * The terms of one sentence, in lemmas so "codes" and "code" meet. A negated word gets a
 * term of its own ("not arrive"): "never arrived" and "arrived broken" are different
 * frictions. Two content words at most two words apart make a phrase ("discount code",
 * "box crush"), which is what labels and taxonomy patterns are made of.
 */
function unitTerms(tokens: readonly Token[], masked: readonly boolean[], valence?: (word: string) => number): UnitTerms {
  const terms = new Set<string>();
  let informative = false;
  let complaint = false;
  const valenceOf = (t: Token): number => (valence ? valence(t.lemma) || valence(t.normal) : 0);
  // Where the last negator stood: it scopes the next content word within the taxonomy's gap,
  // as the matcher reads "not X", so a suggested "not X" pattern matches where it came from.
  let negatorAt = -1;
  let previous: { lemma: string; at: number } | undefined;
  tokens.forEach((t, i) => {
    if (t.type === 'punctuation') {
      negatorAt = -1;
      previous = undefined;
      return;
    }
    if (NEGATORS.has(t.normal) || NEGATORS.has(t.lemma)) {
      negatorAt = i;
      complaint = true;
      return;
    }
    const v = valenceOf(t);
    if (v < 0) complaint = true;
    if (masked[i] || !CONTENT_POS.has(t.pos) || STOP_WORDS.has(t.lemma) || t.lemma.length < 3) return;
    terms.add(t.lemma);
    if (negatorAt >= 0 && i - negatorAt - 1 <= PHRASE_GAP) terms.add(`not ${t.lemma}`);
    negatorAt = -1;
    if (previous && i - previous.at - 1 <= PHRASE_GAP && previous.lemma !== t.lemma) terms.add(`${previous.lemma} ${t.lemma}`);
    previous = { lemma: t.lemma, at: i };
    if (v === 0) informative = true;
  });
  return { terms: [...terms], informative, complaint };
}

/** A parsed sentence reduced to its terms and complaint cue, source names masked. */
export function describeUnit(unit: DiscoveryUnit, names: ReadonlySet<string>, options: DescribeOptions = {}): DescribedUnit {
  const given = new Set([...(options.maskWords ?? [])].flatMap((w) => w.toLowerCase().split(/\s+/).filter(Boolean)));
  const t = unitTerms(unit.tokens, maskTokens(unit.text, unit.tokens, names, given), options.valence);
  return {
    verbatimId: unit.verbatimId,
    sentence: unit.sentence,
    text: unit.text,
    terms: t.informative ? t.terms : null,
    // A cue in a positive sentence is no complaint ("can't wait to wear it", "never disappoints").
    complaint: unit.sentiment === 'negative' || (unit.sentiment === 'neutral' && t.complaint),
  };
}
