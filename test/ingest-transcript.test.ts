import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../src/ingest/transcript.js';

describe('transcript parsing', () => {
  it('splits labels on separate lines into turns', () => {
    expect(parseTranscript('Agent: Hello, how can I help?\nCustomer: My bill is wrong.\nAgent: Sorry.')).toEqual([
      { speaker: 'agent', text: 'Hello, how can I help?' },
      { speaker: 'customer', text: 'My bill is wrong.' },
      { speaker: 'agent', text: 'Sorry.' },
    ]);
  });

  it('splits inline labels with bracketed timestamps and maps aliases', () => {
    expect(parseTranscript('[00:00:05] Rep: Thanks for calling. [00:01:23] Caller: I was charged twice.')).toEqual([
      { speaker: 'agent', text: 'Thanks for calling.', at: '00:00:05' },
      { speaker: 'customer', text: 'I was charged twice.', at: '00:01:23' },
    ]);
  });

  it('reads clock timestamps and bot, member and system aliases', () => {
    const turns = parseTranscript('10:32 AM IVR: Say your account number\n10:33 AM Member: agent please\n10:34 AM System: transferred\nAdvisor: Hi');
    expect(turns).toEqual([
      { speaker: 'bot', text: 'Say your account number', at: '10:32 AM' },
      { speaker: 'customer', text: 'agent please', at: '10:33 AM' },
      { speaker: 'system', text: 'transferred', at: '10:34 AM' },
      { speaker: 'agent', text: 'Hi' },
    ]);
  });

  it('maps Representative, Associate, Client, User, Bot and Assistant', () => {
    const turns = parseTranscript('Representative: a\nClient: b\nAssociate: c\nUser: d\nBot: e\nAssistant: f');
    expect(turns?.map((t) => t.speaker)).toEqual(['agent', 'customer', 'agent', 'customer', 'bot', 'bot']);
  });

  it('does not split on a lowercase label inside a sentence', () => {
    expect(parseTranscript('Customer: I told the agent: cancel it')).toEqual([{ speaker: 'customer', text: 'I told the agent: cancel it' }]);
  });

  it('keeps text before the first label as a system turn', () => {
    expect(parseTranscript('Call about billing.\nAgent: Hi')?.[0]).toEqual({ speaker: 'system', text: 'Call about billing.' });
  });

  it('returns null for a text without speaker labels', () => {
    expect(parseTranscript('Customer service was slow and the agent was rude.')).toBeNull();
    expect(parseTranscript('')).toBeNull();
  });
});
