import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeVerbatim } from '../src/core/analyze.js';
import { InputError, UsageError } from '../src/errors/index.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { availablePacks, defaultPacksDir, loadComposedTaxonomy } from '../src/load/industry-packs.js';
import { loadOwners } from '../src/load/owners.js';
import { INDUSTRY_HELP } from '../src/cli/theme-info.js';
import { measureCoverage } from '../bench/coverage/measure.js';
import { resolveChoice } from '../bench/coverage/plan.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'packs');
const before = JSON.parse(readFileSync(join(fixtures, 'default-before-packs.json'), 'utf8')) as {
  contexts: string;
  families: Array<{ id: string; name: string; owner: string }>;
  themes: Array<{ id: string; name: string; parent: string; owner: string; definition: string }>;
};
const sha = (x: unknown): string => createHash('sha1').update(JSON.stringify(x)).digest('hex').slice(0, 16);

/** A packs folder of its own: the bundled retail pack, the gym fixture, and whatever a test writes. */
const dir = mkdtempSync(join(tmpdir(), 'frictionlens-packs-'));
copyFileSync(join(defaultPacksDir(), 'retail.yaml'), join(dir, 'retail.yaml'));
copyFileSync(join(fixtures, 'gym.yaml'), join(dir, 'gym.yaml'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const writePack = (name: string, text: string): string => {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, text);
  return path;
};
const pack = (name: string, body: string): string =>
  `pack: ${name}\nversion: 1\n${body}\nthemes:\n  - { id: ${name}x.one, name: One, parent: ${name}x, description: d, phrases: [one two] }\n`;

/** Core themes written after the split into core and packs. */
const ADDED_SINCE_PACKS = ['support.service-quality'];
/** Core context lists written since. */
const CONTEXTS_ADDED_SINCE = ['ripped-part'];
/** A theme as the fixture hashed it: `supersedes` came later, and empty it changes nothing. */
const asBefore = ({ supersedes, ...rest }: { supersedes: string[] }): unknown => (supersedes.length === 0 ? rest : { ...rest, supersedes });
/** Core themes whose patterns were changed since (precision on social posts): same id, name, family and owner. */
const CHANGED_SINCE_PACKS = [
  'communication.no-updates',
  'communication.unclear-policy',
  'communication.unwanted-marketing',
  'pricing.price-increase',
  'pricing.too-expensive',
  'support.repeat-contact',
];

describe('the core and the retail pack (--industry retail, the default before the other packs)', () => {
  const composed = loadComposedTaxonomy({ industries: ['retail'] });
  const owners = loadOwners(composed);

  it('is the taxonomy of before the packs: the same themes, definitions, families and owners, and the core themes added since', () => {
    const now = composed.taxonomy.themes
      .filter((t) => !ADDED_SINCE_PACKS.includes(t.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        parent: t.parent,
        owner: owners.ownerOf(t.id),
        definition: CHANGED_SINCE_PACKS.includes(t.id) ? 'changed' : sha(asBefore(t)),
      }));
    for (const id of ADDED_SINCE_PACKS) expect(composed.packOf.get(id)).toBe('core');
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const then = before.themes.map((t) => (CHANGED_SINCE_PACKS.includes(t.id) ? { ...t, definition: 'changed' } : t));
    expect(now.sort(byId)).toEqual(then.sort(byId));
    expect(composed.taxonomy.families.map((f) => ({ id: f.id, owner: owners.familyOwner(f.id) })).sort(byId)).toEqual(
      before.families.map((f) => ({ id: f.id, owner: f.owner })).sort(byId),
    );
    const contexts = Object.fromEntries(Object.entries(composed.taxonomy.contexts).filter(([name]) => !CONTEXTS_ADDED_SINCE.includes(name)));
    expect(sha(contexts)).toBe(before.contexts);
  });

  it('is versioned by its parts, and says which pack each theme came from', () => {
    expect(composed.taxonomy.version).toBe('core@1+retail@1');
    expect(composed.packOf.get('delivery.late')).toBe('retail');
    expect(composed.packOf.get('billing.double-charge')).toBe('core');
  });

  it('is within the default, every bundled pack, and `--industry core` is the core alone', () => {
    const all = loadComposedTaxonomy();
    expect(all.taxonomy.version).toBe(['core@1', ...availablePacks().map((p) => `${p}@1`)].join('+'));
    expect(availablePacks()).toEqual(['banking', 'retail', 'software', 'telecom', 'travel']);
    for (const t of composed.taxonomy.themes) expect(all.taxonomy.themes).toContainEqual(t);
    const allOwners = loadOwners(all);
    for (const t of composed.taxonomy.themes) expect(allOwners.ownerOf(t.id), t.id).toBe(owners.ownerOf(t.id));
    const core = loadComposedTaxonomy({ industries: ['core'] }).taxonomy;
    expect(core.version).toBe('core@1');
    expect(core.families.map((f) => f.id)).not.toContain('delivery');
  });

  it('lets a pack theme supersede only themes of other bundled parts, and reads one complaint once', async () => {
    const all = loadComposedTaxonomy();
    const ids = new Set(all.taxonomy.themes.map((t) => t.id));
    let declared = 0;
    for (const t of all.taxonomy.themes) {
      for (const id of t.supersedes) {
        declared++;
        expect(ids.has(id), `${t.id} supersedes ${id}`).toBe(true);
        expect(all.packOf.get(id), `${t.id} supersedes a theme of its own pack`).not.toBe(all.packOf.get(t.id));
      }
    }
    expect(declared).toBeGreaterThan(0);
    const { analyzer } = await loadAnalyzer();
    const themesOf = (text: string): string[] => {
      const outcome = analyzeVerbatim(analyzer, { id: 'v', channel: 'social', text }, 'run');
      return outcome.kind === 'analysis' ? [...new Set(outcome.analysis.themes.map((t) => t.id))].sort() : [];
    };
    // to an airline, a damaged bag or a bag fee is the airline's theme, not a parcel's or a price's
    expect(themesOf('@united my bag arrived damaged, the handle is ripped off')).toEqual(['baggage.damaged']);
    expect(themesOf('@delta charged me $50 for a checked bag that was supposed to be free')).toEqual(['baggage.fees']);
    // without a trip, the same words stay a parcel's
    expect(themesOf('My parcel arrived damaged, the box was crushed.')).toEqual(['delivery.damaged-item']);
  });

  it('gives --taxonomy FILE alone no pack, and adds the packs named with it', () => {
    const file = join(dir, 'mine.tax');
    writeFileSync(file, 'version: 7\nfamilies: [{ id: mine, name: Mine }]\nthemes: [{ id: mine.a, name: A, parent: mine, description: d, phrases: [a b] }]\n');
    expect(loadComposedTaxonomy({ taxonomy: file }).taxonomy.version).toBe('custom@7');
    // A core of one's own lacks the core's context lists the retail pack names: the pack's file says so.
    expect(() => loadComposedTaxonomy({ taxonomy: file, industries: ['retail'], packsDir: dir })).toThrow(
      /retail\.yaml: industry pack: .*unknown context "@parcel"/,
    );
  });
});

