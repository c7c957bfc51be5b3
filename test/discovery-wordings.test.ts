import { describe, expect, it } from 'vitest';
import { describeUnit, familyVocabularies, NameTally, suggestFromUnits, type DiscoveryUnit } from '../src/core/discovery/index.js';
import { guessParent } from '../src/core/discovery/parent.js';
import { canonicalTerms, variantClasses } from '../src/core/discovery/variants.js';
import { decodeHtmlEntities } from '../src/core/text/html-entities.js';
import { parseTaxonomy } from '../src/core/themes/taxonomy.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { loadOwners } from '../src/load/owners.js';
import { analyzeVerbatim } from '../src/core/analyze.js';
import { makeDoc } from './helpers/doc.js';

const unit = (text: string, i: number, sentiment: 'negative' | 'neutral' | 'positive' = 'negative'): DiscoveryUnit => ({
  verbatimId: `v${String(i).padStart(4, '0')}`,
  sentence: 0,
  text,
  tokens: makeDoc(text).sentences.flatMap((s) => s.tokens),
  sentiment,
});

describe('HTML character references', () => {
  it('decodes named, decimal, hex and twice-encoded references, and leaves unknown ones', () => {
    expect(decodeHtmlEntities('Delays &amp; lost bags, &quot;sorry&quot; isn&#39;t enough &#x2014; &amp;amp; &bogus; &#0;')).toBe(
      'Delays & lost bags, "sorry" isn\'t enough — & &bogus; &#0;',
    );
    expect(decodeHtmlEntities('no references here')).toBe('no references here');
  });

  it('are decoded before analysis: the analysis text, offsets and terms never hold "amp"', async () => {
    const { analyzer } = await loadAnalyzer();
    const outcome = analyzeVerbatim(analyzer, { id: 'a', channel: 'other', text: 'Lost my bag &amp; nobody called back. Delays &amp; more delays.' }, 'run');
    if (outcome.kind !== 'analysis') throw new Error(outcome.kind);
    expect(outcome.analysis.text).toBe('Lost my bag & nobody called back. Delays & more delays.');
    for (const s of outcome.analysis.sentences) expect(outcome.analysis.text.slice(s.span.start, s.span.end)).not.toContain('amp');
  });
});

describe('masking names without hiding capitalised complaint words', () => {
  it('keeps title-case complaint words that are ordinary English, masks made-up names', () => {
    const texts = Array.from({ length: 6 }, (_, i) => `so my trip was a Cancelled Flight and then Lost Luggage, and Zorbair never helps us at all (${i})`);
    const tally = new NameTally();
    for (const t of texts) tally.add(t);
    const names = tally.names();
    // The tally sees every capitalised word as a name...
    expect(names.has('cancelled') || names.has('luggage')).toBe(true);
    const terms = describeUnit(unit(texts[0]!, 0), names).terms ?? [];
    // ...but only the one that is no English word is masked.
    expect(terms.join(' ')).not.toContain('zorbair');
    expect(terms.some((t) => t.includes('luggage'))).toBe(true);
    expect(terms.some((t) => /cancel/.test(t))).toBe(true);
  });
});

describe('variants of one word', () => {
  it('joins inflections and spellings, not words that only share a Porter stem', () => {
    const units = [['cancelled', 'flight'], ['canceled', 'flight'], ['cancel', 'flight'], ['bags', 'lost'], ['bag', 'lost'], ['community'], ['communication']];
    const { canonical } = variantClasses(units);
    expect(new Set(['cancelled', 'canceled', 'cancel'].map(canonical)).size).toBe(1);
    expect(canonical('bags')).toBe(canonical('bag'));
    expect(canonical('community')).not.toBe(canonical('communication'));
    expect(canonicalTerms(['bags lost', 'not bags', 'bag bags'], canonical)).toEqual([`${canonical('bag')} lost`, `not ${canonical('bag')}`]);
  });

  it('joins words used in the same contexts that never meet (luggage / baggage), not words that go together', () => {
    const contexts = ['lost', 'claim', 'arrive', 'find', 'delay', 'carousel', 'desk', 'report'];
    const units: string[][] = [];
    for (let i = 0; i < 40; i++) {
      const a = contexts[i % contexts.length]!;
      const b = contexts[(i * 3 + 1) % contexts.length]!;
      units.push(['luggage', a, b], ['baggage', a, b]);
      // Unrelated sentences, so the contexts are not every sentence's words.
      units.push([`seat${i % 5}`, 'legroom', 'recline'], ['meal', 'cold', `tray${i % 4}`]);
    }
    const { canonical } = variantClasses(units);
    expect(canonical('luggage')).toBe(canonical('baggage'));
    // "lost" goes with "luggage" in the same sentences: a companion, not a substitute.
    expect(canonical('lost')).not.toBe(canonical('luggage'));
    expect(canonical('meal')).not.toBe(canonical('luggage'));
  });
});

