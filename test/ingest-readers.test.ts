import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors/index.js';
import { JsonArrayScanner } from '../src/ingest/json-array-scanner.js';
import { readRecords } from '../src/ingest/read-records.js';
import type { SourceFormat } from '../src/ingest/format.js';
import type { SourceRecord } from '../src/ingest/source-record.js';

const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', 'ingest', name);

async function readAll(path: string, format: SourceFormat): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const record of readRecords(path, format)) out.push(record);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fl-readers-'));
});

describe('reading CSV', () => {
  it('reads rows with 1-based row numbers keyed by trimmed header names', async () => {
    const rows = await readAll(fixture('survey.csv'), 'csv');
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({
      row: 1,
      record: {
        'Response ID': 'r1',
        'Comment Text': 'The app keeps logging me out, so annoying',
        'Submitted At': '03/05/2024 10:00',
        'NPS Score': '3',
        'Plan Tier': 'enterprise',
        'Region Name': 'EMEA',
      },
    });
    expect(rows[2]!.record['Comment Text']).toBe('Billing page is confusing, "why" two charges?');
  });

  it('strips a byte-order mark and tolerates short rows', async () => {
    const path = join(dir, 'bom.csv');
    writeFileSync(path, '\uFEFFid,text,extra\nx1,hello\n');
    expect(await readAll(path, 'csv')).toEqual([{ row: 1, record: { id: 'x1', text: 'hello' } }]);
  });

  it('turns a row with more fields than the header into a per-row problem', async () => {
    const path = join(dir, 'extra.csv');
    writeFileSync(path, 'id,text\nx,hello, world\ny,ok\n');
    expect(await readAll(path, 'csv')).toEqual([
      { row: 1, record: {}, problem: "row 1: 3 fields but the header has 2; is a ',' in the text unquoted?", cause: 'more fields than the header' },
      { row: 2, record: { id: 'y', text: 'ok' } },
    ]);
  });

  it('fails on a quote that is never closed, naming the file', async () => {
    await expect(readAll(fixture('broken.csv'), 'csv')).rejects.toThrow(/broken\.csv: broken CSV at row \d+.*never closed/);
  });

  it('fails on invalid UTF-8, naming the file and line', async () => {
    const error = await readAll(fixture('invalid-utf8.csv'), 'csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/invalid-utf8\.csv: invalid UTF-8 at byte 27 \(line 3\)/);
  });

  it('fails on a multi-byte character cut off at the end of the file', async () => {
    const path = join(dir, 'cut-utf8.jsonl');
    writeFileSync(path, Buffer.concat([Buffer.from('{"text":"ok"}\n{"text":"caf'), Buffer.from([0xc3])]));
    await expect(readAll(path, 'jsonl')).rejects.toThrow(/cut-utf8\.jsonl: invalid UTF-8 at byte 26 \(line 2\)/);
  });

  it('fails on invalid UTF-8 far into the file, past the first read chunk', async () => {
    const path = join(dir, 'late-bad.csv');
    const good = `id,text\n${'a,é\n'.repeat(40_000)}`;
    writeFileSync(path, Buffer.concat([Buffer.from(good), Buffer.from([0x62, 0x2c, 0xe9, 0x0a])]));
    await expect(readAll(path, 'csv')).rejects.toThrow(/invalid UTF-8 at byte \d+ \(line 40002\)/);
  });

  it('reads multi-byte characters that straddle read chunks', async () => {
    const path = join(dir, 'accents.csv');
    const text = 'é'.repeat(50_000);
    writeFileSync(path, `id,text\nx,${text}\ny,${text}\n`);
    const rows = await readAll(path, 'csv');
    expect(rows.map((r) => r.record.text)).toEqual([text, text]);
  });

  it('fails on a field over 5 MB', async () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, `id,text\nok,fine\nbig,"${'x'.repeat(5 * 1024 * 1024 + 10)}"\n`);
    await expect(readAll(path, 'csv')).rejects.toThrow(/huge\.csv: row 2: field 'text' is larger than 5 MB/);
  });
});

describe('reading JSON Lines', () => {
  it('reads objects per line and turns a malformed line into a per-line problem', async () => {
    const rows = await readAll(fixture('chats.jsonl'), 'jsonl');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 6]);
    expect(rows[0]!.record.id).toBe('c1');
    expect(rows[2]!.problem).toMatch(/^line 3: not valid JSON/);
    expect(rows[3]!.problem).toBe('line 4: expected a JSON object, got an array');
    expect(rows[4]!.problem).toBeUndefined();
  });

  it('fails on a field over 5 MB', async () => {
    const path = join(dir, 'huge.jsonl');
    writeFileSync(path, `{"text":"ok"}\n${JSON.stringify({ meta: { note: 'y'.repeat(5 * 1024 * 1024 + 1) } })}\n`);
    await expect(readAll(path, 'jsonl')).rejects.toThrow(/line 2: field 'meta.note' is larger than 5 MB/);
  });
});

describe('reading a JSON array', () => {
  it('streams the elements of an array of objects', async () => {
    const rows = await readAll(fixture('calls.json'), 'json');
    expect(rows.map((r) => [r.row, r.record.id])).toEqual([
      [1, 'k1'],
      [2, 'k2'],
      [3, 'k3'],
    ]);
  });

  it('reads an array spanning many read chunks', async () => {
    const path = join(dir, 'many.json');
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, text: `brackets ] and } and "quotes" \\ ${i}`, n: [i, { d: i }] }));
    writeFileSync(path, JSON.stringify(items, null, 1));
    const rows = await readAll(path, 'json');
    expect(rows).toHaveLength(5000);
    expect(rows[4999]!.record).toEqual(items[4999]);
  });

  it('fails when the file is not an array of objects', async () => {
    await expect(readAll(fixture('object.json'), 'json')).rejects.toThrow(/object\.json: expected a JSON array of objects, but the file starts with '\{'/);
    const path = join(dir, 'numbers.json');
    writeFileSync(path, '[{"id":"a"}, 2]');
    await expect(readAll(path, 'json')).rejects.toThrow(/element 2: expected an array of objects, got a number/);
  });

  it('fails when the array is cut off', async () => {
    const path = join(dir, 'cut.json');
    writeFileSync(path, '[{"id":"a"}, {"id":');
    await expect(readAll(path, 'json')).rejects.toThrow(/cut\.json: the JSON array is cut off in element 2/);
  });

  it('finds element boundaries fed one character at a time', () => {
    const scanner = new JsonArrayScanner();
    const text = ' [ {"a":"x,]}\\"y"} , {"b":[1,{"c":2}]} ]  ';
    const elements = [...text].flatMap((c) => scanner.feed(c));
    scanner.finish();
    expect(elements.map((e) => JSON.parse(e))).toEqual([{ a: 'x,]}"y' }, { b: [1, { c: 2 }] }]);
  });

  it('reads an empty array as no records', async () => {
    const path = join(dir, 'empty.json');
    writeFileSync(path, '[]\n');
    expect(await readAll(path, 'json')).toEqual([]);
  });
});

describe('unreadable sources', () => {
  it('fails on a missing file with an input error naming it', async () => {
    await expect(readAll(join(dir, 'nope.csv'), 'csv')).rejects.toThrow(/nope\.csv: cannot open \(no such file\)/);
  });

  it('fails on a directory', async () => {
    await expect(readAll(dir, 'jsonl')).rejects.toThrow(InputError);
  });
});
