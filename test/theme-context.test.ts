import { describe, expect, it } from 'vitest';
import { compileTaxonomy, matchThemes, type ThemeMatcher } from '../src/core/themes/matcher.js';
import { parseTaxonomy, TaxonomyError } from '../src/core/themes/taxonomy.js';
import { loadComposedTaxonomy } from '../src/load/industry-packs.js';
import { makeDoc } from './helpers/doc.js';

const themesOf = (m: ThemeMatcher, text: string): string[] => [...new Set(matchThemes(m, makeDoc(text)).map((t) => t.themeId))].sort();

/** A one-family taxonomy around the rules under test, so each test reads on its own. */
function tiny(themes: string, contexts = ''): ThemeMatcher {
  return compileTaxonomy(
    parseTaxonomy(`version: 1
${contexts}
families:
  - { id: f, name: F, owner: o }
themes:
${themes}`),
  );
}

describe('pattern context rules', () => {
  it('a pattern with `requires` fires only when the sentence also holds one of its context phrases', () => {
    const m = tiny(`  - id: f.lost
    name: Lost
    parent: f
    owner: o
    description: d
    phrases:
      - { match: never received, requires: [parcel, order/NOUN, in the post] }`);
    expect(themesOf(m, 'I never received the parcel you sent.')).toEqual(['f.lost']);
    expect(themesOf(m, 'My order was never received.')).toEqual(['f.lost']);
    // "order" as a verb is no order: the context word names its part of speech.
    expect(themesOf(m, 'I never received an answer, so I will order elsewhere.')).toEqual([]);
    expect(themesOf(m, 'It was never received, not even in the post.')).toEqual(['f.lost']);
    expect(themesOf(m, 'I never received the letter about my pension.')).toEqual([]);
  });

  it('a pattern with `unless` is vetoed by any of its context phrases', () => {
    const m = tiny(`  - id: f.defect
    name: Defect
    parent: f
    owner: o
    description: d
    phrases:
      - { match: not work, unless: [for me, transfer] }`);
    expect(themesOf(m, 'The blender does not work at all.')).toEqual(['f.defect']);
    expect(themesOf(m, 'The colour just does not work for me.')).toEqual([]);
    expect(themesOf(m, 'My transfer did not work this morning.')).toEqual([]);
  });

  it('a theme-level `requires` applies to every pattern of the theme, lemmas and co-occurrences included', () => {
    const m = tiny(`  - id: f.wait
    name: Wait
    parent: f
    owner: o
    description: d
    requires: [agent, on hold, call]
    lemmas: [queue]
    all:
      - [[wait, waited], [hour, hours]]`);
    expect(themesOf(m, 'I waited two hours before an agent picked up.')).toEqual(['f.wait']);
    expect(themesOf(m, 'We waited two hours for a table by the window.')).toEqual([]);
    expect(themesOf(m, 'There was a queue on the call as usual.')).toEqual(['f.wait']);
    expect(themesOf(m, 'The queue outside the bakery was huge.')).toEqual([]);
  });

  it('named context lists are shared by reference ("@name") and may name other lists', () => {
    const m = tiny(
      `  - id: f.staff
    name: Staff
    parent: f
    owner: o
    description: d
    requires: ["@people"]
    lemmas: [rude]`,
      `contexts:
  staff: [cashier, waiter]
  people: ["@staff", agent]`,
    );
    expect(themesOf(m, 'The cashier was rude to my mother.')).toEqual(['f.staff']);
    expect(themesOf(m, 'The agent was rude and impatient.')).toEqual(['f.staff']);
    expect(themesOf(m, 'That tweet was rude.')).toEqual([]);
  });

  it('an unknown context name is an error that names where it is used', () => {
    const bad = `version: 1
families:
  - { id: f, name: F, owner: o }
themes:
  - { id: f.t, name: T, parent: f, owner: o, description: d, lemmas: [x], requires: ["@nowhere"] }`;
    expect(() => parseTaxonomy(bad)).toThrow(TaxonomyError);
    expect(() => parseTaxonomy(bad)).toThrow(/themes\[0\]\.requires: unknown context "@nowhere"/);
  });

  it('a "^" context phrase must open the sentence: a question about a fee is not a complaint about one', () => {
    const m = tiny(`  - id: f.fees
    name: Fees
    parent: f
    owner: o
    description: d
    exclude: ["^is|are there", "^do|will i"]
    phrases: [extra fee]`);
    expect(themesOf(m, 'Is there an extra fee for paying abroad?')).toEqual([]);
    expect(themesOf(m, 'Will I pay an extra fee at the airport?')).toEqual([]);
    expect(themesOf(m, 'Why is there an extra fee on my bill?')).toEqual(['f.fees']);
    expect(themesOf(m, 'I was hit with an extra fee again.')).toEqual(['f.fees']);
  });
});

