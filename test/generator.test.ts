import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Verbatim } from '../src/contracts/verbatim.js';
import { AGENT_ACKNOWLEDGEMENTS, AGENT_CLOSINGS, AGENT_GREETINGS, AGENT_PROBES, AGENT_WRAPUPS } from '../data/generator/filler.js';
import { PHRASINGS } from '../data/generator/phrasings.js';
import { createRng } from '../data/generator/prng.js';
import { buildSamples, DEFAULT_SEED, type Samples } from '../data/generator/samples.js';
import { streamComments } from '../data/generator/comments.js';
import { streamRows } from '../data/generator/stream.js';
import { fillTemplate } from '../data/generator/template.js';
import { THEME_IDS } from '../data/generator/theme-ids.js';
import { formatTruth, type Truth, type TruthVerbatim } from '../data/generator/truth.js';

const SAMPLES_DIR = join(import.meta.dirname, '..', 'data', 'samples');

/** NPS = % promoters (9-10) - % detractors (0-6). */
function nps(verbatims: readonly TruthVerbatim[]): number {
  let promoters = 0;
  let detractors = 0;
  for (const v of verbatims) {
    const value = v.score?.value ?? 0;
    if (value >= 9) promoters += 1;
    else if (value <= 6) detractors += 1;
  }
  return (100 * (promoters - detractors)) / verbatims.length;
}

/** Source rows as plain objects, whatever the file format. */
function rowsOf(name: string, content: string): Array<Record<string, unknown>> {
  if (name.endsWith('.jsonl'))
    return content
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  if (name.endsWith('.json')) return JSON.parse(content) as Array<Record<string, unknown>>;
  const records = parseCsv(content, { columns: true }) as Array<Record<string, string>>;
  return records.map((r) => ({
    id: r.id,
    channel: r.channel,
    createdAt: r.createdAt,
    text: r.text,
    ...(r['score.nps'] === '' ? {} : { score: { type: 'nps', value: Number(r['score.nps']) } }),
    customer: { segment: r['customer.segment'], value: Number(r['customer.value']) },
    attributes: { region: r['attributes.region'] ?? '', product: r['attributes.product'] ?? '' },
  }));
}

let samples: Samples;
let truth: Truth;

beforeAll(() => {
  samples = buildSamples(DEFAULT_SEED);
  truth = samples.truth;
});

