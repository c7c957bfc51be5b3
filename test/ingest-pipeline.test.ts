import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors/index.js';
import { ingest, type IngestOptions } from '../src/ingest/ingest.js';
import { loadMappingFile } from '../src/ingest/mapping.js';
import type { IngestItem } from '../src/contracts/index.js';

const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', 'ingest', name);
const base: IngestOptions = { mapping: {}, channel: 'survey', createdAt: '2024-01-01T00:00:00.000Z', runId: 'run-1' };

async function collect(sources: string[], options: Partial<IngestOptions> = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of ingest(sources, { ...base, ...options })) items.push(item);
  return items;
}

const verbatims = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'verbatim' ? [i] : []));
const rejects = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'reject' ? [i.reject] : []));

describe('ingest', () => {
  it('turns a mapped survey CSV into verbatims and rejects with row numbers and reasons', async () => {
    // Its one slash date (03/05/2024 10:00) could be 3 May or 5 March: the format says which.
    const items = await collect([fixture('survey.csv')], { mapping: await loadMappingFile(fixture('mapping.yaml')), dateFormat: 'MM/dd/yyyy HH:mm' });
    expect(items).toHaveLength(7);
    // r5's date ('not a date') cannot be read: the row is kept, undated.
    expect(verbatims(items).map((v) => [v.row, v.verbatim.id])).toEqual([
      [1, 'r1'],
      [2, 'r2'],
      [3, 'r3'],
      [5, 'r5'],
    ]);
    expect(verbatims(items)[3]!.verbatim.createdAt).toBeUndefined();
    expect(verbatims(items)[0]!.verbatim).toMatchObject({
      channel: 'survey',
      createdAt: '2024-03-05T10:00:00.000Z',
      score: { type: 'nps', value: 3, scale: 10 },
      customer: { segment: 'enterprise' },
      attributes: { region: 'EMEA' },
    });
    expect(rejects(items)).toEqual([
      { runId: 'run-1', source: fixture('survey.csv'), row: 4, reason: 'invalid', message: 'row 4: text: empty', cause: 'text: empty' },
      expect.objectContaining({ row: 6, reason: 'invalid', message: "row 6: score.nps: 'ten' is not a number", cause: 'score.nps: not a number' }),
      expect.objectContaining({ row: 7, reason: 'duplicate', verbatimId: 'r1' }),
    ]);
  });

  it('maps columns named like the targets without a mapping', async () => {
    const items = await collect([fixture('self-mapped.csv')]);
    expect(verbatims(items).map((v) => v.verbatim)).toEqual([
      {
        id: 'a1',
        channel: 'email',
        text: 'Password reset email never arrives',
        createdAt: '2024-04-01T00:00:00.000Z',
        score: { type: 'nps', value: 2, scale: 10 },
        customer: { segment: 'smb', value: 1200 },
        attributes: { region: 'EMEA' },
      },
      expect.objectContaining({ id: 'a2', channel: 'survey', customer: { segment: 'enterprise', value: 25000 } }),
    ]);
  });

  it('reads chats from JSONL, rejecting malformed lines and invalid turns without stopping', async () => {
    const items = await collect([fixture('chats.jsonl')]);
    expect(verbatims(items).map((v) => v.verbatim.id)).toEqual(['c1', 'c2']);
    expect(verbatims(items)[1]!.verbatim.turns).toEqual([
      { speaker: 'customer', text: 'Refund please' },
      { speaker: 'bot', text: 'Connecting you' },
    ]);
    expect(rejects(items)).toEqual([
      expect.objectContaining({ row: 3, reason: 'invalid', message: expect.stringMatching(/^line 3: not valid JSON/) }),
      expect.objectContaining({ row: 4, reason: 'invalid', message: 'line 4: expected a JSON object, got an array' }),
      expect.objectContaining({
        row: 6,
        reason: 'invalid',
        message: 'row 6: turns: turn 1: speaker "robot" is not one of customer, agent, bot, system',
      }),
    ]);
  });

  it('splits call transcripts with speaker labels into turns and leaves unlabelled calls as text', async () => {
    const items = verbatims(await collect([fixture('calls.json')]));
    expect(items[0]!.verbatim.text).toBeUndefined();
    expect(items[0]!.verbatim.turns).toEqual([
      { speaker: 'agent', text: 'Thanks for calling, how can I help?', at: '00:00:03' },
      { speaker: 'customer', text: 'I was charged twice for March.', at: '00:00:07' },
      { speaker: 'agent', text: 'I see it, refunding now.', at: '00:00:15' },
    ]);
    expect(items[1]!.verbatim.turns?.map((t) => t.speaker)).toEqual(['bot', 'customer', 'agent']);
    expect(items[1]!.verbatim.createdAt).toBe('2024-06-01T12:00:00.000Z');
    expect(items[2]!.verbatim.text).toMatch(/broken charger/);
    expect(items[2]!.verbatim.turns).toBeUndefined();
  });

  it('treats the same id in a second source as a duplicate of the first', async () => {
    const items = await collect([fixture('calls.json'), fixture('calls.json')]);
    expect(verbatims(items)).toHaveLength(3);
    expect(rejects(items).map((r) => [r.source, r.row, r.reason])).toEqual([
      [fixture('calls.json'), 1, 'duplicate'],
      [fixture('calls.json'), 2, 'duplicate'],
      [fixture('calls.json'), 3, 'duplicate'],
    ]);
  });

  it('fails before reading anything when one of the sources is missing', async () => {
    const error = await collect([fixture('calls.json'), fixture('absent.csv')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/absent\.csv: cannot open/);
  });
});
