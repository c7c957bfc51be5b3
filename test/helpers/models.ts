import type { Owners } from '../../src/core/routing/owner-resolver.js';
import type { Taxonomy } from '../../src/core/themes/taxonomy.js';
import { loadOwners } from '../../src/load/owners.js';
import { loadTaxonomy } from '../../src/load/taxonomy.js';

/** The bundled taxonomy and owners map, as serve loads them without --taxonomy or --owners. */
export function bundledModels(): { taxonomy: Taxonomy; owners: Owners } {
  const taxonomy = loadTaxonomy();
  return { taxonomy, owners: loadOwners(taxonomy) };
}
