import type { OwnersMap } from '../routing/owners-map.js';
import type { IndustryPack } from './industry-pack.js';
import { checkReferences, type Taxonomy, TaxonomyError } from './taxonomy.js';

/** The core taxonomy and where it came from: `name` is "core" for the bundled one, "custom" for `--taxonomy FILE`. */
export interface CoreSource {
  name: string;
  file: string;
  taxonomy: Taxonomy;
}

export interface PackSource {
  file: string;
  pack: IndustryPack;
}

/** What an owners map adds from a pack: its teams and rules, and the file they came from (for errors). */
export interface PackOwners {
  file: string;
  owners: Pick<OwnersMap, 'teams' | 'rules'>;
}

export interface ComposedTaxonomy {
  /** One taxonomy as the matcher reads it; its version names every part: "core@1+retail@1". */
  taxonomy: Taxonomy;
  /** The pack each theme came from ("core" or the core's name for the core's own). */
  packOf: ReadonlyMap<string, string>;
  /** The packs' owners, in the order given, for the owners map (compose-owners.ts). */
  owners: PackOwners[];
}

/**
 * The core with the packs added, in the order given. Ids of context lists, families and
 * themes are one namespace across all files: a name two files define is a TaxonomyError
 * naming both files (a pack never redefines the core or another pack). Each file's themes
 * are then checked against everything composed (a parent of the core or of a pack, the
 * core's context lists or a pack's), problems prefixed with that file. The core comes
 * unchecked for its references (parseTaxonomy's `references: false`) so that a theme of
 * one's own `--taxonomy FILE` may sit in a pack's family.
 */
export function composeTaxonomy(core: CoreSource, packs: readonly PackSource[]): ComposedTaxonomy {
  const contextFrom = new Map(Object.keys(core.taxonomy.contexts).map((n) => [n, core.file]));
  const idFrom = new Map<string, string>();
  const packOf = new Map<string, string>();
  for (const f of core.taxonomy.families) idFrom.set(f.id, core.file);
  for (const t of core.taxonomy.themes) {
    idFrom.set(t.id, core.file);
    packOf.set(t.id, core.name);
  }
  const clashes: string[] = [];
  const claim = (seen: Map<string, string>, what: string, id: string, file: string): void => {
    const other = seen.get(id);
    if (other !== undefined && other !== file) clashes.push(`${what} "${id}" is defined in both ${other} and ${file}`);
    else seen.set(id, file);
  };
  const names = new Set<string>([core.name]);
  for (const { file, pack } of packs) {
    if (names.has(pack.pack)) clashes.push(`pack "${pack.pack}" given twice (${file})`);
    names.add(pack.pack);
    for (const name of Object.keys(pack.contexts)) claim(contextFrom, 'context list', name, file);
    for (const f of pack.families) claim(idFrom, 'family', f.id, file);
    for (const t of pack.themes) {
      claim(idFrom, 'theme', t.id, file);
      packOf.set(t.id, pack.pack);
    }
  }
  if (clashes.length > 0) throw new TaxonomyError(`industry packs: ${clashes.join('; ')}`);

  const taxonomy: Taxonomy = {
    version: [`${core.name}@${core.taxonomy.version}`, ...packs.map((p) => `${p.pack.pack}@${p.pack.version}`)].join('+'),
    contexts: Object.assign({}, core.taxonomy.contexts, ...packs.map((p) => p.pack.contexts)),
    families: [...core.taxonomy.families, ...packs.flatMap((p) => p.pack.families)],
    themes: [...core.taxonomy.themes, ...packs.flatMap((p) => p.pack.themes)],
  };
  // Each file's themes against everything composed (the core's own too: it was read unchecked).
  for (const { file, label, themes } of [
    { file: core.file, label: 'taxonomy', themes: core.taxonomy.themes },
    ...packs.map((p) => ({ file: p.file, label: 'industry pack', themes: p.pack.themes })),
  ]) {
    const problems = checkReferences({ ...taxonomy, themes });
    if (problems.length > 0) throw new TaxonomyError(`${file}: ${label}: ${problems.join('; ')}`);
  }
  return { taxonomy, packOf, owners: packs.flatMap((p) => (p.pack.owners ? [{ file: p.file, owners: p.pack.owners }] : [])) };
}
