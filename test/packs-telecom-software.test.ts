import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { compileTaxonomy, matchThemes } from '../src/core/themes/matcher.js';
import { loadComposedTaxonomy } from '../src/load/industry-packs.js';
import { loadOwners } from '../src/load/owners.js';
import { makeDoc } from './helpers/doc.js';

// The industry packs' content on top of the core, composed by the loader `--industry` uses.
const models = join(import.meta.dirname, '..', 'models');

interface Pack {
  pack: string;
  version: number;
  families: { id: string }[];
  themes: { id: string; parent: string }[];
  owners: { teams: { id: string }[] };
}

function compose(names: readonly string[]) {
  const composed = loadComposedTaxonomy({ industries: names });
  // The pack files as written, for what each declares.
  const packs = names.map((n) => yaml.load(readFileSync(join(models, 'packs', `${n}.yaml`), 'utf8')) as Pack);
  return { taxonomy: composed.taxonomy, packs, owners: loadOwners(composed), matcher: compileTaxonomy(composed.taxonomy) };
}

const both = compose(['telecom', 'software']);
const packThemes = new Set(both.packs.flatMap((p) => p.themes.map((t) => t.id)));
/** The pack themes a sentence gets (the core's are not under test here). */
const packThemesOf = (text: string): string[] =>
  [...new Set(matchThemes(both.matcher, makeDoc(text)).map((t) => t.themeId))].filter((id) => packThemes.has(id)).sort();

