import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { verbatimText } from './texts.js';

/**
 * Mutated input files for the file fuzzer: small real files (the samples and the ingest
 * fixtures) with byte flips, truncation, stray quotes, invalid UTF-8, huge fields, deep
 * nesting and verbatims from the text arbitraries spliced in. Deterministic per seed.
 */

const root = join(import.meta.dirname, '..', '..');

export interface BaseFile {
  name: string;
  ext: 'csv' | 'jsonl' | 'json';
  bytes: Buffer;
}

const firstLines = (path: string, n: number): Buffer => Buffer.from(`${readFileSync(join(root, path), 'utf8').split('\n').slice(0, n).join('\n')}\n`);

export function baseFiles(): BaseFile[] {
  const chats = JSON.parse(readFileSync(join(root, 'data/samples/chats.json'), 'utf8')) as unknown[];
  return [
    { name: 'survey', ext: 'csv', bytes: firstLines('data/samples/survey.csv', 25) },
    { name: 'feedback', ext: 'jsonl', bytes: firstLines('data/samples/feedback.jsonl', 25) },
    { name: 'chats', ext: 'json', bytes: Buffer.from(JSON.stringify(chats.slice(0, 8), null, 1)) },
    { name: 'calls', ext: 'json', bytes: readFileSync(join(root, 'test/fixtures/ingest/calls.json')) },
    { name: 'self-mapped', ext: 'csv', bytes: readFileSync(join(root, 'test/fixtures/ingest/self-mapped.csv')) },
    { name: 'chats-turns', ext: 'jsonl', bytes: readFileSync(join(root, 'test/fixtures/ingest/chats.jsonl')) },
  ];
}

export type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'hugeField'; at: number; unit: string; megabytes: number }
  | { kind: 'nest'; depth: number }
  | { kind: 'verbatim'; at: number; text: string };

/** Byte sequences that break readers: quotes, separators, escapes, BOMs, invalid UTF-8. */
const NASTY_BYTES: number[][] = [
  [0x22],
  [0x22, 0x22],
  [0x27],
  [0x2c],
  [0x0a],
  [0x0d],
  [0x0d, 0x0a],
  [0x00],
  [0x5c],
  [0x7b],
  [0x7d],
  [0x5b],
  [0x5d],
  [0x3a],
  [0xef, 0xbb, 0xbf], // BOM
  [0xff],
  [0xfe, 0xff],
  [0xc3],
  [0xc0, 0xaf],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80], // invalid UTF-8
  [0x5c, 0x75, 0x64, 0x38, 0x30, 0x30], // \ud800: a lone surrogate once JSON-unescaped
];

// Where in the file, as a share of its length (integers: fast-check biases small doubles towards 0).
const fraction = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fraction, mask: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fraction }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, bytes: fc.constantFrom(...NASTY_BYTES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 400 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hugeField' as const),
      at: fraction,
      unit: fc.constantFrom('b', 'a-', '1', 'QUJD', 'help! ', 'x"', '😡', '\\"'),
      megabytes: fc.constantFrom(0.3, 1, 1.2, 6),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), depth: fc.constantFrom(100, 5_000, 200_000) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('verbatim' as const), at: fraction, text: verbatimText }) },
);

export interface FuzzCase {
  base: number;
  mutations: Mutation[];
}

const fuzzCase = (bases: number): fc.Arbitrary<FuzzCase> =>
  fc.record({ base: fc.nat({ max: bases - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) });

/** The `count` cases of a seed, the same on every machine. */
export const fuzzCases = (seed: number, count: number, bases: number): FuzzCase[] => fc.sample(fuzzCase(bases), { seed, numRuns: count });

export function applyMutations(base: BaseFile, mutations: readonly Mutation[]): Buffer {
  let bytes = base.bytes;
  for (const m of mutations) bytes = apply(bytes, m, base.ext);
  return bytes;
}

const position = (bytes: Buffer, at: number): number => Math.min(bytes.length, Math.floor(at * bytes.length));

function apply(bytes: Buffer, m: Mutation, ext: BaseFile['ext']): Buffer {
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = Buffer.from(bytes);
      const i = Math.min(out.length - 1, position(out, m.at));
      out[i] = out[i]! ^ m.mask;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, position(bytes, m.at));
    case 'insert': {
      const i = position(bytes, m.at);
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(m.bytes), bytes.subarray(i)]);
    }
    case 'delete': {
      const i = position(bytes, m.at);
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + m.length)]);
    }
    case 'duplicate': {
      const i = position(bytes, m.at);
      return Buffer.concat([bytes.subarray(0, i + m.length), bytes.subarray(i)]);
    }
    case 'hugeField': {
      // Inside the next text value (or quoted CSV field) where there is one, so the row stays valid.
      const size = Math.floor(m.megabytes * 1024 * 1024);
      const raw = m.unit.repeat(Math.ceil(size / Buffer.byteLength(m.unit)));
      const field = Buffer.from(ext === 'csv' ? raw.replaceAll('"', '""') : JSON.stringify(raw).slice(1, -1)).subarray(0, size);
      const opening = ext === 'csv' ? ',"' : '"text":"';
      const found = bytes.indexOf(opening, position(bytes, m.at));
      const i = found >= 0 ? found + opening.length : position(bytes, m.at);
      return Buffer.concat([bytes.subarray(0, i), field, bytes.subarray(i)]);
    }
    case 'nest': {
      // A value nested `depth` deep in a valid row of the file's own format.
      const value = '['.repeat(m.depth) + ']'.repeat(m.depth);
      const row = `{"id":"deep","text":"My refund never came.","attributes":{"x":${value}},"turns":${value}}`;
      if (ext === 'csv') return Buffer.concat([bytes, Buffer.from(`deep,"${value}"\n`)]);
      if (ext === 'jsonl') return Buffer.concat([bytes, Buffer.from(`${row}\n`)]);
      return Buffer.from(`[${row},${'['.repeat(m.depth)}${']'.repeat(m.depth)}]`);
    }
    case 'verbatim': {
      // JSON-escaped, it fits a JSON string; CSV-quoted, a CSV field: a valid file with a wild text.
      const escaped = ext === 'csv' ? `"${m.text.replaceAll('"', '""')}"` : JSON.stringify(m.text).slice(1, -1);
      const i = position(bytes, m.at);
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(escaped), bytes.subarray(i)]);
    }
  }
}

/** One line describing a case, for reports: the base file and its mutations (long texts cut). */
export function describeCase(base: BaseFile, c: FuzzCase): string {
  const short = (m: Mutation): string =>
    JSON.stringify(m, (_k, v: unknown) =>
      typeof v === 'string' && v.length > 40
        ? `${v.slice(0, 40)}…(${v.length})`
        : typeof v === 'number' && !Number.isInteger(v)
          ? Math.round(v * 1000) / 1000
          : v,
    );
  return `${base.name}.${base.ext} ${c.mutations.map(short).join(' ')}`;
}
