import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors/index.js';
import { parseDelimiter, sniffDelimiter } from '../src/ingest/delimiter.js';
import { parseEncoding } from '../src/ingest/encoding.js';
import { detectFormat, type SourceFormat } from '../src/ingest/format.js';
import { readRecords, type ReadRecordsOptions } from '../src/ingest/read-records.js';
import { scratchDir } from './helpers/scratch.js';

/** Files as exports come out of spreadsheets, survey tools and CRMs, each read through the readers. */
const { file } = scratchDir('shapes');

async function records(path: string, options: ReadRecordsOptions = {}, format: SourceFormat = detectFormat(path)): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for await (const { record, problem } of readRecords(path, format, options)) {
    if (problem !== undefined) throw new Error(problem);
    out.push(record);
  }
  return out;
}

/** windows-1252 bytes of a string whose characters all exist in it (é è ü ’ € and ASCII). */
const CP1252: Readonly<Record<string, number>> = { é: 0xe9, è: 0xe8, ü: 0xfc, '’': 0x92, '€': 0x80, ß: 0xdf };
const cp1252 = (text: string): Buffer => Buffer.from([...text].map((c) => CP1252[c] ?? c.charCodeAt(0)));

describe('delimited files', () => {
  it('reads a semicolon-separated Excel export, commas in the text staying in their cell', async () => {
    const path = file('excel-eu.csv', 'ID;Kommentar;Datum\n1;Lieferung kam zu spät, Karton kaputt;05.03.2024\n2;Alles gut, danke;06.03.2024\n');
    expect(await records(path)).toEqual([
      { ID: '1', Kommentar: 'Lieferung kam zu spät, Karton kaputt', Datum: '05.03.2024' },
      { ID: '2', Kommentar: 'Alles gut, danke', Datum: '06.03.2024' },
    ]);
  });

  it('reads a .tsv file as tab-separated, quotes and commas inside cells kept', async () => {
    const path = file('export.tsv', 'id\ttext\tscore\n1\t"Great" service, really\t9\n2\tslow; very slow\t2\n');
    expect(detectFormat(path)).toBe('tsv');
    expect(await records(path)).toEqual([
      { id: '1', text: '"Great" service, really', score: '9' },
      { id: '2', text: 'slow; very slow', score: '2' },
    ]);
  });

  it('guesses a tab delimiter in a .csv file too', async () => {
    const path = file('tabbed.csv', 'id\ttext\n1\thello, world\n');
    expect(await records(path)).toEqual([{ id: '1', text: 'hello, world' }]);
  });

  it('reads a pipe-separated file, a quoted pipe staying in its cell', async () => {
    const path = file('crm.csv', 'id|text|score\n1|hello, there; you|3\n2|"quoted | pipe"|4\n');
    expect(await records(path)).toEqual([
      { id: '1', text: 'hello, there; you', score: '3' },
      { id: '2', text: 'quoted | pipe', score: '4' },
    ]);
  });

  it('is not misled by delimiters inside quoted text when guessing', async () => {
    // Each quoted comment holds more semicolons than the header has commas.
    const path = file('quoted.csv', 'id,text,region\n1,"a; b; c; d",EU\n2,"e; f; g",NA\n');
    expect(await records(path)).toEqual([
      { id: '1', text: 'a; b; c; d', region: 'EU' },
      { id: '2', text: 'e; f; g', region: 'NA' },
    ]);
  });

  it('takes the delimiter from an Excel "sep=" first line, which is not the header', async () => {
    const path = file('sep-line.csv', 'sep=;\nid;text\n1;a, b\n');
    expect(await records(path)).toEqual([{ id: '1', text: 'a, b' }]);
  });

  it('follows --delimiter over the guess', async () => {
    const path = file('forced.csv', 'id;text\n1;a;b\n');
    expect(await records(path, { delimiter: ',' })).toEqual([{ 'id;text': '1;a;b' }]);
    expect(parseDelimiter('tab')).toBe('\t');
    expect(parseDelimiter('\\t')).toBe('\t');
    expect(parseDelimiter(';')).toBe(';');
    expect(() => parseDelimiter(';;')).toThrow(UsageError);
  });

  it('guesses by the header and the agreement of the next rows (the documented rule)', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n', true).delimiter).toBe(';');
    // The header alone has a comma, but only ';' splits every row as the header.
    expect(sniffDelimiter('Comments, if any;Score\nok;1\nfine;2\n', true).delimiter).toBe(';');
    expect(sniffDelimiter('a|b\n1|2\n', true).delimiter).toBe('|');
    // One column: nothing to guess, read as ','.
    expect(sniffDelimiter('text\nhello\n', true).delimiter).toBe(',');
  });

  it('reads CRLF line ends, with a line break inside a quoted cell kept', async () => {
    const path = file('windows.csv', 'id,text\r\n1,"multi\r\nline"\r\n2,two\r\n');
    expect(await records(path)).toEqual([
      { id: '1', text: 'multi\r\nline' },
      { id: '2', text: 'two' },
    ]);
    const jsonl = file('windows.jsonl', '{"text":"a"}\r\n{"text":"b"}\r\n');
    expect(await records(jsonl)).toEqual([{ text: 'a' }, { text: 'b' }]);
  });
});

