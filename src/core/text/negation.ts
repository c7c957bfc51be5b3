import type { Token } from './types.js';

/**
 * wink-nlp flags every token from a negation to the next punctuation mark, so in "didn't
 * work and the agent was helpful" it negates "helpful" too. We keep wink's flag but end the
 * scope where a new clause starts or after a few words, which is where readers stop
 * carrying the "not" (cf. VADER's three-word look-back, Hutto & Gilbert 2014).
 */
const MAX_SCOPE_WORDS = 4;

// Negators wink already scopes; "without"/"hardly"/"barely" it does not, so we add them.
const WINK_NEGATORS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'cannot']);
const EXTRA_NEGATORS = new Set(['without', 'hardly', 'barely', 'lack', 'lacks', 'lacking']);

const CLAUSE_BREAKS = new Set([
  'but',
  'and',
  'or',
  'because',
  'although',
  'though',
  'however',
  'yet',
  'so',
  'while',
  'whereas',
  'which',
  'who',
  'since',
  'unless',
  'until',
  'if',
  'when',
  'then',
  'except',
]);

/** What a word does to a negation's scope: nothing, opens one wink flags, opens one it does not, ends it. */
const NONE = 0;
const NEGATOR = 1;
const EXTRA_NEGATOR = 2;
const CLAUSE_BREAK = 3;

function roleOf(word: string): number {
  if (WINK_NEGATORS.has(word)) return NEGATOR;
  if (EXTRA_NEGATORS.has(word)) return EXTRA_NEGATOR;
  return CLAUSE_BREAKS.has(word) ? CLAUSE_BREAK : NONE;
}

/** Rewrites `negated` in place (tokens are freshly built by parseDoc, nobody else holds them). */
export function refineNegation(tokens: Token[]): void {
  let distance = Infinity;
  let extra = false;
  for (const t of tokens) {
    // Once per word (Token.word): the role follows from its normal alone.
    const role = t.word === undefined ? roleOf(t.normal) : (t.word.negation ??= roleOf(t.normal));
    if (role === NEGATOR) {
      distance = 0;
      extra = false;
      t.negated = false;
      continue;
    }
    if (role === EXTRA_NEGATOR) {
      distance = 0;
      extra = true;
      t.negated = false;
      continue;
    }
    if (t.type === 'punctuation' || role === CLAUSE_BREAK) {
      distance = Infinity;
      t.negated = false;
      continue;
    }
    distance++;
    const inScope = distance <= MAX_SCOPE_WORDS;
    t.negated = inScope && (t.negated || extra);
  }
}
