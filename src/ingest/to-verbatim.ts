import { Channel, ScoreType, Verbatim, type Customer, type Score, type Turn } from '../contracts/index.js';
import { RecordFields } from './fields.js';
import type { FieldMapping } from './mapping.js';
import { isPlainObject } from './source-record.js';
import { readTurns } from './turns.js';
import type { DateReader } from './date-format.js';
import { parseDate } from './date-value.js';
import { defaultRedact, quoteValue } from './quote-value.js';
import { asText, isBlank, parseNumber } from './values.js';
import { formatIssues } from '../errors/index.js';
import { contentId } from './verbatim-id.js';

export interface VerbatimDefaults {
  /** Used when no channel is mapped or the cell is empty. */
  channel: Channel;
  /** Used only when createdAt is not mapped at all (an empty or unreadable cell leaves the row undated). */
  createdAt: string;
}

/** How one source's cells are read, decided before its rows are (source-plan.ts). */
export interface RowReading {
  /** Reads the date column; default: any date form one reading alone reads (date-value.ts). */
  readDate?: DateReader;
  /** Redacts personal data from the values a message quotes; default: the core redactor. */
  redact?: (text: string) => string;
}

/**
 * A verbatim, or why the row is not one: `message` for the user (values redacted), `cause`
 * the same without any value, which rejects are grouped by.
 */
export type ToVerbatimResult = { ok: true; verbatim: Verbatim } | { ok: false; message: string; cause: string };

/** Default top of each score scale when the source does not say. */
const DEFAULT_SCALES: Readonly<Record<ScoreType, number>> = { nps: 10, csat: 5, ces: 7, rating: 5 };

const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  phone: 'call',
  voice: 'call',
  telephone: 'call',
  livechat: 'chat',
  'live chat': 'chat',
  messaging: 'chat',
  sms: 'chat',
  whatsapp: 'chat',
  'e-mail': 'email',
  mail: 'email',
  ticket: 'email',
  nps: 'survey',
  csat: 'survey',
  'app store': 'review',
  twitter: 'social',
  x: 'social',
};

/** A field that cannot be read: the message names the field and what to fix; `summary` leaves the value out. */
class FieldProblem extends Error {
  constructor(
    readonly summary: string,
    message: string = summary,
  ) {
    super(message);
  }
}

/** One source record as a validated Verbatim, or a message a user can act on. */
export function toVerbatim(
  record: Record<string, unknown>,
  _row: number,
  mapping: FieldMapping,
  defaults: VerbatimDefaults,
  reading: RowReading = {},
): ToVerbatimResult {
  const fields = new RecordFields(record, mapping);
  const redact = reading.redact ?? defaultRedact;
  const quote = (value: unknown): string => quoteValue(value, redact);
  try {
    const channel = readChannel(fields, defaults.channel, quote);
    const text = readText(fields, quote);
    const turns = readTurnsField(fields, redact);
    if (text === undefined && turns === undefined) {
      const column = fields.column('text');
      throw new FieldProblem(fields.present('text') ? 'text: empty' : `text: no column '${column}'; map one with --map text=COLUMN`);
    }
    const createdAt = readCreatedAt(fields, defaults.createdAt, reading.readDate ?? ((value) => parseDate(value)));
    const candidate: Record<string, unknown> = {
      // An undated row's content id leaves the date out, so its copies still match.
      id: asText(fields.get('id'))?.trim() || contentId(channel, { text, turns }, createdAt ?? ''),
      channel,
    };
    if (createdAt !== undefined) candidate.createdAt = createdAt;
    if (text !== undefined) candidate.text = text;
    if (turns !== undefined) candidate.turns = turns;
    const score = readScore(fields, quote);
    if (score !== undefined) candidate.score = score;
    const customer = readCustomer(fields, quote);
    if (customer !== undefined) candidate.customer = customer;
    const attributes = readAttributes(fields);
    if (attributes !== undefined) candidate.attributes = attributes;
    const parsed = Verbatim.safeParse(candidate);
    if (parsed.success) return { ok: true, verbatim: parsed.data };
    // zod's messages name what was expected, not the value; redacted all the same.
    const problem = redact(formatIssues(parsed.error, { max: 1, root: 'verbatim' }));
    return { ok: false, message: problem, cause: problem };
  } catch (error) {
    if (error instanceof FieldProblem) return { ok: false, message: error.message, cause: error.summary };
    throw error;
  }
}