describe('sample generator', () => {
  it('writes byte-identical files for the same seed and different files for another seed', () => {
    const again = buildSamples(DEFAULT_SEED);
    for (const [name, content] of samples.files) expect(again.files.get(name), name).toBe(content);
    expect(formatTruth(again.truth)).toBe(formatTruth(truth));
    expect(buildSamples(DEFAULT_SEED + 1).files.get('survey.csv')).not.toBe(samples.files.get('survey.csv'));
  });

  it('matches the committed samples, so they can always be regenerated', async () => {
    for (const [name, content] of samples.files) expect(await readFile(join(SAMPLES_DIR, name), 'utf8'), name).toBe(content);
    expect(await readFile(join(SAMPLES_DIR, 'truth.json'), 'utf8')).toBe(formatTruth(truth));
  });

  it('plants every one of the 45 theme ids, negatively, many times', () => {
    const negatives = new Map<string, number>();
    for (const v of Object.values(truth.verbatims)) {
      for (const t of v.themes) if (t.polarity === 'negative') negatives.set(t.id, (negatives.get(t.id) ?? 0) + 1);
    }
    expect(THEME_IDS).toHaveLength(45);
    for (const id of THEME_IDS) expect(negatives.get(id) ?? 0, id).toBeGreaterThanOrEqual(30);
    const positives = Object.values(truth.verbatims).flatMap((v) => v.themes.filter((t) => t.polarity === 'positive'));
    expect(positives.length).toBeGreaterThan(200);
  });

  it('leaves about 15% of verbatims without any theme', () => {
    const all = Object.values(truth.verbatims);
    const none = all.filter((v) => v.themes.length === 0).length / all.length;
    expect(none).toBeGreaterThan(0.1);
    expect(none).toBeLessThan(0.2);
  });

  it('lets the with-vs-without impact on NPS recover the planted driver order from the truth alone', () => {
    const scored = Object.values(truth.verbatims).filter((v) => v.score?.type === 'nps');
    const all = nps(scored);
    // impact_t = S(all) - S(responses not mentioning t); the most negative hurts most.
    const impacts = THEME_IDS.map((id) => ({ id, impact: all - nps(scored.filter((v) => !v.themes.some((t) => t.id === id))) }));
    impacts.sort((a, b) => a.impact - b.impact);
    const planted = truth.drivers.planted.map((d) => d.theme);
    expect(truth.drivers.expectedOrder).toEqual(planted);
    expect(impacts.slice(0, planted.length).map((i) => i.id)).toEqual(planted);
  });

  it('raises the spiking theme about fourfold in the last two weeks', () => {
    expect(truth.spike.theme).toBe('app.crash');
    expect(truth.spike.perDayDuring / truth.spike.perDayBefore).toBeGreaterThan(3);
  });

  it('reconciles rows: valid + invalid + duplicates, each exactly as listed in the truth', () => {
    let valid = 0;
    for (const [name, content] of samples.files) {
      const file = truth.files[name];
      if (file === undefined) throw new Error(`no truth for ${name}`);
      const rows = rowsOf(name, content);
      expect(rows).toHaveLength(file.rows);
      expect(file.valid + file.invalid.length + file.duplicates.length).toBe(file.rows);
      expect(file.invalid.length / file.rows).toBeGreaterThan(0.01);
      expect(file.invalid.length / file.rows).toBeLessThan(0.035);
      expect(file.duplicates.length).toBeGreaterThan(0);
      expect(file.duplicates.length / file.rows).toBeLessThan(0.02);
      const invalidRows = new Set(file.invalid.map((i) => i.row));
      const duplicateRows = new Set(file.duplicates.map((d) => d.row));
      rows.forEach((row, index) => {
        const parsed = Verbatim.safeParse(row);
        if (invalidRows.has(index + 1)) expect(parsed.success, `row ${index + 1} of ${name} should be invalid`).toBe(false);
        else expect(parsed.success, `row ${index + 1} of ${name}: ${parsed.error?.message ?? ''}`).toBe(true);
        if (!invalidRows.has(index + 1) && !duplicateRows.has(index + 1)) {
          valid += 1;
          expect(truth.verbatims[String(row.id)]?.file).toBe(name);
        }
      });
      for (const d of file.duplicates) expect(rows[d.row - 1]).toEqual(rows[d.ofRow - 1]);
    }
    expect(valid).toBe(Object.keys(truth.verbatims).length);
  });

  it('keeps agent lines free of complaint wording, so themes come from the customer only', () => {
    const agentLines = [...AGENT_GREETINGS, ...AGENT_PROBES, ...AGENT_ACKNOWLEDGEMENTS, ...AGENT_WRAPUPS, ...AGENT_CLOSINGS].join(' ').toLowerCase();
    for (const word of ['refund', 'charge', 'late', 'crash', 'password', 'deliver', 'cancel', 'callback', 'call back', 'slow', 'parcel', 'price', 'fee']) {
      expect(agentLines, word).not.toMatch(new RegExp(`\\b${word}`));
    }
  });

  it('has at least five varied negative phrasings per theme, every slot fillable', () => {
    const rng = createRng(1);
    for (const id of THEME_IDS) {
      const book = PHRASINGS[id];
      expect(new Set(book.negative).size, id).toBeGreaterThanOrEqual(5);
      for (const template of [...book.negative, ...book.positive]) expect(fillTemplate(rng, template)).not.toMatch(/[{}[\]]/);
    }
  });

  it('lists personal data exactly where it was planted, for redaction to find', () => {
    const rowsById = new Map<string, string>();
    for (const [name, content] of samples.files) for (const row of rowsOf(name, content)) rowsById.set(String(row.id), JSON.stringify(row));
    expect(truth.pii.length).toBeGreaterThan(50);
    for (const item of truth.pii) expect(rowsById.get(item.id), item.id).toContain(item.value);
  });
});

describe('streamed benchmark file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frictionlens-gen-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams the requested number of csv rows, the same bytes for the same seed', async () => {
    const a = await streamRows({ path: join(dir, 'a.csv'), rows: 1500, format: 'csv', seed: 7 });
    const b = await streamRows({ path: join(dir, 'b.csv'), rows: 1500, format: 'csv', seed: 7 });
    expect(a.rows).toBe(1500);
    expect(a.valid + a.invalid + a.duplicates).toBe(1500);
    const content = await readFile(join(dir, 'a.csv'), 'utf8');
    expect(content).toBe(await readFile(join(dir, 'b.csv'), 'utf8'));
    expect(rowsOf('a.csv', content)).toHaveLength(1500);
    expect(Buffer.byteLength(content)).toBe(b.bytes);
  });

  it('streams jsonl rows of mixed channels', async () => {
    const summary = await streamRows({ path: join(dir, 'a.jsonl'), rows: 800, format: 'jsonl', seed: 7 });
    const rows = rowsOf('a.jsonl', await readFile(join(dir, 'a.jsonl'), 'utf8'));
    expect(rows).toHaveLength(summary.rows);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['survey', 'call', 'chat', 'email', 'review']));
  });

  it('streams distinct survey comments of 40+ words for the analyze benchmark, the same for the same seed', async () => {
    const a = await streamComments({ path: join(dir, 'c.csv'), rows: 600, seed: 7 });
    await streamComments({ path: join(dir, 'd.csv'), rows: 600, seed: 7 });
    const content = await readFile(join(dir, 'c.csv'), 'utf8');
    expect(content).toBe(await readFile(join(dir, 'd.csv'), 'utf8'));
    const rows = rowsOf('c.csv', content);
    const texts = rows.map((r) => String(r.text));
    expect(rows).toHaveLength(600);
    expect(new Set(texts).size).toBe(600);
    for (const t of texts) expect(t.split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(40);
    expect(a.meanWords).toBeGreaterThan(40);
    for (const r of rows) expect(Verbatim.safeParse(r).success).toBe(true);
    // Varied vocabulary: far more distinct words than the sample phrasings hold.
    expect(new Set(texts.flatMap((t) => t.toLowerCase().match(/[a-z]+/g) ?? [])).size).toBeGreaterThan(1500);
  });
});
