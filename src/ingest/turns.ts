import { z } from 'zod';
import { Speaker, Turn } from '../contracts/index.js';
import { describeIssue } from '../errors/index.js';
import { isPlainObject } from './source-record.js';
import { speakerFromLabel } from './transcript.js';
import { asText } from './values.js';

const Turns = z.array(Turn).min(1);

/** `cause` is the message without the turn number or any value (what rejects are grouped by). */
export type TurnsResult = { ok: true; turns: Turn[] } | { ok: false; message: string; cause: string };

/**
 * Turns given as data: a JSON array, or a CSV cell holding one. Chat exports name the fields
 * differently ({role, content}, {author, message}); those and speaker aliases are accepted
 * before the zod check, which has the last word.
 */
export function readTurns(value: unknown): TurnsResult {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return { ok: false, message: 'turns: not a JSON array of {speaker, text}', cause: 'turns: not a JSON array' };
    }
  }
  if (!Array.isArray(data)) return { ok: false, message: 'turns: expected an array of {speaker, text}', cause: 'turns: not an array' };
  const parsed = Turns.safeParse(data.map(normaliseTurn));
  if (parsed.success) return { ok: true, turns: parsed.data };
  const issue = parsed.error.issues[0]!;
  const [index, field] = issue.path;
  if (typeof index !== 'number') return { ok: false, message: `turns: ${describeIssue(issue)}`, cause: `turns: ${describeIssue(issue)}` };
  const turn = data[index];
  if (!isPlainObject(turn))
    return { ok: false, message: `turns: turn ${index + 1}: expected an object {speaker, text}`, cause: 'turns: a turn is not an object' };
  if (field === 'speaker') {
    const speaker = turn.speaker ?? turn.role ?? turn.author ?? turn.from;
    return {
      ok: false,
      message: `turns: turn ${index + 1}: speaker ${JSON.stringify(speaker ?? null)} is not one of ${Speaker.options.join(', ')}`,
      cause: `turns: a speaker is not one of ${Speaker.options.join(', ')}`,
    };
  }
  return {
    ok: false,
    message: `turns: turn ${index + 1}: ${String(field)}: ${describeIssue(issue)}`,
    cause: `turns: ${String(field)}: ${describeIssue(issue)}`,
  };
}

function normaliseTurn(raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  const speakerRaw = raw.speaker ?? raw.role ?? raw.author ?? raw.from;
  const speakerText = asText(speakerRaw);
  const text = raw.text ?? raw.content ?? raw.message ?? raw.body;
  const at = raw.at ?? raw.timestamp ?? raw.time;
  const turn: Record<string, unknown> = {
    speaker: speakerText === undefined ? speakerRaw : (speakerFromLabel(speakerText) ?? speakerText),
    text,
  };
  if (at !== undefined && at !== null) turn.at = asText(at) ?? at;
  return turn;
}