describe('composing the core with packs', () => {
  it('adds a pack’s families, themes, context lists and owners; versions name every part', () => {
    const composed = loadComposedTaxonomy({ industries: ['retail', 'gym'], packsDir: dir });
    expect(composed.taxonomy.version).toBe('core@1+retail@1+gym@2');
    // A pack named twice is added once.
    expect(loadComposedTaxonomy({ industries: ['gym', 'gym'], packsDir: dir }).taxonomy.version).toBe('core@1+gym@2');
    expect(composed.taxonomy.contexts.workout).toContain('treadmill');
    const owners = loadOwners(composed);
    expect(owners.ownerOf('equipment.broken-machine')).toBe('facilities');
    // The most specific rule wins across files: the pack's theme rule beats the core's billing family rule.
    expect(owners.ownerOf('billing.membership-fee')).toBe('facilities');
    expect(owners.ownerOf('billing.double-charge')).toBe('billing');
    expect(owners.teams.map((t) => t.id)).toEqual(['billing', 'logistics', 'engineering', 'operations', 'product', 'facilities']);
  });

  it('reads a composition once while its files are unchanged, and again once one changes', () => {
    writePack('memo', pack('memo', 'families: [{ id: memox, name: X }]'));
    const first = loadComposedTaxonomy({ industries: ['memo'], packsDir: dir });
    // A command reads it for its tables, then its analyzer: the second is the first.
    expect(loadComposedTaxonomy({ industries: ['memo'], packsDir: dir })).toBe(first);
    writePack('memo', pack('memo', 'families: [{ id: memox, name: Renamed }]'));
    const second = loadComposedTaxonomy({ industries: ['memo'], packsDir: dir });
    expect(second).not.toBe(first);
    expect(second.taxonomy.families.find((f) => f.id === 'memox')?.name).toBe('Renamed');
    // Another choice of the same files is composed apart.
    expect(loadComposedTaxonomy({ industries: ['memo', 'gym'], packsDir: dir }).taxonomy.version).toBe('core@1+memo@1+gym@2');
  });

  it('lets --owners FILE replace the bundled owners, packs’ included', () => {
    const file = join(dir, 'owners.own');
    writeFileSync(file, 'version: 1\nteams: [{ id: all, name: All }]\nrules: [{ team: all }]\n');
    const owners = loadOwners(loadComposedTaxonomy({ industries: ['gym'], packsDir: dir }), { owners: file });
    expect(owners.ownerOf('equipment.broken-machine')).toBe('all');
    expect(owners.teams.map((t) => t.id)).toEqual(['all']);
  });

  it('refuses an id two files define, naming both files', () => {
    const file = writePack('clash', `${pack('clash', 'families:\n  - { id: clashx, name: X }\n  - { id: billing, name: Billing again }')}`);
    expect(() => loadComposedTaxonomy({ industries: ['clash'], packsDir: dir })).toThrow(InputError);
    expect(() => loadComposedTaxonomy({ industries: ['clash'], packsDir: dir })).toThrow(
      `family "billing" is defined in both ${join(defaultPacksDir(), '..', 'taxonomy.yaml')} and ${file}`,
    );
    const context = writePack('ctx', `${pack('ctx', 'contexts: { money: [cash] }\nfamilies: [{ id: ctxx, name: X }]')}`);
    expect(() => loadComposedTaxonomy({ industries: ['ctx'], packsDir: dir })).toThrow(`context list "money" is defined in both`);
    expect(() => loadComposedTaxonomy({ industries: ['ctx'], packsDir: dir })).toThrow(context);
  });

  it('refuses a pack theme whose family exists nowhere, naming the pack file', () => {
    const file = writePack('orphan', 'pack: orphan\nversion: 1\nthemes: [{ id: nowhere.a, name: A, parent: nowhere, description: d, phrases: [a b] }]\n');
    expect(() => loadComposedTaxonomy({ industries: ['orphan'], packsDir: dir })).toThrow(`${file}: industry pack: themes[0].parent: unknown family "nowhere"`);
  });

  it('refuses an invalid pack file (exit 3) naming its path', () => {
    const file = writePack('broken', 'pack: broken\nversion: 1\nthemes: [\n');
    expect(() => loadComposedTaxonomy({ industries: ['broken'], packsDir: dir })).toThrow(InputError);
    expect(() => loadComposedTaxonomy({ industries: ['broken'], packsDir: dir })).toThrow(`${file}: industry pack: not valid YAML`);
    const misnamed = writePack('misnamed', pack('other', 'families: [{ id: otherx, name: X }]'));
    expect(() => loadComposedTaxonomy({ industries: ['misnamed'], packsDir: dir })).toThrow(
      `${misnamed}: industry pack: pack: "other" is not the file's name "misnamed"`,
    );
  });

  it('refuses an unknown pack (exit 2) listing the packs there are', () => {
    expect(() => loadComposedTaxonomy({ industries: ['airline'], packsDir: dir })).toThrow(UsageError);
    expect(() => loadComposedTaxonomy({ industries: ['airline'], packsDir: dir })).toThrow(/no pack 'airline' \(packs in .*: .*gym, .*retail/);
    expect(availablePacks()).toContain('retail');
  });

  it('refuses a pack team named otherwise than the same team elsewhere, and a second rule for one target', () => {
    const renamed = writePack(
      'renamed',
      `${pack('renamed', 'families: [{ id: renamedx, name: X }]')}owners:\n  teams: [{ id: billing, name: Money }]\n  rules: [{ family: renamedx, team: billing }]\n`,
    );
    expect(() => loadOwners(loadComposedTaxonomy({ industries: ['renamed'], packsDir: dir }))).toThrow(
      `${renamed}: owners: team "billing" is named "Money" here and "Billing" elsewhere`,
    );
    const twice = writePack(
      'twice',
      `${pack('twice', 'families: [{ id: twicex, name: X }]')}owners:\n  teams: [{ id: t, name: T }]\n  rules: [{ family: billing, team: t }]\n`,
    );
    expect(() => loadOwners(loadComposedTaxonomy({ industries: ['twice'], packsDir: dir }))).toThrow(
      new RegExp(`${twice}: owners .*a second rule for family billing`),
    );
  });
});

describe('analysing with a pack', () => {
  it('finds the pack’s theme, owned by the pack’s team, and says so in the model version', async () => {
    const { analyzer, taxonomy } = await loadAnalyzer({ industries: ['gym'], packsDir: dir, sentiment: 'lexicon' });
    expect(taxonomy.version).toBe('core@1+gym@2');
    expect(analyzer.version).toMatch(/^fl-[0-9a-f]{12}\+core@1\+gym@2$/);
    const out = analyzeVerbatim(
      analyzer,
      { id: 'g1', channel: 'review', text: 'Half the treadmills are broken and the lockers are out of order again.' },
      'run-gym',
    );
    expect(out.kind).toBe('analysis');
    const ids = out.kind === 'analysis' ? out.analysis.themes.map((t) => t.id) : [];
    expect(ids).toContain('equipment.broken-machine');
    expect(loadOwners(loadComposedTaxonomy({ industries: ['gym'], packsDir: dir })).ownerOf('equipment.broken-machine')).toBe('facilities');
    // Without the pack, the same words name no theme of the core.
    const core = await loadAnalyzer({ industries: ['core'], sentiment: 'lexicon' });
    const plain = analyzeVerbatim(
      core.analyzer,
      { id: 'g1', channel: 'review', text: 'Half the treadmills are broken and the lockers are out of order again.' },
      'run-gym',
    );
    expect(plain.kind === 'analysis' ? plain.analysis.themes.map((t) => t.id) : ['?']).not.toContain('equipment.broken-machine');
  });
});

describe('--industry on every command that takes --taxonomy', () => {
  afterEach(() => vi.restoreAllMocks());
  const COMMANDS: Array<[string, string[]]> = [
    ['analyze', []],
    ['top', []],
    ['submit', []],
    ['worker', []],
    ['serve', []],
    ['digest', []],
    ['subscriptions', ['add']],
    ['themes', ['suggest']],
    ['themes', ['list']],
  ];

  it.each(COMMANDS)('%s %s takes --industry and documents it', async (command, sub) => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const { run } = (await import(`../src/cli/commands/${command}.ts`)) as { run: (argv: string[]) => Promise<number> | number };
    expect(await run([...sub, '--industry', 'retail,gym', '--help'])).toBe(0);
    expect(out.join('')).toContain(INDUSTRY_HELP);
  });

  it('themes list shows each theme’s pack and the version; themes packs the packs there are', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const themes = await import('../src/cli/commands/themes.js');
    expect(await themes.run(['list', '--industry', 'retail', '--json'])).toBe(0);
    const list = JSON.parse(out.join('')) as { version: string; themes: Array<{ id: string; pack: string; owner: string }> };
    expect(list.version).toBe('core@1+retail@1');
    expect(list.themes.find((t) => t.id === 'delivery.late')).toMatchObject({ pack: 'retail', owner: 'logistics' });
    expect(list.themes.find((t) => t.id === 'support.wait-time')).toMatchObject({ pack: 'core', owner: 'operations' });
    out.length = 0;
    expect(await themes.run(['packs', '--json'])).toBe(0);
    const packs = JSON.parse(out.join('')) as { packs: Array<{ name: string; version: string; themes: number; families: string[] }> };
    expect(packs.packs.find((p) => p.name === 'retail')).toMatchObject({ version: '1', themes: 11, families: ['delivery', 'product'] });
  });

  it('stops analyze and themes list on an unknown pack with a usage error', async () => {
    const analyze = await import('../src/cli/commands/analyze.js');
    await expect(analyze.run([join(import.meta.dirname, '..', 'data', 'samples', 'survey.csv'), '--industry', 'retail,airline'])).rejects.toThrow(
      /no pack 'airline'/,
    );
    const themes = await import('../src/cli/commands/themes.js');
    await expect(themes.run(['list', '--industry', 'airline'])).rejects.toThrow(UsageError);
  });
});

