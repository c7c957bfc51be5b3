import { themeInfoOf, type ThemeLookup } from '../core/themes/taxonomy.js';
import type { ComposedTaxonomy } from '../core/themes/compose-taxonomy.js';
import type { Owners } from '../core/routing/owner-resolver.js';
import { loadComposedTaxonomy, type TaxonomyChoice } from '../load/industry-packs.js';
import { loadOwners } from '../load/owners.js';

/** `--owners FILE` of every command that takes `--taxonomy` (README "Owners"). */
export const OWNERS_HELP = `  --owners FILE             owners map replacing models/owners.yaml: the team
                            shown as each theme's owner (README "Owners")`;

/** `--industry` of every command that takes `--taxonomy` (README "Industry packs"). */
export const INDUSTRY_HELP = `  --industry NAME[,NAME]    industry packs added to the core taxonomy (or to --taxonomy
                            FILE), with their owners: retail, travel, banking, telecom,
                            software (models/packs); 'core' for the core alone
                            (default: every pack; none with --taxonomy)`;

/** The flags that choose a taxonomy, as parsed. */
export interface TaxonomyFlags {
  taxonomy?: string | undefined;
  industry?: string | undefined;
  owners?: string | undefined;
}

/** `--industry a,b` as a choice of taxonomy (an empty value: the core alone). */
function taxonomyChoice(flags: TaxonomyFlags): TaxonomyChoice {
  const industries = flags.industry?.split(',').map((n) => n.trim().toLowerCase());
  return { taxonomy: flags.taxonomy, industries: industries?.filter((n) => n.length > 0) };
}

/** The composed taxonomy and its owners map (packs' owners included unless `--owners` replaces them). */
export function loadTaxonomyAndOwners(flags: TaxonomyFlags): { composed: ComposedTaxonomy; owners: Owners } {
  const composed = loadComposedTaxonomy(taxonomyChoice(flags));
  const owners = loadOwners(composed, { owners: flags.owners, taxonomyGiven: flags.taxonomy !== undefined });
  return { composed, owners };
}

/**
 * Theme names (the taxonomy) and owners (the owners map) for tables, from the model files
 * alone (no NLP models loaded), so a bad file stops a command before any work.
 */
export function loadThemeInfo(flags: TaxonomyFlags): ThemeLookup {
  const { composed, owners } = loadTaxonomyAndOwners(flags);
  return themeInfoOf(composed.taxonomy, owners.ownerOf);
}

/** The analyzer options of the taxonomy flags (what analysis threads and workers load). */
export function analyzerTaxonomy(flags: TaxonomyFlags): { taxonomyPath?: string; industries?: string[] } {
  const choice = taxonomyChoice(flags);
  return {
    ...(choice.taxonomy !== undefined ? { taxonomyPath: choice.taxonomy } : {}),
    ...(choice.industries !== undefined ? { industries: [...choice.industries] } : {}),
  };
}
