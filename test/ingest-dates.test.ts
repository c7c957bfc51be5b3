import { describe, expect, it } from 'vitest';
import type { Analysis } from '../src/contracts/index.js';
import { createPartial, foldAnalysis } from '../src/core/insights/fold.js';
import { InputError, UsageError } from '../src/errors/index.js';
import { checkDateFormat, formatDateReader } from '../src/ingest/date-format.js';
import { orderEvidence, parseDate } from '../src/ingest/date-value.js';
import { ingest, type IngestOptions } from '../src/ingest/ingest.js';
import type { IngestItem } from '../src/contracts/index.js';
import { makeAnalysis } from './helpers/analysis.js';
import { scratchDir } from './helpers/scratch.js';

const { file } = scratchDir('dates');

const csv = (name: string, dates: readonly string[]): string =>
  file(name, `id,text,date\n${dates.map((d, i) => `r${i + 1},comment number ${i + 1},${d}`).join('\n')}\n`);

const base: IngestOptions = { mapping: { createdAt: 'date' }, channel: 'survey', createdAt: '2024-01-01T00:00:00.000Z', runId: 'run-dates' };

async function createdAts(path: string, options: Partial<IngestOptions> = {}): Promise<Array<string | undefined>> {
  const items: IngestItem[] = [];
  for await (const item of ingest([path], { ...base, ...options })) items.push(item);
  return items.map((i) => (i.kind === 'verbatim' ? i.verbatim.createdAt : `reject: ${i.reject.message}`));
}

describe('each date form, read to ISO 8601 UTC', () => {
  it.each([
    ['ISO 8601 date', '2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['ISO 8601 with offset', '2024-03-05T10:00:00+02:00', '2024-03-05T08:00:00.000Z'],
    ['ISO 8601 zone-less (read as UTC)', '2024-03-05 10:00:00', '2024-03-05T10:00:00.000Z'],
    ['RFC 2822', 'Tue, 05 Mar 2024 10:00:00 +0100', '2024-03-05T09:00:00.000Z'],
    ['RFC 2822 with GMT', 'Tue, 5 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
    ['epoch seconds', '1709632800', '2024-03-05T10:00:00.000Z'],
    ['epoch seconds with a fraction', '1709632800.5', '2024-03-05T10:00:00.500Z'],
    ['epoch milliseconds', '1709632800000', '2024-03-05T10:00:00.000Z'],
    ['Excel serial day', '45356', '2024-03-05T00:00:00.000Z'],
    ['Excel serial day and time', '45356.75', '2024-03-05T18:00:00.000Z'],
    ['y/m/d (consumer-complaints export)', '2019/9/24', '2019-09-24T00:00:00.000Z'],
    ['y.m.d with a time', '2024.03.05 14:30', '2024-03-05T14:30:00.000Z'],
    ['d.m.y (always day first)', '05.03.2024', '2024-03-05T00:00:00.000Z'],
    ['compact', '20240305', '2024-03-05T00:00:00.000Z'],
    ['month name', 'March 5, 2024', '2024-03-05T00:00:00.000Z'],
    ['d/m/y that only day first reads', '13/03/2024', '2024-03-13T00:00:00.000Z'],
    ['m/d/y that only month first reads, 12-hour clock', '03/13/2024 10:00 PM', '2024-03-13T22:00:00.000Z'],
  ])('%s: %s', (_form, value, iso) => {
    expect(parseDate(value)).toBe(iso);
  });

  it('reads JSON numbers as epoch seconds, milliseconds or Excel serial days by their size', () => {
    expect(parseDate(1709632800)).toBe('2024-03-05T10:00:00.000Z');
    expect(parseDate(1709632800000)).toBe('2024-03-05T10:00:00.000Z');
    expect(parseDate(45356)).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate(123)).toBeUndefined();
  });

  it('reads 05/03/2024 only once the column has said which order it uses', () => {
    expect(parseDate('05/03/2024')).toBeUndefined();
    expect(parseDate('05/03/2024', 'dmy')).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('05/03/2024', 'mdy')).toBe('2024-05-03T00:00:00.000Z');
    expect(parseDate('13/03/2024', 'mdy')).toBeUndefined();
    expect(['13/03/2024', '03/13/2024', '05/03/2024', '05/05/2024', '2024-03-05'].map(orderEvidence)).toEqual(['dmy', 'mdy', 'ambiguous', 'none', 'none']);
  });
});

