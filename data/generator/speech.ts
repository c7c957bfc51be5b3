import { AGENT_NAMES } from './catalogue.js';
import { CONTEXT_SENTENCES, GENERIC_SENTENCES, MIXED_BRIDGES, NEGATIVE_CLOSINGS, POSITIVE_CLOSINGS } from './filler.js';
import { addTypo, piiSentence, type PiiItem } from './noise.js';
import { PHRASINGS } from './phrasings.js';
import type { Rng } from './prng.js';
import { fillTemplate } from './template.js';
import type { Mention, Polarity, ThemeId } from './theme-ids.js';

/** The sentence(s) a planted mention became; kept in memory to measure a matcher, not written. */
export interface MentionText {
  theme: ThemeId;
  polarity: Polarity;
  text: string;
}

/** What the customer says, as utterances (one per turn in a conversation). */
export interface CustomerSpeech {
  utterances: string[];
  mentionTexts: MentionText[];
  pii: PiiItem[];
}

const TYPO_RATE = 0.05;
const PII_RATE = 0.04;
const CONTEXT_RATE = 0.35;
const SECOND_PHRASING_RATE = 0.12;
const CLOSING_RATE = 0.4;
const KEEP_CAPITAL = new Set<string>(['I', ...AGENT_NAMES]);

function afterBridge(sentence: string): string {
  const first = sentence.split(/[\s']/, 1)[0] ?? '';
  return KEEP_CAPITAL.has(first) ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function sayMention(rng: Rng, mention: Mention, vars: Readonly<Record<string, string>>): string {
  const book = PHRASINGS[mention.theme];
  const templates = mention.polarity === 'positive' ? book.positive : book.negative;
  const first = rng.pick(templates);
  let text = fillTemplate(rng, first, vars);
  if (mention.polarity === 'negative' && rng.chance(SECOND_PHRASING_RATE)) {
    const second = rng.pick(templates);
    if (second !== first) text += ` ${fillTemplate(rng, second, vars)}`;
  }
  return text;
}

/**
 * Plans the customer's words: optional context, one utterance per mention (a positive one
 * after a complaint is bridged: "To be fair, ..."), a closing, then typos and PII sprinkled in.
 */
export function planSpeech(rng: Rng, mentions: readonly Mention[], vars: Readonly<Record<string, string>>): CustomerSpeech {
  const utterances: string[] = [];
  const mentionTexts: MentionText[] = [];
  const context = rng.chance(CONTEXT_RATE) ? fillTemplate(rng, rng.pick(CONTEXT_SENTENCES), vars) : undefined;
  if (mentions.length === 0) {
    utterances.push(fillTemplate(rng, rng.pick(GENERIC_SENTENCES), vars));
    if (rng.chance(0.3)) utterances.push(rng.pick(GENERIC_SENTENCES));
  }
  let sawNegative = false;
  for (const mention of mentions) {
    const said = sayMention(rng, mention, vars);
    mentionTexts.push({ theme: mention.theme, polarity: mention.polarity, text: said });
    const bridged = mention.polarity === 'positive' && sawNegative ? `${rng.pick(MIXED_BRIDGES)} ${afterBridge(said)}` : said;
    utterances.push(bridged);
    if (mention.polarity === 'negative') sawNegative = true;
  }
  if (context !== undefined) utterances[0] = `${context} ${utterances[0] ?? ''}`.trim();
  if (mentions.length > 0 && rng.chance(CLOSING_RATE)) {
    const closing = rng.pick(sawNegative ? NEGATIVE_CLOSINGS : POSITIVE_CLOSINGS);
    const last = utterances.length - 1;
    utterances[last] = `${utterances[last] ?? ''} ${closing}`;
  }
  if (rng.chance(TYPO_RATE)) {
    const i = rng.int(0, utterances.length - 1);
    utterances[i] = addTypo(rng, utterances[i] ?? '');
  }
  const pii: PiiItem[] = [];
  if (rng.chance(PII_RATE)) {
    const { sentence, item } = piiSentence(rng);
    const i = rng.int(0, utterances.length - 1);
    utterances[i] = `${utterances[i] ?? ''} ${sentence}`;
    pii.push(item);
  }
  return { utterances, mentionTexts, pii };
}