describe('one complaint in several wordings, and filler', () => {
  const TAXONOMY = parseTaxonomy(`version: 1
families:
  - { id: travel, name: Travel, description: Flights and journeys. }
  - { id: support, name: Customer support, description: Contact centre experience. }
themes:
  - id: travel.delay
    name: Flight delay
    parent: travel
    description: Flights leaving or arriving late.
    phrases: [flight delay]
  - id: support.wait-time
    name: Wait time
    parent: support
    description: Long waits on hold for an agent.
    phrases: [on hold]
`);
  const families = familyVocabularies(TAXONOMY, loadOwners({ taxonomy: TAXONOMY, owners: [] }, { taxonomyGiven: true }).familyOwner);
  const existingIds = new Set([...TAXONOMY.themes.map((t) => t.id), ...TAXONOMY.families.map((f) => f.id)]);
  const bags = [
    'lost my luggage',
    'lost my baggage',
    'my bags were lost',
    'they lost my bag',
    'luggage never arrived',
    'baggage never arrived',
    'bag never arrived',
  ];
  const places = ['in Denver', 'at the gate', 'on the way home', 'after the trip', 'last week', 'again', 'twice'];
  const filler = ['you guys are something', 'guys what is going on', 'hey guys look', 'guys seriously', 'guys you know'];
  const other = ['the meal was cold', 'the seat would not recline', 'the movie screen was broken', 'the crew was friendly', 'boarding was quick'];
  const texts: Array<{ text: string; sentiment: 'negative' | 'neutral' | 'positive' }> = [];
  for (let i = 0; i < 60; i++) {
    texts.push({ text: `${bags[i % bags.length]} ${places[(i * 3) % places.length]}`, sentiment: 'negative' });
    // Filler complains as often as the corpus does: half the time.
    texts.push({ text: `${filler[i % filler.length]} ${places[i % places.length]}`, sentiment: i % 2 ? 'negative' : 'neutral' });
    texts.push({ text: `${other[i % other.length]} ${places[(i * 5) % places.length]}`, sentiment: i % 2 ? 'positive' : 'neutral' });
  }
  const units = texts.map((t, i) => unit(t.text, i, t.sentiment));
  const result = suggestFromUnits(units, { existingIds, families, minSize: 10, maxSuggestions: Number.POSITIVE_INFINITY });

  it('comes back with lost bag / luggage / baggage as one group', () => {
    const bagIds = new Set(units.filter((u) => /lug|bag/.test(u.text)).map((u) => u.verbatimId));
    const own = result.suggestions.filter((s) => s.members.filter((m) => bagIds.has(m)).length >= 0.8 * s.members.length);
    expect(own).toHaveLength(1);
    expect(own[0]!.members.length).toBeGreaterThanOrEqual(0.8 * bagIds.size);
    // Its taxonomy entry matches every wording: the variants are written as alternatives.
    expect(own[0]!.yaml).toMatch(/luggage\|baggage|baggage\|luggage|bag\|luggage|luggage\|bag/);
  });

  it('suggests no group held together by filler ("guys")', () => {
    expect(result.suggestions.some((s) => /guy/.test(s.label))).toBe(false);
  });

  it('guesses parent and owner from the nearest theme by content, or says no theme is near', () => {
    const delay = guessParent([{ term: 'flight delay', count: 10, precision: 1, score: 5 }], families);
    expect(delay.nearest).toBe('travel.delay');
    expect(delay.family.id).toBe('travel');
    const hold = guessParent([{ term: 'hold agent', count: 10, precision: 1, score: 5 }], families);
    expect(hold.nearest).toBe('support.wait-time');
    expect(hold.family.owner).toBe(loadOwners({ taxonomy: TAXONOMY, owners: [] }, { taxonomyGiven: true }).familyOwner('support') ?? 'unassigned');
    const none = guessParent([{ term: 'kettle leak', count: 10, precision: 1, score: 5 }], families);
    expect(none.nearest).toBeNull();
    expect(none.family.owner).toBe('unassigned');
  });
});
