import type { Turn } from '../../src/contracts/verbatim.js';
import {
  AGENT_ACKNOWLEDGEMENTS,
  AGENT_CHAT_GREETINGS,
  AGENT_CLOSINGS,
  AGENT_GREETINGS,
  AGENT_PROBES,
  AGENT_WRAPUPS,
  BOT_GREETINGS,
  BOT_HANDOVERS,
  CHAT_OPENERS,
  CUSTOMER_OPENERS,
  CUSTOMER_SIGN_OFFS,
} from './filler.js';
import type { Rng } from './prng.js';
import { fillTemplate } from './template.js';

type Line = { speaker: 'agent' | 'customer' | 'bot'; text: string };

/** Interleaves the customer's utterances with polite agent lines that never name the problem. */
function callLines(rng: Rng, utterances: readonly string[], agent: string): Line[] {
  const vars = { agent };
  const lines: Line[] = [{ speaker: 'agent', text: fillTemplate(rng, rng.pick(AGENT_GREETINGS), vars) }];
  lines.push({ speaker: 'customer', text: rng.pick(CUSTOMER_OPENERS) });
  lines.push({ speaker: 'agent', text: rng.pick(AGENT_PROBES) });
  utterances.forEach((utterance, i) => {
    lines.push({ speaker: 'customer', text: utterance });
    lines.push({ speaker: 'agent', text: i === utterances.length - 1 ? rng.pick(AGENT_WRAPUPS) : rng.pick(AGENT_ACKNOWLEDGEMENTS) });
  });
  lines.push({ speaker: 'customer', text: 'Okay.' });
  lines.push({ speaker: 'agent', text: rng.pick(AGENT_CLOSINGS) });
  lines.push({ speaker: 'customer', text: rng.pick(CUSTOMER_SIGN_OFFS) });
  return lines;
}

const clock = (seconds: number): string =>
  [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');

const LABEL = { agent: 'Agent', customer: 'Customer', bot: 'Bot' } as const;

/** A call transcript as one text, "Agent: ..." per line, some with "[00:01:12]" timestamps. */
export function renderCallTranscript(rng: Rng, utterances: readonly string[], agent: string): string {
  const timed = rng.chance(0.4);
  let elapsed = rng.int(0, 5);
  return callLines(rng, utterances, agent)
    .map((line) => {
      const prefix = timed ? `[${clock(elapsed)}] ` : '';
      elapsed += rng.int(6, 45);
      return `${prefix}${LABEL[line.speaker]}: ${line.text}`;
    })
    .join('\n');
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A support chat as turns: bot triage, handover, then customer and agent. */
export function renderChatTurns(rng: Rng, utterances: readonly string[], agent: string, startMs: number): Turn[] {
  const lines: Line[] = [
    { speaker: 'bot', text: rng.pick(BOT_GREETINGS) },
    { speaker: 'customer', text: rng.pick(CHAT_OPENERS) },
    { speaker: 'bot', text: rng.pick(BOT_HANDOVERS) },
    { speaker: 'agent', text: fillTemplate(rng, rng.pick(AGENT_CHAT_GREETINGS), { agent }) },
  ];
  utterances.forEach((utterance, i) => {
    lines.push({ speaker: 'customer', text: utterance });
    lines.push({ speaker: 'agent', text: i === utterances.length - 1 ? rng.pick(AGENT_WRAPUPS) : rng.pick(AGENT_ACKNOWLEDGEMENTS) });
  });
  if (rng.chance(0.6)) lines.push({ speaker: 'customer', text: rng.pick(['ok thanks', 'thx', 'Thanks.', 'ok']) });
  let at = startMs;
  return lines.map((line) => {
    const turn: Turn = { speaker: line.speaker, text: line.text, at: isoSeconds(at) };
    at += rng.int(5, 90) * 1000;
    return turn;
  });
}

export { isoSeconds };