describe('the coverage bench with the packs there are', () => {
  // Only the bundled retail pack and the gym fixture: the other packs land in other branches.
  const only = mkdtempSync(join(tmpdir(), 'frictionlens-bench-packs-'));
  copyFileSync(join(defaultPacksDir(), 'retail.yaml'), join(only, 'retail.yaml'));
  copyFileSync(join(fixtures, 'gym.yaml'), join(only, 'gym.yaml'));
  afterAll(() => rmSync(only, { recursive: true, force: true }));
  const available = availablePacks(only);

  it('lists a missing pack as not present, and measures a present one', () => {
    expect(available).toEqual(['gym', 'retail']);
    expect(resolveChoice({ kind: 'packs', packs: ['travel'] }, available)).toEqual({ label: '--industry travel', missing: ['travel'] });
    expect(resolveChoice({ kind: 'packs', packs: ['gym'] }, available)).toEqual({ label: '--industry gym', industries: ['gym'], missing: [] });
    const all = resolveChoice({ kind: 'all' }, available);
    expect(all.industries).toEqual(['gym', 'retail']);
    expect(all.label).toContain('travel, banking, telecom, software not present');
  });

  it('measures more coverage of a gym’s complaints with the gym pack than with the core alone', async () => {
    const texts = [
      'The treadmills are broken again.',
      'Two machines have been out of order for weeks, terrible.',
      'I was charged twice this month.',
      'Lovely staff.',
    ];
    const withPack = await loadAnalyzer({ industries: ['gym'], packsDir: only, sentiment: 'lexicon' });
    const core = await loadAnalyzer({ industries: ['core'], sentiment: 'lexicon' });
    const gym = measureCoverage(withPack.analyzer, new Set(), texts);
    const plain = measureCoverage(core.analyzer, new Set(), texts);
    expect(gym.verbatims).toBe(4);
    expect(gym.themed).toBe(plain.themed + 2);
    // A catch-all's mentions count as uncovered.
    expect(measureCoverage(withPack.analyzer, new Set(['equipment.broken-machine']), texts).themed).toBe(plain.themed);
  });
});
