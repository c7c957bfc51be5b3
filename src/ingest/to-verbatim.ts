import { Channel, ScoreType, Verbatim, type Customer, type Score, type Turn } from '../contracts/index.js';
import { RecordFields } from './fields.js';
import type { FieldMapping } from './mapping.js';
import { isPlainObject } from './source-record.js';
import { readTurns } from './turns.js';
import { asText, isBlank, parseDate, parseNumber } from './values.js';
import { formatIssues } from '../errors/index.js';
import { contentId } from './verbatim-id.js';

export interface VerbatimDefaults {
  /** Used when no channel is mapped or the cell is empty. */
  channel: Channel;
  /** Used only when createdAt is not mapped at all (an empty mapped cell is a reject). */
  createdAt: string;
}

export type ToVerbatimResult = { ok: true; verbatim: Verbatim } | { ok: false; message: string };

/** Default top of each score scale when the source does not say. */
export const DEFAULT_SCALES: Readonly<Record<ScoreType, number>> = { nps: 10, csat: 5, ces: 7, rating: 5 };

const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  phone: 'call', voice: 'call', telephone: 'call',
  livechat: 'chat', 'live chat': 'chat', messaging: 'chat', sms: 'chat', whatsapp: 'chat',
  'e-mail': 'email', mail: 'email', ticket: 'email',
  nps: 'survey', csat: 'survey', 'app store': 'review', twitter: 'social', x: 'social',
};

/** A field that cannot be read; the message names the field and what to fix. */
class FieldProblem extends Error {}

/** One source record as a validated Verbatim, or a message a user can act on. */
export function toVerbatim(
  record: Record<string, unknown>,
  _row: number,
  mapping: FieldMapping,
  defaults: VerbatimDefaults,
): ToVerbatimResult {
  const fields = new RecordFields(record, mapping);
  try {
    const channel = readChannel(fields, defaults.channel);
    const text = readText(fields);
    const turns = readTurnsField(fields);
    if (text === undefined && turns === undefined) {
      const column = fields.column('text');
      throw new FieldProblem(fields.present('text') ? 'text: empty' : `text: no column '${column}'; map one with --map text=COLUMN`);
    }
    const createdAt = readCreatedAt(fields, defaults.createdAt);
    const candidate: Record<string, unknown> = {
      id: asText(fields.get('id'))?.trim() || contentId(channel, { text, turns }, createdAt),
      channel,
      createdAt,
    };
    if (text !== undefined) candidate.text = text;
    if (turns !== undefined) candidate.turns = turns;
    const score = readScore(fields);
    if (score !== undefined) candidate.score = score;
    const customer = readCustomer(fields);
    if (customer !== undefined) candidate.customer = customer;
    const attributes = readAttributes(fields);
    if (attributes !== undefined) candidate.attributes = attributes;
    const parsed = Verbatim.safeParse(candidate);
    if (parsed.success) return { ok: true, verbatim: parsed.data };
    return { ok: false, message: formatIssues(parsed.error, { max: 1, root: 'verbatim' }) };
  } catch (error) {
    if (error instanceof FieldProblem) return { ok: false, message: error.message };
    throw error;
  }
}

const quote = (value: unknown): string => `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;

function readChannel(fields: RecordFields, fallback: Channel): Channel {
  const raw = fields.get('channel');
  if (isBlank(raw)) return fallback;
  const name = asText(raw)?.trim().toLowerCase() ?? '';
  const channel = CHANNEL_ALIASES[name] ?? name;
  const parsed = Channel.safeParse(channel);
  if (!parsed.success) throw new FieldProblem(`channel: ${quote(raw)} is not one of ${Channel.options.join(', ')}`);
  return parsed.data;
}

function readText(fields: RecordFields): string | undefined {
  const raw = fields.get('text');
  if (isBlank(raw)) return undefined;
  const text = asText(raw);
  if (text === undefined) throw new FieldProblem(`text: expected a string, got ${quote(raw)}`);
  return text.trim();
}

function readTurnsField(fields: RecordFields): Turn[] | undefined {
  const raw = fields.get('turns');
  if (isBlank(raw) || (Array.isArray(raw) && raw.length === 0)) return undefined;
  const result = readTurns(raw);
  if (!result.ok) throw new FieldProblem(result.message);
  return result.turns;
}

function readCreatedAt(fields: RecordFields, fallback: string): string {
  if (!fields.present('createdAt')) return fallback;
  const raw = fields.get('createdAt');
  if (isBlank(raw)) throw new FieldProblem('createdAt: empty');
  const iso = parseDate(raw);
  if (iso === undefined) {
    throw new FieldProblem(`createdAt: ${quote(raw)} is not a date (use ISO 8601, 2024-03-05, 03/05/2024 10:00 or epoch ms)`);
  }
  return iso;
}

function readScore(fields: RecordFields): Score | undefined {
  for (const type of ScoreType.options) {
    const raw = fields.get(`score.${type}`);
    if (isBlank(raw)) continue;
    return checkedScore(type, raw, fields.get('score.scale'), `score.${type}`);
  }
  const nested = fields.raw('score');
  if (!isPlainObject(nested)) return undefined;
  const type = ScoreType.safeParse(nested.type);
  if (!type.success) throw new FieldProblem(`score.type: ${quote(nested.type)} is not one of ${ScoreType.options.join(', ')}`);
  return checkedScore(type.data, nested.value, nested.scale, 'score.value');
}

function checkedScore(type: ScoreType, rawValue: unknown, rawScale: unknown, field: string): Score {
  const value = parseNumber(rawValue);
  if (value === undefined) throw new FieldProblem(`${field}: ${quote(rawValue)} is not a number`);
  let scale = DEFAULT_SCALES[type];
  if (!isBlank(rawScale)) {
    const given = parseNumber(rawScale);
    if (given === undefined || given <= 0) throw new FieldProblem(`score.scale: ${quote(rawScale)} is not a positive number`);
    scale = given;
  }
  if (value < 0 || value > scale) throw new FieldProblem(`${field}: ${value} is outside the scale 0-${scale}`);
  return { type, value, scale };
}

function readCustomer(fields: RecordFields): Customer | undefined {
  const customer: Customer = {};
  const id = asText(fields.get('customer.id'))?.trim();
  if (id) customer.id = id;
  const segment = asText(fields.get('customer.segment'))?.trim();
  if (segment) customer.segment = segment;
  const rawValue = fields.get('customer.value');
  if (!isBlank(rawValue)) {
    const value = parseNumber(rawValue);
    if (value === undefined || value < 0) throw new FieldProblem(`customer.value: ${quote(rawValue)} is not a non-negative number`);
    customer.value = value;
  }
  return Object.keys(customer).length > 0 ? customer : undefined;
}

function readAttributes(fields: RecordFields): Record<string, string> | undefined {
  const attributes: Record<string, string> = {};
  const nested = fields.raw('attributes');
  const sources: Array<[string, unknown]> = isPlainObject(nested) ? Object.entries(nested) : [];
  sources.push(...fields.attributes());
  for (const [name, value] of sources) {
    if (isBlank(value)) continue;
    attributes[name] = (asText(value) ?? JSON.stringify(value)).trim();
  }
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}
