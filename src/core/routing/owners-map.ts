import { z } from 'zod';
import { InputError } from '../../errors/index.js';
import { parseFacetField } from '../insights/facet-field.js';
import { parseYamlDocument } from '../parse-yaml.js';

/** The owner shown for a theme that no rule names. */
export const UNASSIGNED = 'unassigned';

const TeamId = z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'must be lower-case words joined by "-", "_" or "."');

/** Where a team wants to hear: a URL alone, or with what it is ("#billing-voc in Slack"). */
const Endpoint = z.preprocess(
  (e) => (typeof e === 'string' ? { url: e } : e),
  z.strictObject({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    description: z.string().min(1).optional(),
  }),
);

const Team = z.strictObject({
  id: TeamId,
  name: z.string().trim().min(1, 'empty name'),
  endpoints: z.array(Endpoint).default([]),
});

/** "FIELD=VALUE" as `--by` slices insights (facets.ts): channel=chat, attributes.region=emea. */
const Facet = z.string().superRefine((raw, ctx) => {
  const at = raw.indexOf('=');
  if (at <= 0 || at === raw.length - 1) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not FIELD=VALUE (e.g. channel=chat, attributes.region=emea)` });
    return;
  }
  const field = parseFacetField(raw.slice(0, at));
  if ('problem' in field) ctx.addIssue({ code: 'custom', message: field.problem });
  else if (field.field !== raw.slice(0, at)) ctx.addIssue({ code: 'custom', message: `write the field as ${field.field}=VALUE` });
});

/** A target (a theme, a family, or neither: every theme), maybe limited to one facet value, and its team. */
const Rule = z
  .strictObject({
    theme: z.string().min(1).optional(),
    family: z.string().min(1).optional(),
    facet: Facet.optional(),
    team: z.string().min(1),
  })
  .refine((r) => r.theme === undefined || r.family === undefined, 'give theme or family, not both (a theme names its family)');

export const OwnersMap = z.strictObject({
  version: z.union([z.string(), z.number()]).transform(String),
  teams: z.array(Team).min(1, 'at least one team'),
  rules: z.array(Rule).default([]),
});
export type OwnersMap = z.infer<typeof OwnersMap>;
export type OwnerRule = OwnersMap['rules'][number];

/** What a rule applies to, as a key: two rules with the same key would contradict each other. */
export const ruleKey = (r: OwnerRule): string =>
  `${r.theme !== undefined ? `theme ${r.theme}` : r.family !== undefined ? `family ${r.family}` : 'every theme'}${r.facet !== undefined ? ` in ${r.facet}` : ''}`;

/** Every problem of an owners map on its own (duplicate teams, rules naming unknown teams, two rules for one target). */
export function checkOwnersReferences(map: Pick<OwnersMap, 'teams' | 'rules'>): string[] {
  const problems: string[] = [];
  const teams = new Map<string, number>();
  map.teams.forEach((t, i) => {
    const seen = teams.get(t.id);
    if (seen !== undefined) problems.push(`teams[${i}].id: duplicate id "${t.id}" (also teams[${seen}])`);
    else teams.set(t.id, i);
  });
  const targets = new Map<string, number>();
  map.rules.forEach((r, i) => {
    if (!teams.has(r.team)) problems.push(`rules[${i}].team: unknown team "${r.team}" (teams: ${[...teams.keys()].join(', ')})`);
    const key = ruleKey(r);
    const seen = targets.get(key);
    if (seen !== undefined) problems.push(`rules[${i}]: a second rule for ${key} (also rules[${seen}]); keep one`);
    else targets.set(key, i);
  });
  return problems;
}

/**
 * Validates an owners document on its own (teams, rule shapes, rules naming known teams, no
 * two rules for one target); whether its themes and families exist is owner-resolver.ts's
 * check, against the taxonomy in use. Throws InputError naming the path of every problem.
 */
export function parseOwners(yamlText: string): OwnersMap {
  const map = parseYamlDocument(yamlText, OwnersMap, 'owners');
  const problems = checkOwnersReferences(map);
  if (problems.length > 0) throw new InputError(`owners: ${problems.join('; ')}`);
  return map;
}
