import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCommand, type CliProcess } from './helpers/cli.js';

const samples = join(import.meta.dirname, '..', 'data', 'samples');
const FILES = ['feedback.jsonl', 'survey.csv', 'chats.json'].map((f) => join(samples, f));
const survey = join(samples, 'survey.csv');
const out = mkdtempSync(join(tmpdir(), 'frictionlens-output-'));

interface Done {
  code: number | string;
  stdout: string;
  stderr: string;
}
const finish = async (p: CliProcess): Promise<Done> => ({ code: await p.exited, stdout: p.stdout(), stderr: p.stderr() });
const widest = (text: string): number => Math.max(...text.split('\n').map((l) => l.length));

let readme: Done;
let wide: Done;
let noCes: Done;
let uncovered: Done;

beforeAll(async () => {
  // The README's example, with --out to read the JSON, the report and analyses.jsonl of the same run.
  // Complaints no theme of the taxonomy is about: coverage is low, and the run says so.
  const offTopic = join(out, 'off-topic.csv');
  writeFileSync(
    offTopic,
    `text\n${Array.from({ length: 40 }, (_, i) => `"The stadium concert number ${i} was awful, the band was terrible and the seats were horrible."`).join('\n')}\n`,
  );
  [readme, wide, noCes, uncovered] = await Promise.all([
    finish(spawnCommand(['analyze', ...FILES, '--by', 'channel', '--metric', 'csat', '--out', out])),
    finish(spawnCommand(['analyze', survey, '--by', 'attributes.regoin', '--metric', 'sentiment', '--wide', '--top', '5'])),
    finish(spawnCommand(['analyze', survey, '--metric', 'ces'])),
    finish(spawnCommand(['analyze', offTopic, '--json'])),
  ]);
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('analyze on the sample files', () => {
  it('prints the table, the --by block and the key drivers within 120 columns', () => {
    expect(readme.code, readme.stderr).toBe(0);
    expect(widest(readme.stdout)).toBeLessThanOrEqual(120);
    expect(readme.stdout).toMatch(/^impact on CSAT, in mean CSAT: [\d,]+ responses \(--metric csat\)/);
    expect(readme.stdout).toMatch(/\nby channel: share of each value's verbatims that mention the theme/);
    expect(readme.stdout).toMatch(/survey \([\d,]+\)\s+chat \([\d,]+\)/);
    expect(readme.stdout).toMatch(/key driver\s+attribution, CSAT \[95% CI\]/);
    // CSAT impacts with three decimals, not a column of zeros.
    expect(readme.stdout).toMatch(/−0\.\d{3} \[−0\.\d{3}, −0\.\d{3}\]/);
  });

  it('gives --by in the JSON document, and the metric with the responses of every metric', () => {
    const doc = JSON.parse(readFileSync(join(out, 'insights.json'), 'utf8'));
    expect(doc.metric).toBe('csat');
    expect(doc.responses).toMatchObject({ csat: expect.any(Number), nps: expect.any(Number), sentiment: doc.run.analyzed });
    expect(doc.warnings).toEqual([]);
    const [channel] = doc.by;
    expect(channel.field).toBe('channel');
    expect(channel.verbatims).toBe(doc.run.analyzed);
    expect(channel.values.map((v: { value: string }) => v.value)).toEqual(expect.arrayContaining(['survey', 'chat', 'call', 'email', 'review']));
    expect(channel.values.reduce((s: number, v: { verbatims: number }) => s + v.verbatims, 0)).toBe(doc.run.analyzed);
    for (const v of channel.values) expect(v.themes[0].rank).toBe(1);
    // Impacts per value on the run's metric, where the value has CSAT responses.
    expect(channel.values.some((v: { themes: Array<{ impact: { metric: string } | null }> }) => v.themes[0]!.impact?.metric === 'csat')).toBe(true);
  });

  it('says how much the themes explain: in the table, the JSON, the report, and a warning under 60% of negative verbatims', () => {
    const doc = JSON.parse(readFileSync(join(out, 'insights.json'), 'utf8'));
    expect(doc.coverage.verbatims).toBe(doc.run.analyzed);
    expect(doc.coverage.share).toBeCloseTo(doc.coverage.themed / doc.coverage.verbatims, 10);
    expect(doc.coverage.negativeShare).toBeGreaterThan(0.6);
    expect(readme.stdout).toMatch(/coverage: \d+\.\d% of analysed verbatims \([\d,]+ of [\d,]+\) and \d+\.\d% of negative ones/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/coverage: \d+\.\d% of analysed verbatims/);
    expect(uncovered.code, uncovered.stderr).toBe(0);
    const low = JSON.parse(uncovered.stdout);
    expect(low.coverage).toMatchObject({ verbatims: 40, negative: 40, themedNegative: 0, negativeShare: 0 });
    expect(low.warnings.join('\n')).toContain('themes suggest');
    expect(uncovered.stderr).toMatch(/warning: only 0\.0% of negative verbatims mention a theme/);
  });

  it('gives --by a section of report.html', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>By channel</h2>');
    expect(html).toMatch(/impact on CSAT, in mean CSAT: [\d,]+ responses/);
  });

  it('writes the redacted text and the mapped score, customer and attributes to analyses.jsonl', () => {
    const lines = readFileSync(join(out, 'analyses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const first = lines.find((l) => l.id === 'fb-000001');
    expect(first).toMatchObject({
      text: 'Good service as always. My email is [EMAIL] if you need it.',
      score: { type: 'nps', value: 9, scale: 10 },
      customer: { id: 'C110673', segment: 'enterprise', value: 106255.26 },
      attributes: { region: 'north-america', product: 'FitBand 2' },
    });
    expect(lines.every((l) => typeof l.text === 'string' && l.text.length > 0)).toBe(true);
    expect(lines.some((l) => l.score?.type === 'csat')).toBe(true);
    expect(readFileSync(join(out, 'analyses.jsonl'), 'utf8')).not.toContain('chloe.silva33@mail.example.org');
  });

  it('shows every column with --wide, sentiment in points, and warns of an attribute no row carries', () => {
    expect(wide.code, wide.stderr).toBe(0);
    expect(wide.stderr).toMatch(
      /^frictionlens: warning: --by attributes\.regoin: no analysed verbatim carries it; attributes in this run: product \([\d,]+\), region \([\d,]+\)\n/m,
    );
    expect(wide.stdout).toMatch(/^impact on sentiment, in sentiment points/);
    expect(wide.stdout).toMatch(/neg impact\s+driver\s+at risk/);
    expect(wide.stdout).toMatch(/\(delivery\.lost-package\)|\(billing\.double-charge\)/);
    expect(wide.stdout).not.toMatch(/[−±]0\.0 \[[−±]0\.0, [−±]0\.0\]/);
  });

  it('refuses a metric with no responses in the run, naming those that have some (exit code 3)', () => {
    expect(noCes.code).toBe(3);
    expect(noCes.stderr).toMatch(/^frictionlens: --metric ces: the run has no ces responses; metrics with responses: nps \([\d,]+\), sentiment \([\d,]+\)\n$/);
    expect(noCes.stdout).toBe('');
  });

  it('refuses a malformed --by field before any work (exit code 2)', async () => {
    const typo = await finish(spawnCommand(['analyze', survey, '--by', 'regoin']));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /^frictionlens: --by: 'regoin' is not a field to slice by \(channel, segment or attributes\.NAME\); did you mean attributes\.regoin\?\n/,
    );
  });
});
