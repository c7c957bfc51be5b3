import { describe, expect, it } from 'vitest';
import { createRedactor, detect, isLuhnValid, isValidIban, PII_TYPES, redact, type PiiSpan, type PiiType } from '../src/core/redact/index.js';
import { generatePiiCases, type PiiCase } from './fixtures/pii-cases.js';

const redactor = createRedactor();

interface Tally {
  planted: number;
  found: number;
  placeholders: number;
  wrong: number;
}

/**
 * An entity is found when one placeholder of its type covers its whole span; a placeholder is
 * wrong (a false positive) when it overlaps no planted entity of its own type.
 */
function evaluate(cases: readonly PiiCase[]): { byType: Map<PiiType, Tally>; misses: string[]; falsePositives: string[] } {
  const byType = new Map<PiiType, Tally>(PII_TYPES.map((t) => [t, { planted: 0, found: 0, placeholders: 0, wrong: 0 }]));
  const misses: string[] = [];
  const falsePositives: string[] = [];
  for (const c of cases) {
    const spans = detect(redactor, c.text).filter((s): s is PiiSpan & { type: PiiType } => s.type !== null);
    for (const e of c.entities) {
      const t = byType.get(e.type)!;
      t.planted++;
      if (spans.some((s) => s.type === e.type && s.start <= e.start && s.end >= e.end)) t.found++;
      else misses.push(`${e.type} "${e.value}" in: ${c.text}`);
    }
    for (const s of spans) {
      const t = byType.get(s.type)!;
      t.placeholders++;
      if (!c.entities.some((e) => e.type === s.type && s.start < e.end && e.start < s.end)) {
        t.wrong++;
        falsePositives.push(`${s.type} "${c.text.slice(s.start, s.end)}" in: ${c.text}`);
      }
    }
  }
  return { byType, misses, falsePositives };
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

describe('redaction quality on the seeded labelled set', () => {
  const cases = generatePiiCases();
  const { byType, misses, falsePositives } = evaluate(cases);
  const total = [...byType.values()].reduce(
    (acc, t) => ({ planted: acc.planted + t.planted, found: acc.found + t.found, placeholders: acc.placeholders + t.placeholders, wrong: acc.wrong + t.wrong }),
    { planted: 0, found: 0, placeholders: 0, wrong: 0 },
  );
  const recall = ratio(total.found, total.planted);
  const precision = ratio(total.placeholders - total.wrong, total.placeholders);

  const rows = [...byType.entries()].map(([type, t]) => ({
    type,
    planted: t.planted,
    found: t.found,
    recall: ratio(t.found, t.planted).toFixed(3),
    placeholders: t.placeholders,
    falsePositives: t.wrong,
    precision: ratio(t.placeholders - t.wrong, t.placeholders).toFixed(3),
  }));
  rows.push({
    type: 'ALL' as PiiType,
    planted: total.planted,
    found: total.found,
    recall: recall.toFixed(3),
    placeholders: total.placeholders,
    falsePositives: total.wrong,
    precision: precision.toFixed(3),
  });
  console.log(`PII redaction on ${cases.length} seeded cases`);
  console.table(rows);
  if (misses.length) console.log(`missed:\n  ${misses.join('\n  ')}`);
  if (falsePositives.length) console.log(`false positives:\n  ${falsePositives.join('\n  ')}`);

  it('draws at least 400 cases, including hard negatives and pairs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(cases.filter((c) => c.entities.length === 0).length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.entities.length === 2).length).toBeGreaterThanOrEqual(100);
  });

  it('finds at least 99% of planted personal data', () => {
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });

  it('is right at least 95% of the time it redacts', () => {
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves every hard negative untouched', () => {
    for (const c of cases.filter((x) => x.kind === 'negative')) expect(redact(redactor, c.text).text).toBe(c.text);
  });

  it('counts one redaction per placeholder it writes', () => {
    for (const c of cases) {
      const { text, counts } = redact(redactor, c.text);
      const written = text.match(/\[(EMAIL|PHONE|CARD|IBAN|SSN|ADDRESS|URL)\]/g)?.length ?? 0;
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(written);
    }
  });
});

describe('the seeded case generator', () => {
  it('gives the same cases for the same seed and different ones for another', () => {
    expect(generatePiiCases(7)).toEqual(generatePiiCases(7));
    expect(generatePiiCases(7)[0]!.text).not.toBe(generatePiiCases(8)[0]!.text);
  });

  it('labels spans that hold exactly the planted value', () => {
    for (const c of generatePiiCases(3)) for (const e of c.entities) expect(c.text.slice(e.start, e.end)).toBe(e.value);
  });
});

describe('Luhn check', () => {
  it('accepts test card numbers and the textbook example', () => {
    for (const n of ['4111111111111111', '378282246310005', '6011111111111117', '5555555555554444', '79927398713']) {
      expect(isLuhnValid(n)).toBe(true);
    }
  });

  it('rejects a changed digit, an empty string and non-digits', () => {
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('4111-1111-1111-1111')).toBe(false);
  });
});

