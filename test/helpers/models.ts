import type { Owners } from '../../src/core/routing/owner-resolver.js';
import type { Taxonomy } from '../../src/core/themes/taxonomy.js';
import { loadOwners } from '../../src/load/owners.js';
import { loadComposedTaxonomy } from '../../src/load/industry-packs.js';

/** The bundled taxonomy and owners map, as serve loads them without --taxonomy or --owners. */
export function bundledModels(): { taxonomy: Taxonomy; owners: Owners } {
  const composed = loadComposedTaxonomy();
  return { taxonomy: composed.taxonomy, owners: loadOwners(composed) };
}

/** The team each family of the bundled taxonomy had before owners.yaml, which the bundled map keeps. */
export const BUNDLED_FAMILY_OWNERS: Record<string, string> = {
  billing: 'billing',
  delivery: 'logistics',
  account: 'engineering',
  support: 'operations',
  product: 'product',
  app: 'engineering',
  pricing: 'product',
  cancellation: 'billing',
  communication: 'operations',
};