type Quote = (value: unknown) => string;

function readChannel(fields: RecordFields, fallback: Channel, quote: Quote): Channel {
  const raw = fields.get('channel');
  if (isBlank(raw)) return fallback;
  const name = asText(raw)?.trim().toLowerCase() ?? '';
  const channel = CHANNEL_ALIASES[name] ?? name;
  const parsed = Channel.safeParse(channel);
  if (!parsed.success) {
    const options = Channel.options.join(', ');
    throw new FieldProblem(`channel: not one of ${options}`, `channel: ${quote(raw)} is not one of ${options}`);
  }
  return parsed.data;
}

function readText(fields: RecordFields, quote: Quote): string | undefined {
  const raw = fields.get('text');
  if (isBlank(raw)) return undefined;
  const text = asText(raw);
  if (text === undefined) throw new FieldProblem('text: not a string', `text: expected a string, got ${quote(raw)}`);
  return text.trim();
}

function readTurnsField(fields: RecordFields, redact: (text: string) => string): Turn[] | undefined {
  const raw = fields.get('turns');
  if (isBlank(raw) || (Array.isArray(raw) && raw.length === 0)) return undefined;
  const result = readTurns(raw);
  // Turn messages quote at most a speaker name, which may be a person's handle or email.
  if (!result.ok) throw new FieldProblem(result.cause, redact(result.message));
  return result.turns;
}

/** The row's date; undefined (an undated row) when the date cell is empty or unreadable. */
function readCreatedAt(fields: RecordFields, fallback: string, readDate: DateReader): string | undefined {
  if (!fields.present('createdAt')) return fallback;
  const raw = fields.get('createdAt');
  return isBlank(raw) ? undefined : readDate(raw);
}

function readScore(fields: RecordFields, quote: Quote): Score | undefined {
  for (const type of ScoreType.options) {
    const raw = fields.get(`score.${type}`);
    if (isBlank(raw)) continue;
    return checkedScore(type, raw, fields.get('score.scale'), `score.${type}`, quote);
  }
  const nested = fields.raw('score');
  if (!isPlainObject(nested)) return undefined;
  const type = ScoreType.safeParse(nested.type);
  if (!type.success) {
    const types = ScoreType.options.join(', ');
    throw new FieldProblem(`score.type: not one of ${types}`, `score.type: ${quote(nested.type)} is not one of ${types}`);
  }
  return checkedScore(type.data, nested.value, nested.scale, 'score.value', quote);
}

function checkedScore(type: ScoreType, rawValue: unknown, rawScale: unknown, field: string, quote: Quote): Score {
  const value = parseNumber(rawValue);
  if (value === undefined) throw new FieldProblem(`${field}: not a number`, `${field}: ${quote(rawValue)} is not a number`);
  let scale = DEFAULT_SCALES[type];
  if (!isBlank(rawScale)) {
    const given = parseNumber(rawScale);
    if (given === undefined || given <= 0)
      throw new FieldProblem('score.scale: not a positive number', `score.scale: ${quote(rawScale)} is not a positive number`);
    scale = given;
  }
  if (value < 0 || value > scale) throw new FieldProblem(`${field}: outside the scale 0-${scale}`, `${field}: ${value} is outside the scale 0-${scale}`);
  return { type, value, scale };
}

function readCustomer(fields: RecordFields, quote: Quote): Customer | undefined {
  const customer: Customer = {};
  const id = asText(fields.get('customer.id'))?.trim();
  if (id) customer.id = id;
  const segment = asText(fields.get('customer.segment'))?.trim();
  if (segment) customer.segment = segment;
  const rawValue = fields.get('customer.value');
  if (!isBlank(rawValue)) {
    const value = parseNumber(rawValue);
    if (value === undefined || value < 0) {
      throw new FieldProblem('customer.value: not a non-negative number', `customer.value: ${quote(rawValue)} is not a non-negative number`);
    }
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
