import type { Speaker, Turn } from '../contracts/index.js';

/** Speaker labels as transcript tools write them; longer aliases first so "Virtual Agent" beats "Agent". */
const SPEAKER_ALIASES: ReadonlyArray<readonly [string, Speaker]> = [
  ['virtual agent', 'bot'],
  ['virtual assistant', 'bot'],
  ['customer service representative', 'agent'],
  ['representative', 'agent'],
  ['associate', 'agent'],
  ['advisor', 'agent'],
  ['adviser', 'agent'],
  ['agent', 'agent'],
  ['rep', 'agent'],
  ['csr', 'agent'],
  ['customer', 'customer'],
  ['caller', 'customer'],
  ['client', 'customer'],
  ['member', 'customer'],
  ['user', 'customer'],
  ['assistant', 'bot'],
  ['bot', 'bot'],
  ['ivr', 'bot'],
  ['system', 'system'],
];
const SPEAKER_BY_LABEL = new Map(SPEAKER_ALIASES);

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[AaPp]\.?[Mm]\.?)?`;
/** "[00:01:23]", "(10:32 AM)" or a bare "10:32 AM". */
const STAMP = String.raw`(?:\[\s*(${TIME})\s*\]|\(\s*(${TIME})\s*\)|(${TIME}))`;
const LABEL = SPEAKER_ALIASES.map(([label]) => label.replace(' ', String.raw`\s+`)).join('|');
/** An optional agent name or number after the label: "Agent (Sarah)", "Agent 2". */
const NAME = String.raw`(?:\s*\([^)\n]{1,40}\)|\s+\d{1,2})?`;
// `\s*(?:[-–]\s*)?`, not `\s*[-–]?\s*`: spaces without a dash could split between the two runs in every way.
const TURN_START = new RegExp(String.raw`(?<=^|\s)(?:${STAMP}\s*(?:[-–]\s*)?)?\b(${LABEL})\b${NAME}(?:\s*${STAMP})?\s*:(?=\s|$)`, 'gi');

interface LabelMatch {
  index: number;
  end: number;
  speaker: Speaker;
  at?: string;
}

/**
 * Splits one transcript text into turns at its speaker labels ("Agent: ...", "[00:01:23]
 * Caller: ...", labels on their own lines or inline). Inline labels must be capitalised, so
 * "I told the agent: no" inside a turn does not start a new one. Text before the first label
 * is kept as a system turn so nothing is lost. Returns null when the text has no labels.
 */
export function parseTranscript(text: string): Turn[] | null {
  const labels = findLabels(text);
  if (labels.length === 0) return null;
  const turns: Turn[] = [];
  const preamble = text.slice(0, labels[0]!.index).trim();
  if (preamble.length > 0) turns.push({ speaker: 'system', text: preamble });
  labels.forEach((label, i) => {
    const next = labels[i + 1];
    const body = text.slice(label.end, next === undefined ? text.length : next.index).trim();
    if (body.length === 0) return;
    turns.push(label.at === undefined ? { speaker: label.speaker, text: body } : { speaker: label.speaker, text: body, at: label.at });
  });
  return turns;
}

function findLabels(text: string): LabelMatch[] {
  const found: LabelMatch[] = [];
  for (const m of text.matchAll(TURN_START)) {
    const rawLabel = m[4]!;
    const index = m.index;
    if (!startsLine(text, index) && !/^[A-Z]/.test(rawLabel)) continue;
    const speaker = SPEAKER_BY_LABEL.get(rawLabel.toLowerCase().replace(/\s+/g, ' '));
    if (speaker === undefined) continue;
    const at = m[1] ?? m[2] ?? m[3] ?? m[5] ?? m[6] ?? m[7];
    found.push(at === undefined ? { index, end: index + m[0].length, speaker } : { index, end: index + m[0].length, speaker, at: at.trim() });
  }
  return found;
}

function startsLine(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}

/** The speaker a label or role name stands for ("Rep" -> agent, "user" -> customer). */
export const speakerFromLabel = (label: string): Speaker | undefined => SPEAKER_BY_LABEL.get(label.trim().toLowerCase().replace(/\s+/g, ' '));