describe('day/month order, decided per column from its values before any row is read', () => {
  it('reads a column as d/m/y when a value only day first reads, 13/03/2024 and 05/03/2024 alike', async () => {
    expect(await createdAts(csv('dmy.csv', ['05/03/2024', '13/03/2024', '01/02/2024']))).toEqual([
      '2024-03-05T00:00:00.000Z',
      '2024-03-13T00:00:00.000Z',
      '2024-02-01T00:00:00.000Z',
    ]);
  });

  it('reads a column as m/d/y when a value only month first reads', async () => {
    expect(await createdAts(csv('mdy.csv', ['05/03/2024', '03/13/2024']))).toEqual(['2024-05-03T00:00:00.000Z', '2024-03-13T00:00:00.000Z']);
  });

  it('keeps looking past the first rows while every value is ambiguous, so a file sorted by date reads consistently', async () => {
    // 12,000 rows of days 1-12 before the first day-13 date: past the 10,000-row sample.
    const dates = Array.from({ length: 12_000 }, (_, i) => `${String((i % 12) + 1).padStart(2, '0')}/03/2024`);
    dates.push('13/03/2024');
    const read = await createdAts(csv('late.csv', dates));
    expect(read[0]).toBe('2024-03-01T00:00:00.000Z');
    expect(read[4]).toBe('2024-03-05T00:00:00.000Z');
    expect(read.at(-1)).toBe('2024-03-13T00:00:00.000Z');
  });

  it('refuses a column whose dates are all ambiguous, naming --date-format', async () => {
    const error = await createdAts(csv('ambiguous.csv', ['05/03/2024', '07/04/2024', '01/02/2024'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /ambiguous\.csv: date column 'date': .*read as day\/month\/year or as month\/day\/year.*--date-format dd\/MM\/yyyy .*--date-format MM\/dd\/yyyy/,
    );
  });

  it('refuses a column that mixes day-first and month-first dates', async () => {
    await expect(createdAts(csv('mixed.csv', ['13/03/2024', '03/14/2024']))).rejects.toThrow(
      /holds day-first dates \(row 1.*\) and month-first dates \(row 2.*--date-format/,
    );
  });

  it('refuses a column none of whose values is a date, naming --date-format', async () => {
    await expect(createdAts(csv('words.csv', ['soon', 'later', 'Q1']))).rejects.toThrow(
      /date column 'date': none of its first 3 values is a date .*--date-format/,
    );
  });

  it('reads --date-format (luxon tokens), and the forms that need none in the same column', async () => {
    const path = csv('format.csv', ['05/03/2024 10:00', '2024-03-07T08:30:00Z', '5/3/2024 9:15']);
    expect(await createdAts(path, { dateFormat: 'd/M/yyyy H:mm' })).toEqual([
      '2024-03-05T10:00:00.000Z',
      '2024-03-07T08:30:00.000Z',
      '2024-03-05T09:15:00.000Z',
    ]);
    expect(await createdAts(path, { dateFormat: 'M/d/yyyy H:mm' })).toEqual([
      '2024-05-03T10:00:00.000Z',
      '2024-03-07T08:30:00.000Z',
      '2024-05-03T09:15:00.000Z',
    ]);
    expect(formatDateReader('dd.MM.yyyy HH:mm ZZ')('05.03.2024 10:00 +01:00')).toBe('2024-03-05T09:00:00.000Z');
  });

  it('refuses a --date-format without a year, a month and a day as a usage error', () => {
    expect(checkDateFormat('dd/MM/yyyy')).toBe('dd/MM/yyyy');
    expect(() => checkDateFormat('HH:mm')).toThrow(UsageError);
    expect(() => checkDateFormat('yyyy')).toThrow(/luxon's tokens/);
  });

  it('refuses a --date-format that reads none of the column', async () => {
    await expect(createdAts(csv('unread.csv', ['Q1', 'Q2']), { dateFormat: 'dd/MM/yyyy' })).rejects.toThrow(
      /--date-format 'dd\/MM\/yyyy' reads none of its first 2 values/,
    );
  });
});

describe('undated rows', () => {
  it('analyses a row whose date cannot be read, undated, and rejects only rows without text', async () => {
    const path = file('undated.csv', 'id,text,date\nr1,late parcel,2024-03-05\nr2,rude agent,31/02/2024\nr3,app crash,\nr4,,2024-03-06\n');
    expect(await createdAts(path)).toEqual(['2024-03-05T00:00:00.000Z', undefined, undefined, 'reject: row 4: text: empty']);
  });

  it('counts an undated analysis in the whole-run bucket only, and in the run counts', () => {
    const partial = createPartial('run-1', 'k', { bucketSize: 'week', by: [] });
    const { createdAt: _dated, ...undated }: Analysis = makeAnalysis('u1', { themes: [['delivery.late', -0.5]] });
    foldAnalysis(partial, makeAnalysis('d1', { createdAt: '2024-03-05T00:00:00.000Z', themes: [['delivery.late', -0.5]] }), { bucketSize: 'week', by: [] });
    foldAnalysis(partial, undated, { bucketSize: 'week', by: [] });
    expect(partial.counts).toMatchObject({ read: 2, analyzed: 2, undated: 1 });
    expect(partial.scopes['*|all']!.total.n).toBe(2);
    expect(Object.keys(partial.scopes).sort()).toEqual(['*|all', '2024-03-04|all']);
    expect(partial.scopes['2024-03-04|all']!.total.n).toBe(1);
    expect(partial.scopes['*|all']!.themes['delivery.late']!.any.n).toBe(2);
    expect(partial.scopes['2024-03-04|all']!.themes['delivery.late']!.any.n).toBe(1);
  });
});
