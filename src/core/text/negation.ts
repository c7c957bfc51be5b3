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

/** Rewrites `negated` in place (tokens are freshly built by parseDoc, nobody else holds them). */
export function refineNegation(tokens: Token[]): void {
  let distance = Infinity;
  let extra = false;
  for (const t of tokens) {
    const word = t.normal;
    if (WINK_NEGATORS.has(word)) {
      distance = 0;
      extra = false;
      t.negated = false;
      continue;
    }
    if (EXTRA_NEGATORS.has(word)) {
      distance = 0;
      extra = true;
      t.negated = false;
      continue;
    }
    if (t.type === 'punctuation' || CLAUSE_BREAKS.has(word)) {
      distance = Infinity;
      t.negated = false;
      continue;
    }
    distance++;
    const inScope = distance <= MAX_SCOPE_WORDS;
    t.negated = inScope && (t.negated || extra);
  }
}
