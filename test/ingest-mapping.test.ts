import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors/index.js';
import { detectFormat } from '../src/ingest/format.js';
import { loadMappingFile, parseMapArgs } from '../src/ingest/mapping.js';

const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', 'ingest', name);

describe('field mapping from --map flags', () => {
  it('maps a target to a column whose name has spaces and an equals sign', () => {
    expect(parseMapArgs(['text=Comment Text', 'attributes.region=Region = Geo', 'score.csat= CSAT '])).toEqual({
      text: 'Comment Text',
      'attributes.region': 'Region = Geo',
      'score.csat': 'CSAT',
    });
  });

  it('accepts the flag name itself among the values', () => {
    expect(parseMapArgs(['--map', 'id=Ticket', '--map=channel=Source'])).toEqual({ id: 'Ticket', channel: 'Source' });
  });

  it('rejects an entry without "=" with a precise usage message', () => {
    expect(() => parseMapArgs(['Comment Text'])).toThrow(UsageError);
    expect(() => parseMapArgs(['Comment Text'])).toThrow(/--map 'Comment Text': expected target=Column/);
  });

  it('rejects an unknown target and lists the valid ones', () => {
    expect(() => parseMapArgs(['body=Comment'])).toThrow(/unknown target 'body'; targets are id, text/);
  });

  it('rejects an attribute target without a name and an empty column', () => {
    expect(() => parseMapArgs(['attributes.=Region'])).toThrow(/needs a name/);
    expect(() => parseMapArgs(['text='])).toThrow(/column after "=" is empty/);
  });

  it('rejects a target mapped twice', () => {
    expect(() => parseMapArgs(['text=A', 'text=B'])).toThrow(/already mapped to 'A'/);
  });
});

describe('field mapping from a file', () => {
  it('reads a YAML mapping', async () => {
    const mapping = await loadMappingFile(fixture('mapping.yaml'));
    expect(mapping.text).toBe('Comment Text');
    expect(mapping['attributes.region']).toBe('Region Name');
  });

  it('reads a JSON mapping and refuses unknown targets as bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-map-'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ text: 'Body', 'customer.value': 'ARR' }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ txt: 'Body' }));
    writeFileSync(join(dir, 'list.json'), JSON.stringify(['text']));
    expect(await loadMappingFile(join(dir, 'ok.json'))).toEqual({ text: 'Body', 'customer.value': 'ARR' });
    await expect(loadMappingFile(join(dir, 'bad.json'))).rejects.toThrow(InputError);
    await expect(loadMappingFile(join(dir, 'list.json'))).rejects.toThrow(/expected an object/);
    await expect(loadMappingFile(join(dir, 'missing.yaml'))).rejects.toThrow(/missing\.yaml: cannot read/);
  });
});

describe('format detection', () => {
  it('tells the format from the extension, any case', () => {
    expect(detectFormat('a/b.CSV')).toBe('csv');
    expect(detectFormat('x.ndjson')).toBe('jsonl');
    expect(detectFormat('x.jsonl')).toBe('jsonl');
    expect(detectFormat('x.json')).toBe('json');
  });

  it('lets a --format flag override the extension', () => {
    expect(detectFormat('export.txt', 'jsonl')).toBe('jsonl');
  });

  it('asks for --format when the extension says nothing', () => {
    expect(() => detectFormat('export.txt')).toThrow(/pass --format/);
    expect(() => detectFormat('x.csv', 'xml')).toThrow(UsageError);
  });
});
