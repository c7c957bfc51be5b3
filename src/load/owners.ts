import { join } from 'node:path';
import { withPackOwners } from '../core/routing/compose-owners.js';
import { type Owners, resolveOwners } from '../core/routing/owner-resolver.js';
import { parseOwners } from '../core/routing/owners-map.js';
import type { ComposedTaxonomy } from '../core/themes/compose-taxonomy.js';
import { inFile, readModelText } from './model-file.js';
import { packageRoot } from './taxonomy.js';

const defaultOwnersPath = (): string => join(packageRoot(), 'models', 'owners.yaml');

/**
 * Reads and validates an owners file (default: the bundled models/owners.yaml) against the
 * taxonomy in use; InputError (exit 3) naming the file, the path in it and what is wrong.
 * The bundled map gets the industry packs' owners added (README "Industry packs");
 * `--owners FILE` replaces all of them, packs' included. The bundled map is written for the
 * bundled core: beside a taxonomy of the user's own (`taxonomyGiven`) its rules for families
 * and themes that taxonomy lacks are left out rather than refused, so `--taxonomy FILE`
 * alone keeps working.
 */
export function loadOwners(
  composed: Pick<ComposedTaxonomy, 'taxonomy' | 'owners'>,
  paths: { owners?: string | undefined; taxonomyGiven?: boolean } = {},
): Owners {
  const path = paths.owners ?? defaultOwnersPath();
  const text = readModelText(path, 'owners map');
  const map = inFile(path, () => parseOwners(text));
  const merged = paths.owners === undefined ? withPackOwners(map, composed.owners) : map;
  return inFile(path, () => resolveOwners(merged, composed.taxonomy, { strict: paths.owners !== undefined || paths.taxonomyGiven !== true }));
}
