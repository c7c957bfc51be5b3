import { describe, expect, it } from 'vitest';
import {
  describeUnit,
  familyVocabularies,
  NameTally,
  suggestFromUnits,
  suggestThemes,
  uncoveredUnits,
  type DiscoveryUnit,
  type SuggestOptions,
} from '../src/core/discovery/index.js';
import { parseTaxonomy } from '../src/core/themes/taxonomy.js';
import { makeDoc } from './helpers/doc.js';
import { loadOwners } from '../src/load/owners.js';

const TAXONOMY = `version: 1
families:
  - { id: account, name: Account access, description: Sign-in. }
  - { id: product, name: Product, description: What was bought and how good it is. }
themes:
  - id: account.password-reset
    name: Password reset
    parent: account
    description: Password reset links and emails.
    phrases: [reset password]
`;
const taxonomy = parseTaxonomy(TAXONOMY);

/** Complaints about two frictions; the brand "Zenbank" runs through both. */
const CODES = [
  'The Zenbank verification code never arrives on my phone.',
  'My verification code never arrived, I tried five times.',
  'The verification code never arrives when I log in to Zenbank.',
  'Still no verification code, it never arrives.',
  'Verification code never arrived again this morning.',
  'The verification code arrives after it has already expired.',
  'Zenbank says the verification code was sent but it never arrives.',
];
const LEAKS = [
  'The Zenbank kettle leaks water all over the counter.',
  'My kettle leaks water from the bottom.',
  'Water leaks out of the kettle every time I boil it.',
  'The new kettle leaks water, the seal is faulty.',
  'Kettle leaks water everywhere and Zenbank will not replace it.',
  'The kettle leaks water onto the worktop.',
  'Our kettle leaks water after a week of use.',
];
/** Complaints that share nothing but the brand. */
const BRAND_ONLY = [
  'Zenbank lost my trust completely.',
  'I regret ever choosing Zenbank.',
  'The staff at Zenbank ignored me at the branch.',
  'Honestly Zenbank is a joke.',
  'Nobody at Zenbank answers letters.',
  'Zenbank charged me an absurd fee.',
  'Zenbank closed my favourite branch.',
];

type Sentiment = DiscoveryUnit['sentiment'];

/** Units of the sentences in order, ids v000, v001...; each sentence complains unless given its own tone. */
function unitsOf(groups: Array<Array<string | [string, Sentiment]>>): DiscoveryUnit[] {
  return groups.flat().map((entry, i) => {
    const [text, sentiment] = typeof entry === 'string' ? [entry, 'negative' as const] : entry;
    return { verbatimId: `v${String(i).padStart(3, '0')}`, sentence: 0, text, tokens: makeDoc(text).sentences.flatMap((s) => s.tokens), sentiment };
  });
}

const options: SuggestOptions = {
  minSize: 5,
  existingIds: new Set([...taxonomy.themes.map((t) => t.id), ...taxonomy.families.map((f) => f.id)]),
  families: familyVocabularies(taxonomy, loadOwners({ taxonomy, owners: [] }, { taxonomyGiven: true }).familyOwner),
};
const units = unitsOf([CODES, LEAKS, BRAND_ONLY]);
const ids = (group: string[], offset: number): string[] => group.map((_, i) => `v${String(offset + i).padStart(3, '0')}`);

