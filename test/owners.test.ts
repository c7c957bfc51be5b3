import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_FAMILY_OWNERS } from './helpers/models.js';
import { describe, expect, it } from 'vitest';
import type { Insight } from '../src/contracts/index.js';
import { themeRows } from '../src/core/insights/theme-rows.js';
import { resolveOwners } from '../src/core/routing/owner-resolver.js';
import { parseOwners } from '../src/core/routing/owners-map.js';
import { parseTaxonomy, themeInfoOf } from '../src/core/themes/taxonomy.js';
import { InputError } from '../src/errors/index.js';
import { loadOwners } from '../src/load/owners.js';
import { loadComposedTaxonomy } from '../src/load/industry-packs.js';
import { runCommand } from './helpers/cli.js';

const taxonomy = parseTaxonomy(`version: 1
families:
  - { id: billing, name: Billing }
  - { id: delivery, name: Delivery }
themes:
  - { id: billing.double-charge, name: Charged twice, parent: billing, description: d, lemmas: [twice] }
  - { id: billing.refund, name: Refund, parent: billing, description: d, lemmas: [refund] }
  - { id: delivery.late, name: Late, parent: delivery, description: d, lemmas: [late] }
`);

const TEAMS = `version: 1
teams:
  - { id: billing, name: Billing, endpoints: [https://hooks.example.com/billing] }
  - { id: payments, name: Payments, endpoints: [{ url: "https://hooks.example.com/p", description: "#payments in Slack" }] }
  - { id: logistics, name: Logistics }
  - { id: emea-ops, name: EMEA operations }
  - { id: chat-support, name: Chat support }
  - { id: triage, name: Triage }
`;
const owners = (rules: string, strict = true) => resolveOwners(parseOwners(`${TEAMS}rules:\n${rules}`), taxonomy, { strict });

describe('the owners map', () => {
  it('gives every theme of the core and the retail pack the team its family had before owners.yaml', () => {
    const composed = loadComposedTaxonomy({ industries: ['retail'] });
    const bundled = composed.taxonomy;
    const map = loadOwners(composed);
    const before = BUNDLED_FAMILY_OWNERS;
    for (const t of bundled.themes) expect(map.ownerOf(t.id), t.id).toBe(before[t.parent]);
    expect(map.teams.map((t) => t.id).sort()).toEqual(['billing', 'engineering', 'logistics', 'operations', 'product']);
  });

  it('lets a theme rule beat its family rule, and a family rule beat the rule for every theme', () => {
    const map = owners(`  - { team: triage }
  - { family: billing, team: billing }
  - { theme: billing.double-charge, team: payments }
`);
    expect(map.ownerOf('billing.double-charge')).toBe('payments');
    expect(map.ownerOf('billing.refund')).toBe('billing');
    expect(map.ownerOf('delivery.late')).toBe('triage');
    expect(map.familyOwner('billing')).toBe('billing');
    expect(map.familyOwner('delivery')).toBe('triage');
  });

  it('uses a facet rule only in its own facet value, where it beats every unqualified rule', () => {
    const map = owners(`  - { family: billing, team: billing }
  - { theme: billing.double-charge, team: payments }
  - { family: delivery, team: logistics }
  - { facet: attributes.region=emea, team: emea-ops }
  - { family: billing, facet: channel=chat, team: chat-support }
`);
    expect(map.ownerOf('billing.double-charge', 'all')).toBe('payments');
    expect(map.ownerOf('billing.double-charge', 'attributes.region=emea')).toBe('emea-ops');
    expect(map.ownerOf('delivery.late', 'attributes.region=emea')).toBe('emea-ops');
    expect(map.ownerOf('delivery.late', 'attributes.region=us')).toBe('logistics');
    expect(map.ownerOf('billing.refund', 'channel=chat')).toBe('chat-support');
    expect(map.ownerOf('billing.double-charge', 'channel=chat')).toBe('chat-support');
    expect(map.ownerOf('delivery.late', 'channel=chat')).toBe('logistics');
  });

  it('ranks a facet-qualified theme rule over a facet-qualified family rule', () => {
    const map = owners(`  - { family: billing, facet: channel=chat, team: chat-support }
  - { theme: billing.refund, facet: channel=chat, team: payments }
`);
    expect(map.ownerOf('billing.refund', 'channel=chat')).toBe('payments');
    expect(map.ownerOf('billing.double-charge', 'channel=chat')).toBe('chat-support');
    expect(map.ownerOf('billing.refund')).toBeUndefined();
  });

  it('puts the owners on the ranked rows: the facet rule on a facet value rows, unassigned where no rule applies', () => {
    const map = owners(`  - { family: billing, team: billing }
  - { family: billing, facet: channel=chat, team: chat-support }
`);
    const info = themeInfoOf(taxonomy, map.ownerOf);
    const insight = (themeId: string, facet: string) => ({ themeId, facet, bucket: '*', frictionScore: 1, volume: 1, quotes: [] }) as unknown as Insight;
    const rows = [insight('billing.refund', 'all'), insight('billing.refund', 'channel=chat'), insight('delivery.late', 'all')];
    expect(themeRows(rows, info).map((r) => [r.id, r.owner])).toEqual([
      ['billing.refund', 'billing'],
      ['delivery.late', 'unassigned'],
    ]);
    expect(themeRows(rows, info, '*', 'channel=chat').map((r) => r.owner)).toEqual(['chat-support']);
  });
});

