import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Owners } from '../src/core/routing/owner-resolver.js';
import { compileTaxonomy, matchThemes } from '../src/core/themes/matcher.js';
import type { Taxonomy } from '../src/core/themes/taxonomy.js';
import { loadComposedTaxonomy } from '../src/load/industry-packs.js';
import { loadOwners } from '../src/load/owners.js';
import { makeDoc } from './helpers/doc.js';

/**
 * The travel and banking industry packs (models/packs/) on top of the core taxonomy: the
 * complaints each pack is for fire its themes, and sentences from other industries, or the
 * same words in another sense, fire none. The packs are composed by the loader `--industry`
 * uses (src/load/industry-packs.ts), their owners added to the owners map.
 */
const models = join(import.meta.dirname, '..', 'models');
const read = (path: string): Record<string, unknown> =>
  yaml.load(readFileSync(join(models, path), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
type List = Record<string, unknown>[];

function composed(packs: readonly string[]): { taxonomy: Taxonomy; owners: Owners } {
  for (const name of packs) {
    const pack = read(join('packs', `${name}.yaml`));
    expect(pack.pack).toBe(name);
    // a pack may add context lists, never redefine one of the core's
    const core = read('taxonomy.yaml').contexts as Record<string, unknown>;
    for (const id of Object.keys((pack.contexts ?? {}) as Record<string, unknown>)) expect(core[id], `context @${id} of ${name}`).toBeUndefined();
  }
  const c = loadComposedTaxonomy({ industries: packs });
  return { taxonomy: c.taxonomy, owners: loadOwners(c) };
}

const { taxonomy, owners } = composed(['travel', 'banking']);
const matcher = compileTaxonomy(taxonomy);
const packThemes = new Set(['travel', 'banking'].flatMap((name) => (read(join('packs', `${name}.yaml`)).themes as List).map((t) => t.id as string)));
const themesOf = (text: string): string[] => [...new Set(matchThemes(matcher, makeDoc(text)).map((t) => t.themeId))].sort();
const packThemesOf = (text: string): string[] => themesOf(text).filter((id) => packThemes.has(id));

describe('travel and banking packs: composition', () => {
  it('compose with the core into one valid taxonomy, every id unique', () => {
    const ids = taxonomy.themes.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const familyIds = taxonomy.families.map((f) => f.id);
    expect(new Set(familyIds).size).toBe(familyIds.length);
    expect(packThemes.size).toBeGreaterThanOrEqual(40);
  });

  it('give every pack theme an owner among the pack teams', () => {
    const coreTeams = new Set((read('owners.yaml').teams as List).map((t) => t.id));
    for (const id of packThemes) {
      const team = owners.ownerOf(id);
      expect(team, id).toBeDefined();
      expect(coreTeams.has(team), `${id} owned by a core team`).toBe(false);
    }
    expect(owners.ownerOf('credit-report.identity-theft')).toBe('fraud');
    expect(owners.ownerOf('cabin.downgrade')).toBe('reservations');
    expect(owners.ownerOf('baggage.lost')).toBe('airport-services');
  });
});

describe('travel pack', () => {
  it.each([
    ['Our flight was delayed 4 hours with no explanation.', 'flight.delay'],
    ['We sat on the tarmac for two hours before takeoff.', 'flight.delay'],
    ['They cancelled our flight the night before we were due to fly.', 'flight.cancellation'],
    ['Because of the delay we missed our connecting flight in Frankfurt.', 'flight.missed-connection'],
    ['We were stranded at the airport overnight and they would not give us a hotel.', 'flight.stranded'],
    ['The airline changed our flight time twice without telling us.', 'flight.schedule-change'],
    ['The airline lost my luggage and nobody can tell me where it is.', 'baggage.lost'],
    // A post to the airline's handle names the airline and nothing else of the trip.
    ['@united lost my bag and nobody can tell me where it is', 'baggage.lost'],
    ['My suitcase arrived three days later on another flight.', 'baggage.delayed'],
    ['My suitcase came off the carousel with a broken handle and a ripped side.', 'baggage.damaged'],
    ['They charged me $65 for a checked bag at the airport.', 'baggage.fees'],
    ['There was no room in the overhead bins so they forced me to gate check my bag.', 'baggage.carry-on'],
    ['I paid for extra legroom on the flight and they moved me to a middle seat.', 'cabin.seat'],
    ['We paid for business class but were downgraded to economy at the gate.', 'cabin.downgrade'],
    ['The flight attendant was rude and yelled at my elderly mother.', 'cabin.crew'],
    ['The entertainment screen on the flight was broken and they ran out of food.', 'cabin.onboard-service'],
    ['They wanted $200 to change my flight to the next day.', 'booking.change'],
    ['After the cancellation they rebooked us on a flight two days later.', 'booking.rebooking'],
    ['The airline has no record of our booking even though we have the confirmation.', 'booking.ticket-problem'],
    ['Our flight was delayed 6 hours and they refused our compensation claim.', 'booking.compensation'],
    ['The check-in queue at the airport took an hour and a half.', 'airport.check-in'],
    ['We were bumped from an overbooked flight.', 'airport.denied-boarding'],
    ['The gate agent closed the gate early even though the plane was still there.', 'airport.boarding'],
    ['The wheelchair assistance I booked for the flight never showed up.', 'airport.assistance'],
    ['The miles from my last two flights were never credited to my account.', 'miles.not-credited'],
    ['There is never any award availability, my miles are useless.', 'miles.redemption'],
    ['As a gold member I was denied lounge access before my flight.', 'miles.status'],
    ['The hotel room was filthy and the air conditioning did not work.', 'hotel.room-condition'],
    ['The hotel gave away our room and moved us to another hotel.', 'hotel.reservation'],
    ['The hotel walls were so thin we could not sleep because of the noise.', 'hotel.noise'],
    ['We waited an hour to check in at the hotel and the room was not ready.', 'hotel.check-in'],
    ['The hotel charged a $40 resort fee per night that was never mentioned.', 'hotel.charges'],
    ['@AmericanAir been on the tarmac for an hour with no explanation', 'flight.delay'],
    ['@AmericanAir gate agent gave my seat away', 'airport.denied-boarding'],
    ['@AmericanAir they lost my wheelchair and nobody cares', 'airport.assistance'],
    ['@AmericanAir wifi on board did not work the whole flight', 'cabin.onboard-service'],
  ])('%s -> %s', (text, theme) => {
    expect(packThemesOf(text)).toContain(theme);
  });

  it('reads a delayed bag as the bag, not the flight, when the flight is only where it was', () => {
    expect(packThemesOf('@united my luggage is delayed, it did not arrive with my flight')).toEqual(['baggage.delayed']);
    expect(packThemesOf('@united flight delayed 2 hours and my bag is lost too')).toEqual(['baggage.lost', 'flight.delay']);
  });

  it.each([
    // no flight: a parcel, a person or a bus running late or early
    'The package arrived an hour early.',
    'I arrived an hour early.',
    'I lost my bag at the gym.',
    'I was late to work because the bus was delayed.',
    // an order, a dress and a dining room are no booking, luggage or hotel room
    'I ordered a dress and the order was cancelled.',
    'The dress has a lovely crew neck and plenty of room in the hips.',
    'The dining room was noisy and our table was not ready.',
    'I lost my bag of groceries on the way home.',
    'This suitcase-style handbag is roomy and the zipper is sturdy.',
    // words of the themes in other senses
    'That new phone is a real upgrade from my old one.',
    'The knit has missing points and holes in some places.',
    'Kanye won the video award on Sunday night.',
    'We got stranded at school for half an hour because the bus was late.',
    // a courier's gate, a wifi connection and a last resort are no airport, flight or hotel
    'The package arrived 3 hours late and was left at the gate.',
    'I had trouble connecting to the wifi and the engineer was delayed 2 hours.',
    'As a last resort I asked for my deposit back and it was not returned.',
    // the customer's own plans are not the airline's changes
    'I want to cancel my flight.',
  ])('%s -> no travel theme', (text) => {
    expect(packThemesOf(text)).toEqual([]);
  });
});

describe('banking pack', () => {
  it.each([
    ['My card was declined at the supermarket even though I have money in my account.', 'card.declined'],
    ['The bank blocked my card without any warning while I was abroad.', 'card.blocked'],
    ['I have been waiting three weeks for my replacement card.', 'card.replacement'],
    ['The ATM swallowed my card and did not give me any cash.', 'card.cash-machine'],
    ['My transfer has been pending for five days.', 'transfer.pending'],
    ['My wire transfer failed and the money has not come back.', 'transfer.failed'],
    ['I sent money to the wrong account by mistake and the bank will not help.', 'transfer.wrong-recipient'],
    ['Someone used my card to make purchases I did not authorize.', 'fraud.unauthorized-transaction'],
    ['The bank denied my dispute and sided with the merchant.', 'fraud.dispute'],
    ['I was scammed by someone pretending to be from my bank and lost $2,000.', 'fraud.scam'],
    ['My mortgage payments were misapplied to fees instead of principal.', 'lending.payment-handling'],
    ['The escrow shortage made my mortgage payment go up by $300.', 'lending.escrow'],
    ['They lost my loan modification paperwork for the third time.', 'lending.modification'],
    ['The servicer started foreclosure while my modification was under review.', 'lending.foreclosure'],
    ['My mortgage application was denied without any explanation.', 'lending.application'],
    ['My credit report shows a late payment that is not mine.', 'credit-report.wrong-information'],
    ['Someone opened three credit cards in my name, it is identity theft.', 'credit-report.identity-theft'],
    ['Equifax verified the account without any investigation after my dispute.', 'credit-report.bureau-dispute'],
    ['There is a hard inquiry on my credit report I never authorized.', 'credit-report.hard-inquiry'],
    ['My credit score dropped 80 points because of their reporting error.', 'credit-report.score-drop'],
    ['The debt collector keeps calling my work every day.', 'collections.harassment'],
    ['A collection agency is trying to collect a debt I already paid.', 'collections.not-owed'],
    ['The collector never sent validation of the debt when I asked.', 'collections.validation'],
    ['The debt collector threatened to sue me and garnish my wages.', 'collections.threats'],
    ['I was charged three overdraft fees in one day.', 'bank-fees.overdraft'],
    ['The bank keeps charging me a monthly maintenance fee on my checking account.', 'bank-fees.account-fees'],
    ['The bank closed my account without notice and kept my money.', 'bank-account.closed-by-bank'],
    ['I have been trying to open an account for weeks and my ID keeps getting rejected.', 'bank-account.opening'],
    ['The bank froze my funds and I cannot access my money.', 'bank-account.funds-held'],
  ])('%s -> %s', (text, theme) => {
    expect(packThemesOf(text)).toContain(theme);
  });

  it.each([
    // a bank's proper name is no verb, and a customer closing the account is not the bank closing it
    'I want to close my Chase account.',
    'Please close my account.',
    // a question is not a complaint
    'How do I keep my credit score from going down?',
    'Does my card charge a foreign transaction fee in Canada?',
    // other industries, other senses
    'The politician called it the biggest scam in history.',
    'He was arrested and sent to jail.',
    'The dress warrants the full price.',
    'This bra holds up well without wires.',
    'Check the label to see if the size was shipped by mistake.',
    'Frozen custard and cheese curds for dessert.',
    'My new favorite card from the gift shop!',
    'The restaurant sent the check to the wrong table.',
    // the customer asking to freeze a card is a request, not a block
    'Please freeze my card, I think I left it at the bar.',
    // a shop's checkout and account, in words banks use too: billing and account themes of the core
    'Payment failed again today, no reason given.',
    "I get a 'payment could not be processed' message every time.",
    'The duplicate payment was reversed the same day, which I appreciated.',
    "My name is spelt wrong on the account and there's no way to edit it.",
    'You rejected my claim for a refund.',
    'My account got locked after one wrong attempt.',
    "My account is blocked and I can't place any orders.",
  ])('%s -> no banking theme', (text) => {
    expect(packThemesOf(text)).toEqual([]);
  });
});