describe('theme discovery', () => {
  it('groups sentences by what they complain about, with a label from their top phrases and up to 5 quotes', () => {
    const { suggestions } = suggestFromUnits(units, options);
    expect(suggestions.map((s) => s.members)).toEqual(expect.arrayContaining([ids(CODES, 0), ids(LEAKS, CODES.length)]));
    const codes = suggestions.find((s) => s.members.includes('v000'))!;
    expect(codes.label).toContain('verification code');
    expect(codes.id).toBe('suggested.verification-code');
    // The only theme is about password resets: nothing near a verification code by content,
    // so the parent is a placeholder (the first family) and nobody's team is guessed.
    expect(codes.nearestTheme).toBeNull();
    expect(codes.parent).toBe('account');
    expect(codes.owner).toBe('unassigned');
    expect(codes.size).toBe(CODES.length);
    expect(codes.quotes.length).toBeGreaterThan(0);
    expect(codes.quotes.length).toBeLessThanOrEqual(5);
    expect(suggestions.find((s) => s.members.includes(`v${String(CODES.length).padStart(3, '0')}`))!.label).toMatch(/kettle|leak/);
  });

  it('gives the same groups, ids and quotes for the same sentences in any order', () => {
    const reference = suggestFromUnits(units, options);
    // Both planted groups at least, or the comparisons below would hold of nothing.
    expect(reference.suggestions.length).toBeGreaterThanOrEqual(2);
    let seed = 11;
    const shuffled = [...units];
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(suggestFromUnits(shuffled, options)).toEqual(reference);
    expect(suggestFromUnits([...units].reverse(), options)).toEqual(reference);
  });

  it('masks brand names, so complaints that share only the brand form no group', () => {
    const tally = new NameTally();
    for (const u of units) tally.add(u.text);
    const names = tally.names();
    expect(names.has('zenbank')).toBe(true);
    const masked = suggestThemes(
      units.map((u) => describeUnit(u, names)),
      options,
    );
    // The real complaints still group (so `every` below is not vacuously true).
    expect(masked.suggestions.length).toBeGreaterThan(0);
    const brandIds = new Set(ids(BRAND_ONLY, CODES.length + LEAKS.length));
    expect(masked.suggestions.every((s) => s.members.filter((m) => brandIds.has(m)).length < 2)).toBe(true);
    expect(masked.suggestions.flatMap((s) => s.phrases.map((p) => p.phrase)).some((p) => p.includes('zenbank'))).toBe(false);
    // The contrast: without masking, the brand alone pulls its sentences together.
    const unmasked = suggestThemes(
      units.map((u) => describeUnit(u, new Set())),
      options,
    );
    expect(unmasked.suggestions.some((s) => s.members.filter((m) => brandIds.has(m)).length >= 5)).toBe(true);
  });

  it('masks numbers, links, handles and ids as well as names given by the user', () => {
    const unit = unitsOf([['@zen_help your app at zenbank.com/help rejects card 4455 and ref A12B9 from Acme again']])[0]!;
    // "acme" is an English word: only as a name the user gives is it masked.
    const described = describeUnit(unit, new Set(), { maskWords: ['Acme'] });
    expect(described.terms).not.toBeNull();
    expect(described.terms!.join(' ')).not.toMatch(/zen|4455|a12b9|acme|help\b|com\b/);
    expect(described.terms).toContain('reject');
  });

  it('never gives a suggestion an id the taxonomy already has, nor two suggestions the same id', () => {
    const taken = new Set([...options.existingIds, 'suggested.verification-code', 'suggested.verification-code-2']);
    const twice = unitsOf([CODES, CODES.map((t) => t.replace('verification code', 'verification code sadly'))]);
    const { suggestions } = suggestFromUnits(twice, { ...options, existingIds: taken });
    const suggested = suggestions.map((s) => s.id);
    expect(suggested.length).toBeGreaterThan(0);
    expect(new Set(suggested).size).toBe(suggested.length);
    for (const id of suggested) expect(taken.has(id)).toBe(false);
    expect(suggested).toContain('suggested.verification-code-3');
  });

  it('writes entries that paste under themes: and load, next to the existing ids unchanged', () => {
    const { suggestions } = suggestFromUnits(units, options);
    const extended = parseTaxonomy(`${TAXONOMY.trimEnd()}\n${suggestions.map((s) => s.yaml).join('\n')}\n`);
    expect(extended.themes[0]!.id).toBe('account.password-reset');
    expect(extended.themes.slice(1).map((t) => t.id)).toEqual(suggestions.map((s) => s.id));
    expect(extended.themes[1]!.phrases.length + extended.themes[1]!.lemmas.length).toBeGreaterThan(0);
  });

  it('takes the sentences no theme covered, or only a catch-all did, and skips the covered ones', () => {
    const text = 'The code never came. I love the colour. My kettle leaks.';
    const sentence = (part: string, label: 'negative' | 'positive', themes: string[]) => ({
      span: { start: text.indexOf(part), end: text.indexOf(part) + part.length },
      sentiment: { score: label === 'negative' ? -0.3 : 0.6, label },
      themes,
    });
    const analysis = {
      verbatimId: 'v1',
      text,
      sentences: [
        sentence('The code never came.', 'negative', ['general.other']),
        sentence('I love the colour.', 'positive', ['product.quality']),
        sentence('My kettle leaks.', 'negative', []),
      ],
    };
    const found = uncoveredUnits(analysis, makeDoc, (id) => id === 'general.other');
    expect(found.map((u) => u.text)).toEqual(['The code never came.', 'My kettle leaks.']);
    expect(found.map((u) => u.sentence)).toEqual([0, 2]);
  });
});

/**
 * Unrelated everyday remarks that form no group: they set the corpus's share of complaints low,
 * as in real feedback, so that a group's words are not filler merely for being in a tiny corpus.
 */
const BACKGROUND: Array<[string, Sentiment]> = [
  'The garden looks lovely in spring.',
  'My cat sleeps on the windowsill.',
  'We painted the kitchen yellow.',
  'Grandma baked bread on Sunday.',
  'The river froze over last winter.',
  'Our neighbour plays the violin.',
  'I am learning to knit scarves.',
  'The library opens early on weekdays.',
  'He planted tomatoes along the fence.',
  'The bus route changed this month.',
  'She collects old postcards.',
  'The bakery sells fresh croissants.',
  'We hiked up the hill at dawn.',
  'The puppy chased a butterfly.',
  'My brother repairs bicycles.',
  'The museum added a dinosaur wing.',
  'They adopted two goldfish.',
  'The orchestra tuned their instruments.',
  'I borrowed a ladder from a friend.',
  'The lighthouse blinks all night.',
  'Rain filled the empty bucket.',
  'The chef chopped fresh basil.',
].map((t) => [t, 'neutral']);

describe('theme discovery keeps to friction', () => {
  it('suggests no group of chatter that has fewer complaining verbatims than the smallest group size', () => {
    // Ten posts about a concert; three of them sour. Ten verbatims, a complaint share of 0.3:
    // big enough by verbatims, but three complaints are no friction to suggest.
    const CONCERT: Array<[string, Sentiment]> = [
      ['Going to the concert tonight with my sister.', 'neutral'],
      ['The concert tonight starts at eight.', 'neutral'],
      ['Concert tonight, so excited!', 'positive'],
      ['Who else is at the concert tonight?', 'neutral'],
      ['Wearing my new jacket to the concert tonight.', 'neutral'],
      ['Concert tonight then pizza.', 'neutral'],
      ['That concert tonight was amazing.', 'positive'],
      ['Sad I missed the concert tonight.', 'negative'],
      ['The concert tonight was too loud for me.', 'negative'],
      ['Stuck in traffic on the way to the concert tonight.', 'negative'],
    ];
    const labels = suggestFromUnits(unitsOf([CODES, CONCERT, BACKGROUND]), { ...options, minSize: 6 }).suggestions.map((s) => s.label);
    expect(labels.some((l) => l.includes('code'))).toBe(true);
    expect(labels.some((l) => l.includes('concert'))).toBe(false);
  });
});