describe('an invalid owners map', () => {
  const refused = (rules: string, message: RegExp, strict = true) => {
    expect(() => owners(rules, strict)).toThrow(InputError);
    expect(() => owners(rules, strict)).toThrow(message);
  };

  it('names a rule with an unknown team, and the teams there are', () => {
    refused(
      '  - { family: billing, team: biling }\n',
      /owners: rules\[0\]\.team: unknown team "biling" \(teams: billing, payments, logistics, emea-ops, chat-support, triage\)/,
    );
  });

  it('names a rule with an unknown theme or family', () => {
    refused('  - { family: billing, team: billing }\n  - { theme: billing.tripple, team: billing }\n', /rules\[1\]\.theme: unknown theme "billing\.tripple"/);
    refused('  - { family: shipping, team: logistics }\n', /rules\[0\]\.family: unknown family "shipping" \(families: billing, delivery\)/);
  });

  it('leaves out, when not strict, the rules for themes the taxonomy lacks (the bundled map beside a taxonomy of the user own)', () => {
    const map = owners('  - { family: shipping, team: logistics }\n  - { family: billing, team: billing }\n', false);
    expect(map.ownerOf('billing.refund')).toBe('billing');
    expect(map.ownerOf('delivery.late')).toBeUndefined();
  });

  it('refuses two rules for the same target and facet, a rule naming both a theme and a family, and a duplicate team', () => {
    refused(
      '  - { family: billing, team: billing }\n  - { family: billing, team: payments }\n',
      /rules\[1\]: a second rule for family billing \(also rules\[0\]\)/,
    );
    refused('  - { theme: billing.refund, family: billing, team: billing }\n', /rules\[0\]: give theme or family, not both/);
    expect(() => parseOwners(`${TEAMS}  - { id: billing, name: Again }\n`)).toThrow(/teams\[6\]\.id: duplicate id "billing" \(also teams\[0\]\)/);
  });

  it('says what a facet should look like', () => {
    refused(
      '  - { family: billing, facet: region=emea, team: billing }\n',
      /rules\[0\]\.facet: 'region' is not a field to slice by .*did you mean attributes\.region\?/,
    );
    refused('  - { family: billing, facet: channel, team: billing }\n', /rules\[0\]\.facet: "channel" is not FIELD=VALUE/);
  });

  it('refuses a misspelt key, a missing field, an endpoint that is no URL and broken YAML, each with its path', () => {
    refused('  - { familly: billing, team: billing }\n', /rules\[0\]: Unrecognized key: "familly"/);
    refused('  - { family: billing }\n', /rules\[0\]\.team: required/);
    expect(() => parseOwners('version: 1\nteams:\n  - { id: a, name: A, endpoints: [not a url] }\n')).toThrow(
      /teams\[0\]\.endpoints\[0\]\.url: must be an http\(s\) URL/,
    );
    expect(() => parseOwners('version: 1\nteams: [\n')).toThrow(/owners: not valid YAML: .*line/);
    expect(() => parseOwners('version: 1\nteams: []\n')).toThrow(/teams: at least one team/);
  });

  it('names the file it came from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'owners-'));
    const file = join(dir, 'owners.yaml');
    writeFileSync(file, 'version: 1\nteams: [{ id: a, name: A }]\nrules: [{ family: nope, team: a }]\n');
    expect(() => loadOwners(loadComposedTaxonomy(), { owners: file })).toThrow(`${file}: owners: rules[0].family: unknown family "nope"`);
  });

  it('stops analyze with exit code 3 and the message, before any row is analysed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owners-'));
    const file = join(dir, 'owners.yaml');
    writeFileSync(file, 'version: 1\nteams: [{ id: a, name: A }]\nrules: [{ theme: billing.double-charge, team: b }]\n');
    const result = await runCommand(['analyze', 'data/samples/survey.csv', '--owners', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${file}: owners: rules[0].team: unknown team "b" (teams: a)`);
  });
});

describe('owners in the output of analyze', () => {
  it('puts the facet rule team on the --by rows of its facet value and the family team on the headline rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owners-'));
    const file = join(dir, 'owners.yaml');
    writeFileSync(
      file,
      'version: 1\nteams: [{ id: money, name: Money }, { id: chat-desk, name: Chat desk }]\nrules:\n  - { family: billing, team: money }\n  - { family: billing, facet: channel=chat, team: chat-desk }\n',
    );
    const result = await runCommand(['analyze', 'data/samples/feedback.jsonl', '--by', 'channel', '--owners', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      themes: Array<{ id: string; owner: string }>;
      by: Array<{ values: Array<{ value: string; themes: Array<{ id: string; owner: string }> }> }>;
    };
    const owner = (themes: Array<{ id: string; owner: string }>, id: string) => themes.find((t) => t.id === id)?.owner;
    expect(owner(doc.themes, 'billing.double-charge')).toBe('money');
    expect(owner(doc.themes, 'delivery.lost-package')).toBe('unassigned');
    const values = doc.by[0]!.values;
    expect(owner(values.find((v) => v.value === 'chat')!.themes, 'billing.double-charge')).toBe('chat-desk');
    expect(owner(values.find((v) => v.value !== 'chat')!.themes, 'billing.double-charge')).toBe('money');
    const table = await runCommand(['analyze', 'data/samples/feedback.jsonl', '--owners', file, '--top', '40']);
    expect(table.stdout).toMatch(/Charged twice\s+money\s/);
  });
});