describe('byte-order marks and encodings', () => {
  it('strips a UTF-8 byte-order mark before the header', async () => {
    const path = file('bom.csv', '\uFEFFid;text\n1;hello\n');
    expect(await records(path)).toEqual([{ id: '1', text: 'hello' }]);
    const jsonl = file('bom.jsonl', '\uFEFF{"text":"hi"}\n');
    expect(await records(jsonl)).toEqual([{ text: 'hi' }]);
  });

  it("reads Excel's UTF-16 'Unicode text' export by its byte-order mark, whatever --encoding says", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\ttext\n1\tcafé ünïcode ’quoted’\n', 'utf16le')]);
    const path = file('unicode.tsv', bytes);
    expect(await records(path)).toEqual([{ id: '1', text: 'café ünïcode ’quoted’' }]);
    expect(await records(path, { encoding: 'windows-1252' })).toEqual([{ id: '1', text: 'café ünïcode ’quoted’' }]);
  });

  it('reads windows-1252 with --encoding, € and curly quotes included', async () => {
    const path = file('cp1252.csv', cp1252('id;text\n1;café crème, 5€ ’too dear’\n'));
    expect(await records(path, { encoding: parseEncoding('windows-1252') })).toEqual([{ id: '1', text: 'café crème, 5€ ’too dear’' }]);
    expect(await records(path, { encoding: parseEncoding('cp1252') })).toEqual([{ id: '1', text: 'café crème, 5€ ’too dear’' }]);
  });

  it('reads latin1 (ISO-8859-1) with --encoding', async () => {
    const path = file('latin1.csv', Buffer.from('id,text\n1,"Größe passt nicht, très déçu"\n', 'latin1'));
    expect(await records(path, { encoding: parseEncoding('latin1') })).toEqual([{ id: '1', text: 'Größe passt nicht, très déçu' }]);
    expect(await records(path, { encoding: parseEncoding('ISO-8859-1') })).toEqual([{ id: '1', text: 'Größe passt nicht, très déçu' }]);
  });

  it('decodes a single-byte encoding the same across read chunks', async () => {
    const line = 'x;é€ü\n';
    const path = file('long-cp1252.csv', cp1252(`id;text\n${line.repeat(30_000)}`));
    const rows = await records(path, { encoding: 'windows-1252' });
    expect(rows).toHaveLength(30_000);
    expect(rows.every((r) => r.text === 'é€ü')).toBe(true);
  });

  it('keeps invalid UTF-8 an input error in utf-8 mode, naming --encoding', async () => {
    const path = file('ansi.csv', cp1252('id;text\n1;café\n'));
    const error = await records(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/ansi\.csv: invalid UTF-8 at byte 13 \(line 2\); .*--encoding \(windows-1252/);
  });

  it('refuses an encoding it does not know as a usage error', () => {
    expect(parseEncoding(undefined)).toBe('utf-8');
    expect(parseEncoding('UTF8')).toBe('utf-8');
    expect(() => parseEncoding('klingon')).toThrow(UsageError);
  });
});

describe('formats by extension', () => {
  it('knows .csv, .tsv, .tab, .jsonl, .ndjson and .json; any other extension is an input error (exit 3)', () => {
    expect(['a.CSV', 'a.tsv', 'a.tab', 'a.jsonl', 'a.ndjson', 'a.json'].map((p) => detectFormat(p))).toEqual(['csv', 'tsv', 'tsv', 'jsonl', 'jsonl', 'json']);
    expect(() => detectFormat('export.xlsx')).toThrow(InputError);
    expect(() => detectFormat('export.txt')).toThrow(/pass --format csv\|tsv\|jsonl\|json/);
    expect(detectFormat('export.txt', 'tsv')).toBe('tsv');
    expect(() => detectFormat('x.csv', 'xml')).toThrow(UsageError);
  });
});
