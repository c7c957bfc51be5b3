import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/ingest/date-value.js';
import { parseNumber } from '../src/ingest/values.js';
import { toVerbatim, type ToVerbatimResult } from '../src/ingest/to-verbatim.js';

const defaults = { channel: 'survey', createdAt: '2024-01-01T00:00:00.000Z' } as const;

const ok = (result: ToVerbatimResult) => {
  if (!result.ok) throw new Error(`expected a verbatim, got: ${result.message}`);
  return result.verbatim;
};
const message = (result: ToVerbatimResult): string => {
  if (result.ok) throw new Error('expected a reject');
  return result.message;
};

describe('record to verbatim', () => {
  it('maps columns with spaces to verbatim fields and fills defaults', () => {
    const verbatim = ok(
      toVerbatim(
        { 'Comment Text': ' Too slow ', 'Rating (1-5)': ' 4.0 ', Region: 'EMEA' },
        1,
        { text: 'Comment Text', 'score.rating': 'Rating (1-5)', 'attributes.region': 'Region' },
        defaults,
      ),
    );
    expect(verbatim).toMatchObject({
      channel: 'survey',
      text: 'Too slow',
      createdAt: '2024-01-01T00:00:00.000Z',
      score: { type: 'rating', value: 4, scale: 5 },
      attributes: { region: 'EMEA' },
    });
    expect(verbatim.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives identical rows identical content-hash ids and different rows different ids', () => {
    const a = ok(toVerbatim({ text: 'same' }, 1, {}, defaults));
    const b = ok(toVerbatim({ text: 'same' }, 2, {}, defaults));
    const c = ok(toVerbatim({ text: 'other' }, 3, {}, defaults));
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
  });

  it('uses a mapped id column, numbers included', () => {
    expect(ok(toVerbatim({ Ticket: 1234, Body: 'hi' }, 1, { id: 'Ticket', text: 'Body' }, defaults)).id).toBe('1234');
  });

  it('self-maps dotted column names without a mapping', () => {
    const verbatim = ok(
      toVerbatim(
        { text: 'x', 'score.nps': '9', 'customer.segment': 'smb', 'customer.value': '1,200', 'attributes.region': 'NA', channel: 'Phone' },
        1,
        {},
        defaults,
      ),
    );
    expect(verbatim).toMatchObject({
      channel: 'call',
      score: { type: 'nps', value: 9, scale: 10 },
      customer: { segment: 'smb', value: 1200 },
      attributes: { region: 'NA' },
    });
  });

  it('takes a record already shaped like a verbatim as it is', () => {
    const record = {
      id: 'v1',
      channel: 'chat',
      createdAt: '2024-05-01T09:00:00Z',
      turns: [{ speaker: 'customer', text: 'late order' }],
      score: { type: 'csat', value: 2 },
      customer: { id: 'c1', value: 10 },
      attributes: { queue: 'orders', tier: 2 },
    };
    expect(ok(toVerbatim(record, 1, {}, defaults))).toEqual({
      id: 'v1',
      channel: 'chat',
      createdAt: '2024-05-01T09:00:00.000Z',
      turns: [{ speaker: 'customer', text: 'late order' }],
      score: { type: 'csat', value: 2, scale: 5 },
      customer: { id: 'c1', value: 10 },
      attributes: { queue: 'orders', tier: '2' },
    });
  });

  it('reads turns from a CSV cell holding a JSON array', () => {
    const verbatim = ok(toVerbatim({ turns: '[{"speaker":"Rep","text":"hi"},{"speaker":"customer","text":"help"}]' }, 1, {}, defaults));
    expect(verbatim.turns).toEqual([
      { speaker: 'agent', text: 'hi' },
      { speaker: 'customer', text: 'help' },
    ]);
  });

  it('keeps a row whose date is empty or unreadable, undated, so its text is still analysed', () => {
    for (const createdAt of ['last tuesday', '', '2024-02-30']) {
      const verbatim = ok(toVerbatim({ text: 'x', createdAt }, 1, {}, defaults));
      expect(verbatim.createdAt).toBeUndefined();
      expect(verbatim.text).toBe('x');
    }
    // No date column at all: the run's default date.
    expect(ok(toVerbatim({ text: 'x' }, 1, {}, defaults)).createdAt).toBe(defaults.createdAt);
  });

  it('rejects with messages a user can act on', () => {
    expect(message(toVerbatim({ text: 'x', Stars: 'ten' }, 1, { 'score.rating': 'Stars' }, defaults))).toBe("score.rating: 'ten' is not a number");
    expect(message(toVerbatim({ text: '   ' }, 1, {}, defaults))).toBe('text: empty');
    expect(message(toVerbatim({ Body: 'x' }, 1, {}, defaults))).toMatch(/text: no column 'text'/);
    expect(message(toVerbatim({ text: 'x', channel: 'fax' }, 1, {}, defaults))).toMatch(/^channel: 'fax' is not one of call, chat/);
    expect(message(toVerbatim({ text: 'x', 'score.nps': '11' }, 1, {}, defaults))).toBe('score.nps: 11 is outside the scale 0-10');
    expect(message(toVerbatim({ text: 'x', 'customer.value': '-5' }, 1, {}, defaults))).toMatch(/customer.value: '-5'/);
    expect(message(toVerbatim({ turns: [{ speaker: 'robot', text: 'x' }] }, 1, {}, defaults))).toBe(
      'turns: turn 1: speaker "robot" is not one of customer, agent, bot, system',
    );
  });
});

describe('scalar values', () => {
  it('parses numbers written with spaces, decimals and thousands separators', () => {
    expect([parseNumber('4'), parseNumber(' 4.0 '), parseNumber('1,200.5'), parseNumber(7)]).toEqual([4, 4, 1200.5, 7]);
    expect(parseNumber('ten')).toBeUndefined();
  });

  it('parses common date formats to ISO in UTC', () => {
    expect(parseDate('2024-03-05')).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('2024-03-05T10:00:00+02:00')).toBe('2024-03-05T08:00:00.000Z');
    expect(parseDate('03/05/2024 10:00', 'mdy')).toBe('2024-03-05T10:00:00.000Z');
    expect(parseDate('03/05/2024 10:00 PM', 'mdy')).toBe('2024-03-05T22:00:00.000Z');
    expect(parseDate(1709632800000)).toBe('2024-03-05T10:00:00.000Z');
    expect(parseDate('1709632800000')).toBe('2024-03-05T10:00:00.000Z');
  });

  it('refuses impossible or unreadable dates', () => {
    expect(parseDate('2024-02-30')).toBeUndefined();
    expect(parseDate('13/05/2024', 'mdy')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
  });
});