describe('the telecom and software packs', () => {
  it('compose with the core into a valid taxonomy whose every pack theme is owned by a team of its own pack', () => {
    for (const p of both.packs) {
      expect(p.pack).toMatch(/^(telecom|software)$/);
      expect(p.version).toBeGreaterThanOrEqual(1);
      const teams = new Set(p.owners.teams.map((t) => t.id));
      const families = new Set(p.families.map((f) => f.id));
      for (const t of p.themes) {
        expect(families.has(t.parent), `${t.id}'s parent is a family of its pack`).toBe(true);
        expect(t.id.startsWith(`${t.parent}.`), `${t.id} is FAMILY.slug`).toBe(true);
        expect(teams.has(both.owners.ownerOf(t.id) ?? ''), `${t.id} is owned by a ${p.pack} team`).toBe(true);
      }
    }
    // Each pack also composes alone: neither leans on the other's context lists.
    expect(() => compose(['telecom'])).not.toThrow();
    expect(() => compose(['software'])).not.toThrow();
  });

  const fires: [string, string][] = [
    ['network.no-coverage', 'There is no signal at all in my house, I have to stand in the garden to make a call.'],
    ['network.no-coverage', 'Coverage on this network is terrible, one bar at best even in the city centre.'],
    ['network.dropped-calls', 'My calls keep dropping every time I drive to work.'],
    ['network.dropped-calls', 'Calls go straight to voicemail and people say my phone never rings.'],
    ['network.outage', 'Our broadband has been down since Friday and nobody can tell us when it will be back.'],
    ['network.outage', 'Another outage in my area, third time this month the internet went out.'],
    ['network.outage', "There's a fault on the line and they say it will take 10 days to fix."],
    ['network.dropped-calls', 'People cannot hear me on calls, it keeps breaking up.'],
    ['network.slow-speed', 'Paying for superfast fibre but only getting 10 Mbps.'],
    ['installation.equipment-fault', 'Router has been flashing red for days.'],
    ['contract.number-porting', 'My number was ported to another carrier without my permission.'],
    ['reliability.sync', "Edits I make on desktop don't show up on mobile."],
    ['integration.api', 'Our webhooks stopped firing on Tuesday.'],
    ['licensing.plan-limits', 'To get SSO we have to move to the enterprise tier.'],
    ['licensing.plan-limits', 'The free tier only allows 3 projects.'],
    ['licensing.seats-and-licences', "Why can't I transfer my license to my new computer?"],
    ['reliability.downtime', 'Microsoft Teams is down for everyone in our office.'],
    ['reliability.data-loss', 'Migrating from the old version wiped half our records.'],
    ['feature.removed', 'They took away the ability to download videos offline.'],
    ['contract.data-allowance', 'My hotspot is capped at 5GB which is useless.'],
    ['installation.equipment-fault', 'The cable box keeps freezing and rebooting.'],
    ['network.outage', 'My wifi is not working again.'],
    ['network.unstable-connection', "Can't get online, the internet keeps going off."],
    ['integration.import-export', "The app won't let me export anything."],
    ['reliability.update-broke', 'This update is garbage.'],
    ['reliability.downtime', 'Their customer portal has been down since Monday.'],
    ['network.slow-speed', "I'm paying for 500 Mbps fibre and getting 40, the broadband is painfully slow."],
    ['network.slow-speed', 'Mobile data is so slow that nothing loads on 4G.'],
    ['network.unstable-connection', 'The wifi keeps disconnecting every few minutes.'],
    ['network.unstable-connection', 'My internet connection is so unreliable, it cuts in and out all evening.'],
    ['installation.missed-appointment', 'The engineer never showed up and I took a day off work for nothing.'],
    ['installation.missed-appointment', 'They cancelled my installation appointment the night before, again.'],
    ['installation.install-delay', 'Six weeks later still no broadband, the installation date keeps getting pushed back.'],
    ['installation.install-delay', 'Been waiting 3 weeks for them to connect my fibre.'],
    ['installation.repeat-visit', 'Three engineer visits and the line fault is still not fixed.'],
    ['installation.equipment-fault', 'The router keeps restarting itself and I lose internet every time.'],
    ['installation.equipment-fault', 'I have to reset the router every day to get it working.'],
    ['installation.sim-activation', 'My new SIM still is not activated after three days, so I have no service.'],
    ['contract.early-termination', 'They want a £250 early termination fee because I have 8 months left on my contract.'],
    ['contract.early-termination', 'I am stuck in a contract with a provider that cannot give me a signal.'],
    ['contract.mis-sold', 'I was mis-sold this package, the speeds are nothing like what the salesman promised.'],
    ['contract.mis-sold', "I was told I'd get £100 cashback and it never came."],
    ['contract.roaming', 'I came back from Spain to a huge roaming bill even though roaming was supposed to be included.'],
    ['contract.number-porting', 'My number still has not been ported over after ten days.'],
    ['contract.number-porting', 'The PAC code they gave me was invalid.'],
    ['contract.data-allowance', 'My unlimited data plan gets throttled after 20GB, that is not unlimited.'],
    ['contract.data-allowance', 'I keep running out of data halfway through the month.'],
    ['reliability.bug', 'The app is so buggy, half the buttons do nothing.'],
    ['reliability.bug', 'I keep getting an error message whenever I try to upload a file.'],
    ['reliability.data-loss', 'The app lost all my notes after I logged back in.'],
    ['reliability.data-loss', 'My edits were not saved and two hours of work are gone.'],
    ['reliability.sync', 'My calendar does not sync between my phone and my laptop anymore.'],
    ['reliability.update-broke', 'Since the last update the app will not open on my iPhone.'],
    ['reliability.update-broke', 'The new update broke the export feature, please roll it back.'],
    ['reliability.downtime', 'The servers were down for hours during our busiest day.'],
    ['reliability.downtime', 'Yet another outage of the platform, the status page said everything was fine.'],
    ['integration.third-party', 'The Salesforce integration stopped working after your last release.'],
    ['integration.third-party', 'It does not integrate with Outlook, which is a deal breaker for us.'],
    ['integration.api', 'The API keeps returning timeout errors and the webhooks are not firing.'],
    ['integration.api', 'We hit the rate limit constantly with only a few users.'],
    ['integration.import-export', 'There is no way to export my data to a CSV file.'],
    ['integration.import-export', 'The import failed halfway and corrupted the spreadsheet.'],
    ['licensing.plan-limits', 'Basic features are only available on the premium plan now.'],
    ['licensing.plan-limits', 'The free version is so limited, they are forcing everyone to upgrade.'],
    ['licensing.seats-and-licences', 'My licence key is invalid after I reinstalled the software.'],
    ['licensing.seats-and-licences', 'We pay for unused seats because the plan has a minimum of 10 users.'],
    ['feature.missing', 'The app still has no dark mode, and it lacks basic features like search.'],
    ['feature.removed', 'They removed the offline mode from the app, bring back the old version.'],
    ['feature.removed', 'The new interface is worse than the old one, I hate the new design of the app.'],
    ['onboarding.documentation', 'The documentation is outdated and the API docs are missing half the endpoints.'],
    ['onboarding.setup', 'Setup was a nightmare and the software has a steep learning curve.'],
  ];
  it.each(fires)('%s: "%s"', (theme, text) => {
    expect(packThemesOf(text)).toContain(theme);
  });

  // Where the pack's words mean something else: a garment's coverage, a hotel's reception, a
  // bank card, an insect, a driving licence, an assistant's voice speed, a shopping list.
  const silent: string[] = [
    'My Chase account was charged twice.',
    'The delivery arrived an hour early.',
    'This top gives great coverage and the lining is soft.',
    'My insurance has no coverage for dental work.',
    'The hotel reception was rude and the wifi in the room did not work.',
    'My debit card stopped working at the till.',
    'Still waiting on my replacement debit card to arrive.',
    'Close and delete my account, I am done with you.',
    'I got bitten by a bug in the garden and the itching is awful.',
    'I had a stomach bug all week.',
    "My driver's license expired last week.",
    'Can you make your talking speed a little slower?',
    'Please add eggs and butter to the shopping list.',
    'The dancers were out of sync with the music.',
    'There was a line out the door and the service was slow.',
    'I need some downtime this weekend.',
    'Exports fell by 3% this quarter.',
    'There are no hooks on this wrap, so no way to fasten it.',
    'Wish there was a petite option for this skirt.',
    'The hotel cancellation fee was outrageous.',
    'My husband and I loved the food, the hubs had seconds.',
    "This year's new version of the jacket feels stiff.",
    'Nothing worth watching, no TV shows I like on tonight.',
    'Fire updates: a major blaze breaks out near the old town.',
    'The island was unable to import fertiliser because of the embargo.',
    'Our server sat down with us and explained the menu.',
    'We had to pay to break the lease agreement on our flat.',
    'I had to upgrade to a large because the neck was too tight.',
    'She still memorised 16 bars of the song.',
    'Call a taxi for four people from this bar to the station.',
    'The tour guide was awful and the manual for the camera is useless.',
    'I reported the issue to customer service twice.',
    'Add the new Adele single to my road trip playlist please.',
    "I'm still waiting for my new card to be activated.",
    // a parcel's number, and the number that receives log-in codes: no port
    "The tracking number doesn't work, it says not found.",
    "I lost access to my old number so I can't receive the one-time code.",
  ];
  it.each(silent)('no pack theme: "%s"', (text) => {
    expect(packThemesOf(text)).toEqual([]);
  });

  it('tells installing software (onboarding) from installing a line (field services)', () => {
    expect(packThemesOf('Installing the software took me two days.')).toEqual(['onboarding.setup']);
    expect(packThemesOf('The broadband installation took six weeks.')).toEqual(['installation.install-delay']);
  });
});
