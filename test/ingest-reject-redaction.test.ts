import { describe, expect, it } from 'vitest';
import type { Reject } from '../src/contracts/index.js';
import { ingest, type IngestOptions } from '../src/ingest/ingest.js';
import { scratchDir } from './helpers/scratch.js';

/** Bad cells seeded with personal data: reject messages quote them only once redacted. */
const EMAIL = 'maria.lopez@example.org';
const PHONE = '(415) 555-0132';
const CARD = '5555 5555 5555 4444';
const IBAN = 'GB82 WEST 1234 5698 7654 32';
const SEEDED = [EMAIL, PHONE, CARD, IBAN];

const { file } = scratchDir('reject-pii');

const base: IngestOptions = { mapping: {}, channel: 'survey', createdAt: '2024-01-01T00:00:00.000Z', runId: 'run-pii' };

async function rejectsOf(name: string, content: string, options: Partial<IngestOptions> = {}): Promise<Reject[]> {
  const path = file(name, content);
  const out: Reject[] = [];
  for await (const item of ingest([path], { ...base, ...options })) if (item.kind === 'reject') out.push(item.reject);
  return out;
}

const expectNoSeededPii = (rejects: readonly Reject[]): void => {
  const stored = JSON.stringify(rejects.map(({ verbatimId: _id, ...rest }) => rest));
  for (const value of SEEDED) expect(stored).not.toContain(value);
};

describe('reject messages quote cell values only after PII redaction', () => {
  it('redacts emails, phones, cards and IBANs in bad CSV cells, and keeps the cause value-free', async () => {
    const rejects = await rejectsOf(
      'cells.csv',
      `${[
        'text,score.nps,channel,customer.value',
        `slow delivery,${EMAIL},survey,1`,
        `slow delivery,"call ${PHONE}",survey,2`,
        `app crash,3,${CARD},3`,
        `late refund,4,chat,${IBAN}`,
      ].join('\n')}\n`,
    );
    expect(rejects.map((r) => r.message)).toEqual([
      "row 1: score.nps: '[EMAIL]' is not a number",
      "row 2: score.nps: 'call [PHONE]' is not a number",
      "row 3: channel: '[CARD]' is not one of call, chat, survey, email, review, social, other",
      "row 4: customer.value: '[IBAN]' is not a non-negative number",
    ]);
    expect(rejects.map((r) => r.cause)).toEqual([
      'score.nps: not a number',
      'score.nps: not a number',
      'channel: not one of call, chat, survey, email, review, social, other',
      'customer.value: not a non-negative number',
    ]);
    expectNoSeededPii(rejects);
  });

  it('redacts a malformed JSON line, whose parser message quotes the text', async () => {
    const rejects = await rejectsOf('lines.jsonl', `{"text": "ok"}\n{"text": "write to ${EMAIL} or ${PHONE}"\n`);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.message).toMatch(/^line 2: not valid JSON \(/);
    expect(rejects[0]!.cause).toBe('not valid JSON');
    expectNoSeededPii(rejects);
  });

  it('redacts a duplicate id that is an email, and a turn speaker that is one', async () => {
    const rejects = await rejectsOf(
      'chats.jsonl',
      `${[
        JSON.stringify({ id: EMAIL, text: 'first' }),
        JSON.stringify({ id: EMAIL, text: 'second' }),
        JSON.stringify({ turns: [{ speaker: EMAIL, text: 'hi' }] }),
      ].join('\n')}\n`,
    );
    expect(rejects.map((r) => r.message)).toEqual([
      "row 2: id '[EMAIL]' was already read in this run",
      'row 3: turns: turn 1: speaker "[EMAIL]" is not one of customer, agent, bot, system',
    ]);
    expect(rejects.map((r) => r.cause)).toEqual(['id already read in this run', 'turns: a speaker is not one of customer, agent, bot, system']);
    expectNoSeededPii(rejects);
  });

  it("uses the redact function it is given (the analyzer's, in a run)", async () => {
    const rejects = await rejectsOf('given.csv', 'text,score.nps\nhello,secret-value\n', { redact: (text) => text.replaceAll('secret-value', '[HIDDEN]') });
    expect(rejects[0]!.message).toBe("row 1: score.nps: '[HIDDEN]' is not a number");
  });

  it('cuts a long quoted value after redacting it', async () => {
    const long = `${'very long rating comment '.repeat(10)}${EMAIL}`;
    const [reject] = await rejectsOf('long.csv', `text,score.nps\nhello,"${long}"\n`);
    expect(reject!.message).toMatch(/^row 1: score\.nps: 'very long rating comment .{20,}…' is not a number$/);
    expect(reject!.message.length).toBeLessThan(110);
    expectNoSeededPii([reject!]);
  });
});