describe('IBAN check', () => {
  it('accepts published example IBANs', () => {
    for (const iban of ['GB82WEST12345698765432', 'DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'BE68539007547034']) {
      expect(isValidIban(iban)).toBe(true);
    }
  });

  it('rejects a wrong check digit, a wrong length for the country and an unknown country', () => {
    expect(isValidIban('GB82WEST12345698765433')).toBe(false);
    expect(isValidIban('GB82WEST1234569876543')).toBe(false);
    expect(isValidIban('ZZ82WEST12345698765432')).toBe(false);
  });
});

describe('redact', () => {
  const r = (text: string): string => redact(redactor, text).text;

  it('returns text without digits, @ or links unchanged and counts nothing', () => {
    expect(redact(redactor, 'The app is slow and support never answers.')).toEqual({ text: 'The app is slow and support never answers.', counts: {} });
  });

  it('replaces each kind of personal data by its typed placeholder and counts it', () => {
    const out = redact(redactor, 'Mail a.b@c.com or call +44 20 7946 0958 or (415) 555-2671, card 4111 1111 1111 1111.');
    expect(out.text).toBe('Mail [EMAIL] or call [PHONE] or [PHONE], card [CARD].');
    expect(out.counts).toEqual({ EMAIL: 1, PHONE: 2, CARD: 1 });
  });

  it('reads the listed international phone formats as phones', () => {
    for (const p of ['+44 20 7946 0958', '(415) 555-2671', '415.555.2671', '+1-415-555-2671', '07700 900123', '+49 30 901820', '0033 1 42 68 53 00']) {
      expect(r(`call me on ${p} please`)).toBe('call me on [PHONE] please');
    }
  });

  it('keeps order numbers, durations, prices, dates, times and versions', () => {
    const text = 'order 123456 took 2 hours, $49.99 on March 3, 2024 at 10:30 after 2.3.1, order no. 4155552671';
    expect(r(text)).toBe(text);
  });

  it('does not take a 16-digit number that fails Luhn for a card', () => {
    expect(r('ref 4111 1111 1111 1112 please')).toBe('ref 4111 1111 1111 1112 please');
  });

  it('redacts an IBAN whole rather than reading its digits as a phone', () => {
    expect(r('IBAN GB82 WEST 1234 5698 7654 32 thanks')).toBe('IBAN [IBAN] thanks');
    expect(r('IBAN GB82 WEST 1234 5698 7654 33 thanks')).toBe('IBAN GB82 WEST 1234 5698 7654 33 thanks');
  });

  it('redacts SSNs but not the never-issued 000, 666 and 9xx areas', () => {
    expect(r('SSN 123-45-6789')).toBe('SSN [SSN]');
    for (const bad of ['000-12-3456', '666-12-3456', '912-34-5678']) expect(r(`form id ${bad}`)).toBe(`form id ${bad}`);
  });

  it('redacts street addresses with their unit but not look-alike phrases', () => {
    expect(r('ship to 45 Oak Ave, Apt 3 please')).toBe('ship to [ADDRESS] please');
    expect(r('I moved to 10 Downing St.')).toBe('I moved to [ADDRESS].');
    expect(r('I have 2 Google Drive accounts')).toBe('I have 2 Google Drive accounts');
  });

  it('redacts links that carry tokens and keeps plain links and their numbers', () => {
    expect(r('reset via https://acme.com/reset?token=abc123def456, ok?')).toBe('reset via [URL], ok?');
    expect(r('see https://acme.com/orders/4155552671 now')).toBe('see https://acme.com/orders/4155552671 now');
  });

  it('reads formats outside the seeded set: slashes, apostrophes, street type first', () => {
    expect(r('phone 415/555-2671')).toBe('phone [PHONE]');
    expect(r("mail o'brien@example.com")).toBe('mail [EMAIL]');
    expect(r('my address: 12 rue de la Paix')).toBe('my address: [ADDRESS]');
    expect(r('I sent it 2 via Email')).toBe('I sent it 2 via Email');
  });

  it('does not split a mistyped IBAN into a card or a phone', () => {
    expect(r('see DE93 5895 0166 7503 0038 40')).toBe('see DE93 5895 0166 7503 0038 40');
  });

  it('reads a number after a carrier name as tracking, not a phone', () => {
    expect(r('FedEx 0061 7304 3922 is stuck')).toBe('FedEx 0061 7304 3922 is stuck');
    expect(r('call 0061 7304 3922')).toBe('call [PHONE]');
  });

  it('handles a long list of numbers and still finds the phone in it', () => {
    const list = Array.from({ length: 2000 }, (_, i) => String(i % 97)).join(' ');
    expect(r(`${list}. call +44 20 7946 0958`)).toBe(`${list}. call [PHONE]`);
  });

  it('gives the same answer when the same redactor is used again', () => {
    const text = 'call 415-555-2671 or mail x@y.org';
    expect(redact(redactor, text)).toEqual(redact(redactor, text));
    expect(redact(createRedactor(), text)).toEqual(redact(redactor, text));
  });
});