describe('parts of speech on pattern words', () => {
  const chase = tiny(`  - id: f.repeat
    name: Repeat
    parent: f
    owner: o
    description: d
    lemmas: [chase|chasing|chased/VERB]`);

  it('a word marked /VERB matches the verb and not the same word used as a name or a modifier', () => {
    expect(themesOf(chase, 'I had to chase them for a week.')).toEqual(['f.repeat']);
    expect(themesOf(chase, 'I keep chasing the same invoice.')).toEqual(['f.repeat']);
    expect(themesOf(chase, 'What is the balance of my chase account?')).toEqual([]);
  });

  it('a proper noun is never a verb: a capitalised name mid-sentence does not match a /VERB word', () => {
    expect(themesOf(chase, 'We moved our savings to Chase last spring.')).toEqual([]);
    expect(themesOf(chase, 'My brother works at JPMorgan Chase in the city.')).toEqual([]);
  });

  it('/NOUN and /ADJ pick the sense by part of speech ("my order" against "order online"; "not clear" against a payment that did not clear)', () => {
    const m = tiny(`  - id: f.mixed
    name: Mixed
    parent: f
    owner: o
    description: d
    phrases:
      - late order/NOUN
      - not clear/ADJ`);
    expect(themesOf(m, 'Another late order from this shop.')).toEqual(['f.mixed']);
    expect(themesOf(m, "Don't order late at night.")).toEqual([]);
    expect(themesOf(m, 'The terms are not clear at all.')).toEqual(['f.mixed']);
  });
});

describe('the default taxonomy out of the domain it was written for', () => {
  const m = compileTaxonomy(loadComposedTaxonomy().taxonomy);

  it('reads a bank called Chase as a bank, and chasing as repeat contact', () => {
    expect(themesOf(m, 'I opened a savings account with Chase yesterday.')).not.toContain('support.repeat-contact');
    expect(themesOf(m, 'can you check my chase checking balance')).not.toContain('support.repeat-contact');
    expect(themesOf(m, 'I have had to chase you on the phone three times.')).toContain('support.repeat-contact');
  });

  it('counts "never received" as a lost package only when a parcel or order is meant', () => {
    expect(themesOf(m, 'I never received the letter confirming my appointment.')).not.toContain('delivery.lost-package');
    expect(themesOf(m, 'I never received the package I paid for.')).toContain('delivery.lost-package');
  });

  it('does not read a flight arriving early as a delivery, on time or late', () => {
    expect(themesOf(m, 'Our flight arrived an hour early.')).not.toContain('delivery.late');
    expect(themesOf(m, 'The parcel arrived a day early, brilliant.')).toContain('delivery.late');
  });

  it('does not take "still" about a credit report for a refund that is late', () => {
    expect(themesOf(m, 'My credit report is still wrong after the dispute.')).not.toContain('cancellation.refund-delay');
    expect(themesOf(m, 'Three weeks on and the refund is still not in my account.')).toContain('cancellation.refund-delay');
  });

  it('does not blame agent knowledge on a voice assistant that does not understand', () => {
    expect(themesOf(m, "The voice assistant doesn't understand what I say.")).not.toContain('support.agent-knowledge');
    expect(themesOf(m, "The agent on the phone didn't understand my question.")).toContain('support.agent-knowledge');
  });

  it('tells a request to freeze a card from an account that is locked', () => {
    expect(themesOf(m, 'Please freeze my card, I lost it on the train.')).not.toContain('account.locked');
    expect(themesOf(m, 'Why is my account frozen? I did nothing wrong.')).toContain('account.locked');
  });

  it('does not read "check it out" or "not working" about a person as an app or product fault', () => {
    expect(themesOf(m, 'New menu at the cafe, go check it out!')).not.toContain('app.checkout-error');
    expect(themesOf(m, "I'm not working tomorrow, so call me then.")).not.toContain('product.defect');
    expect(themesOf(m, 'The charger stopped working after a week.')).toContain('product.defect');
  });
});
