import { describe, expect, it } from 'vitest';
import { familyVocabularies, suggestFromUnits, type DiscoveryUnit, type SuggestOptions } from '../src/core/discovery/index.js';
import { parseTaxonomy } from '../src/core/themes/taxonomy.js';
import { loadOwners } from '../src/load/owners.js';
import { makeDoc } from './helpers/doc.js';

const taxonomy = parseTaxonomy(`version: 1
families:
  - { id: account, name: Account access, description: Sign-in. }
themes:
  - id: account.password-reset
    name: Password reset
    parent: account
    description: Password reset links and emails.
    phrases: [reset password]
`);
const options: SuggestOptions = {
  minSize: 6,
  existingIds: new Set([...taxonomy.themes.map((t) => t.id), ...taxonomy.families.map((f) => f.id)]),
  families: familyVocabularies(taxonomy, loadOwners({ taxonomy, owners: [] }, { taxonomyGiven: true }).familyOwner),
};

type Sentiment = DiscoveryUnit['sentiment'];
function unitsOf(groups: Array<Array<[string, Sentiment]>>): DiscoveryUnit[] {
  return groups.flat().map(([text, sentiment], i) => ({
    verbatimId: `v${String(i).padStart(3, '0')}`,
    sentence: 0,
    text,
    tokens: makeDoc(text).sentences.flatMap((s) => s.tokens),
    sentiment,
  }));
}

/** A friction: six complaints about one thing, so every corpus below has a group that must stay. */
const CODES: Array<[string, Sentiment]> = [
  'The verification code never arrives on my phone.',
  'My verification code never arrived, I tried five times.',
  'The verification code never arrives when I log in.',
  'Still no verification code, it never arrives.',
  'Verification code never arrived again this morning.',
  'The bank says the verification code was sent but it never arrives.',
].map((t) => [t, 'negative']);

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

const labelsOf = (units: readonly DiscoveryUnit[]) => suggestFromUnits(units, options).suggestions.map((s) => s.label);

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
    const labels = labelsOf(unitsOf([CODES, CONCERT, BACKGROUND]));
    expect(labels.some((l) => l.includes('code'))).toBe(true);
    expect(labels.some((l) => l.includes('concert'))).toBe(false);
  });
});
