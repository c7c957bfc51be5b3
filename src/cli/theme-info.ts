import { themeInfoOf, type ThemeLookup } from '../core/themes/taxonomy.js';
import { loadOwners } from '../load/owners.js';
import { loadTaxonomy } from '../load/taxonomy.js';

/** `--owners FILE` of every command that takes `--taxonomy` (README "Owners"). */
export const OWNERS_HELP = `  --owners FILE             owners map replacing models/owners.yaml: the team
                            shown as each theme's owner (README "Owners")`;

/**
 * Theme names (the taxonomy) and owners (the owners map) for tables, from the two files
 * alone (no NLP models loaded), so a bad file stops a command before any work.
 */
export function loadThemeInfo(flags: { taxonomy?: string | undefined; owners?: string | undefined }): ThemeLookup {
  const taxonomy = loadTaxonomy(flags.taxonomy);
  const owners = loadOwners(taxonomy, { owners: flags.owners, taxonomyGiven: flags.taxonomy !== undefined });
  return themeInfoOf(taxonomy, owners.ownerOf);
}
