import { describe, expect, it } from 'vitest';
import { compileSignalCues, parseSignalCues } from '../src/core/signals/cues.js';
import { detectSignals } from '../src/core/signals/detect.js';
import { loadSignalCues } from '../src/load/signals.js';
import { makeDoc } from './helpers/doc.js';

const cues = loadSignalCues();
/** Every sentence gets the same sentiment: enough to exercise the mood-bound cues. */
const signalsOf = (text: string, sentiment = -0.5) => {
  const doc = makeDoc(text);
  return detectSignals(
    doc,
    doc.sentences.map(() => sentiment),
    cues,
  );
};

describe('churn intent', () => {
  it.each([
    'I want to cancel my account today.',
    "I'm going to switch to another provider.",
    'Never ordering again!',
    'Please close my account.',
    "I'm taking my business elsewhere.",
  ])('is heard in "%s"', (text) => {
    expect(signalsOf(text).churnIntent).toBe(true);
  });

  it('is not heard when the customer says they will not leave', () => {
    expect(signalsOf("I don't want to cancel my account, I just want it fixed.").churnIntent).toBe(false);
    expect(signalsOf('The delivery was quick and the shoes fit.', 0.6).churnIntent).toBe(false);
  });

  it('hears "leave" only when what is left is the company, not a flight or a parcel left outside', () => {
    expect(signalsOf('Honestly I am ready to leave your bank over this.').churnIntent).toBe(true);
    expect(signalsOf('These fees are pushing me to leave.').churnIntent).toBe(true);
    expect(signalsOf('The flight did not leave until nine, a miserable evening.').churnIntent).toBe(false);
    expect(signalsOf('Our plane was late to leave for Lisbon.').churnIntent).toBe(false);
    expect(signalsOf("I'm leaving for a competitor next month.").churnIntent).toBe(true);
    expect(signalsOf('The courier had to leave it at the back door in the rain.').churnIntent).toBe(false);
  });
});

describe('effort', () => {
  it('adds up repeat contact, transfer and long wait into a fraction', () => {
    const s = signalsOf('I called three times, got transferred twice and was on hold for 45 minutes.');
    expect(s.effort).toEqual({ repeatContact: true, transfer: true, longWait: true, score: 1 });
  });

  it('hears repeat contact in "for the third time"', () => {
    const s = signalsOf('I am writing for the third time about this.');
    expect(s.effort.repeatContact).toBe(true);
    expect(s.effort.score).toBeCloseTo(1 / 3);
  });

  it('hears a long wait in minutes and hours', () => {
    expect(signalsOf('I waited 45 minutes for someone to pick up.').effort.longWait).toBe(true);
    expect(signalsOf('It took hours to get through.').effort.longWait).toBe(true);
  });

  it('hears "again" as repeat contact only in a complaint', () => {
    expect(signalsOf('Here I am again, still broken.', -0.6).effort.repeatContact).toBe(true);
    expect(signalsOf('I would happily buy again.', 0.7).effort.repeatContact).toBe(false);
  });

  it('hears being passed around as a transfer', () => {
    expect(signalsOf('They passed me around between departments.').effort.transfer).toBe(true);
  });

  it('is zero for a plain compliment', () => {
    expect(signalsOf('Lovely dress, fits perfectly.', 0.8).effort.score).toBe(0);
  });
});

describe('emotions', () => {
  it('tells anger, frustration and confusion from their cues', () => {
    expect(signalsOf('I am absolutely furious.').emotions).toContain('anger');
    expect(signalsOf('I am so fed up with this.').emotions).toContain('frustration');
    expect(signalsOf('I am confused, what does this charge mean?').emotions).toContain('confusion');
  });

  it('needs a positive sentence for delight', () => {
    expect(signalsOf('I love this jacket, the agent went above and beyond.', 0.7).emotions).toEqual(['delight']);
    expect(signalsOf("I'd love to know why I was charged twice.", -0.4).emotions).not.toContain('delight');
  });

  it('reads delight from a very positive sentence alone', () => {
    expect(signalsOf('Everything arrived on time.', 0.9).emotions).toContain('delight');
  });
});

describe('signal cue files', () => {
  it('name the path of a malformed cue', () => {
    const text =
      'churnIntent: { cues: [""] }\nrepeatContact: {}\ntransfer: {}\nlongWait: {}\nemotions: { anger: {}, frustration: {}, confusion: {}, delight: {} }';
    expect(() => parseSignalCues(text)).toThrow(/churnIntent\.cues\[0\]: empty cue/);
    expect(() => parseSignalCues('churnIntent: {}')).toThrow(/repeatContact/);
  });

  it('compile into cues usable by detectSignals', () => {
    const spec = parseSignalCues(
      'churnIntent: { cues: [go elsewhere] }\nrepeatContact: {}\ntransfer: {}\nlongWait: {}\nemotions: { anger: {}, frustration: {}, confusion: {}, delight: {} }',
    );
    const doc = makeDoc('I will go elsewhere.');
    expect(detectSignals(doc, [0], compileSignalCues(spec)).churnIntent).toBe(true);
  });
});
