/**
 * Which taxonomies the coverage bench measures each set with: core + retail (the default
 * before the other packs, the reference) against the pack(s) that fit the set's industry and
 * the default, every pack. A pack the worktree lacks is reported as
 * "pack not present", not a failure: the packs are written in parallel and land one by one.
 */

/** The packs issue 13 asks for; "all packs" names those of them that are missing. */
const EXPECTED_PACKS = ['retail', 'travel', 'banking', 'telecom', 'software'] as const;

export type PackChoice = { kind: 'before-packs' } | { kind: 'core' } | { kind: 'packs'; packs: readonly string[] } | { kind: 'all' };

export interface ResolvedChoice {
  label: string;
  /** The `--industry` list to load (undefined: the default); absent when a pack is missing. */
  industries?: string[] | undefined;
  /** Named packs the packs folder lacks: the cell says "pack not present". */
  missing: string[];
}

/** A choice as measured against the packs present. */
export function resolveChoice(choice: PackChoice, available: readonly string[]): ResolvedChoice {
  switch (choice.kind) {
    case 'before-packs':
      return { label: '--industry retail (the default before the other packs)', industries: ['retail'], missing: [] };
    case 'core':
      return { label: '--industry core', industries: ['core'], missing: [] };
    case 'packs': {
      const missing = choice.packs.filter((p) => !available.includes(p));
      const label = `--industry ${choice.packs.join(',')}`;
      return missing.length > 0 ? { label, missing } : { label, industries: [...choice.packs], missing };
    }
    case 'all': {
      const absent = EXPECTED_PACKS.filter((p) => !available.includes(p));
      const label = `default: every pack (${available.join(',') || 'none'}${absent.length > 0 ? `; ${absent.join(', ')} not present` : ''})`;
      return { label, industries: available.length > 0 ? [...available] : ['core'], missing: [] };
    }
  }
}

/** The key of what a resolved choice loads: two choices with one key are measured once. */
export const compositionKey = (r: ResolvedChoice): string => (r.industries === undefined ? 'default' : [...r.industries].sort().join('+'));

/** clinc150 domains (domains.json) and the packs that fit them; the others get the core alone and all packs. */
const CLINC_DOMAIN_PACKS: Readonly<Record<string, readonly string[]>> = { banking: ['banking'], credit_cards: ['banking'], travel: ['travel'] };

/** The choices of a clinc150 domain. */
export function clincChoices(domain: string): PackChoice[] {
  const packs = CLINC_DOMAIN_PACKS[domain];
  return packs ? [{ kind: 'before-packs' }, { kind: 'packs', packs }, { kind: 'all' }] : [{ kind: 'before-packs' }, { kind: 'core' }, { kind: 'all' }];
}
