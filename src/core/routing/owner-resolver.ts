import { InputError } from '../../errors/index.js';
import type { Taxonomy } from '../themes/taxonomy.js';
import { type OwnerRule, type OwnersMap, ruleKey } from './owners-map.js';

/** The owners map compiled against a taxonomy: who owns a theme, overall or in one facet value. */
export interface Owners {
  teams: OwnersMap['teams'];
  /** The team owning a theme in a facet ("all", the default, or FIELD=VALUE); undefined when no rule names it. */
  ownerOf(themeId: string, facet?: string): string | undefined;
  /** The team a family's rule (else the every-theme rule) names, unfaceted: the owner of a new theme put in it. */
  familyOwner(familyId: string): string | undefined;
}

/**
 * How specific a rule is; the highest that applies wins. A facet qualification outranks any
 * target (in the EMEA slice, "everything in EMEA goes to emea-ops" beats "billing owns
 * billing"), then a theme outranks its family, which outranks "every theme". Rules of equal
 * rank cannot both apply: owners-map.ts refuses two rules for one target and facet.
 */
const rank = (r: OwnerRule): number => (r.facet !== undefined ? 3 : 0) + (r.theme !== undefined ? 2 : r.family !== undefined ? 1 : 0);

/**
 * Compiles the owners map against the taxonomy in use. `strict` (the default): a rule naming
 * a theme or family the taxonomy lacks is an InputError naming it. Not strict (the bundled
 * map with a taxonomy of the user's own, see load/owners.ts): such rules are left out.
 */
export function resolveOwners(map: OwnersMap, taxonomy: Pick<Taxonomy, 'families' | 'themes'>, options: { strict?: boolean } = {}): Owners {
  const parentOf = new Map(taxonomy.themes.map((t) => [t.id, t.parent]));
  const families = new Set(taxonomy.families.map((f) => f.id));
  const problems: string[] = [];
  const rules = map.rules.filter((r, i) => {
    const problem =
      r.theme !== undefined && !parentOf.has(r.theme)
        ? `rules[${i}].theme: unknown theme "${r.theme}" (not in the taxonomy)`
        : r.family !== undefined && !families.has(r.family)
          ? `rules[${i}].family: unknown family "${r.family}" (families: ${[...families].join(', ')})`
          : null;
    if (problem) problems.push(problem);
    return problem === null;
  });
  if (problems.length > 0 && options.strict !== false) throw new InputError(`owners: ${problems.join('; ')}`);
  // Highest rank first: the first rule that applies is the owner.
  const ordered = [...rules].sort((a, b) => rank(b) - rank(a) || ruleKey(a).localeCompare(ruleKey(b)));
  const memo = new Map<string, string | undefined>();

  function ownerOf(themeId: string, facet = 'all'): string | undefined {
    const key = `${themeId}\u0000${facet}`;
    if (memo.has(key)) return memo.get(key);
    const parent = parentOf.get(themeId);
    const rule = ordered.find(
      (r) =>
        (r.facet === undefined || r.facet === facet) &&
        (r.theme !== undefined ? r.theme === themeId : r.family !== undefined ? r.family === parent && parent !== undefined : true),
    );
    memo.set(key, rule?.team);
    return rule?.team;
  }
  const familyOwner = (familyId: string): string | undefined =>
    ordered.find((r) => r.facet === undefined && r.theme === undefined && (r.family === undefined || r.family === familyId))?.team;
  return { teams: map.teams, ownerOf, familyOwner };
}
