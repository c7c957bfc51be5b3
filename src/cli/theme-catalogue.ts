import { availablePacks, loadPack } from '../load/industry-packs.js';
import { UNASSIGNED } from '../core/routing/owners-map.js';
import { parseFlags } from './parse-flags.js';
import { textTable } from './text-table.js';
import { INDUSTRY_HELP, loadTaxonomyAndOwners, OWNERS_HELP } from './theme-info.js';
import { UsageError } from '../errors/index.js';

export const CATALOGUE_HELP = `       frictionlens themes list [--taxonomy FILE] [--industry NAME[,NAME]] [--owners FILE] [--json]
       frictionlens themes packs [--json]

themes list: every theme of the taxonomy in use (the core and its packs) with its family,
owner and the pack it comes from, and the taxonomy's version ("core@1+retail@1").
themes packs: the industry packs in models/packs: name, version, themes, families, description.`;

const LIST_FLAGS = {
  taxonomy: { type: 'string' },
  industry: { type: 'string' },
  owners: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `themes list`: what the taxonomy in use holds, theme by theme, and where each came from. */
export function listThemes(argv: string[]): number {
  const { values, positionals } = parseFlags(argv, LIST_FLAGS);
  if (values.help) {
    process.stdout.write(`${LIST_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`themes list takes no FILE arguments (got '${positionals[0]}')`);
  const { composed, owners } = loadTaxonomyAndOwners(values);
  const rows = composed.taxonomy.themes.map((t) => ({
    id: t.id,
    name: t.name,
    family: t.parent,
    owner: owners.ownerOf(t.id) ?? UNASSIGNED,
    pack: composed.packOf.get(t.id) ?? '',
  }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ version: composed.taxonomy.version, themes: rows }, null, 2)}\n`);
    return 0;
  }
  const column = (header: string, key: keyof (typeof rows)[number], shrink = false) => ({
    header,
    cells: rows.map((r) => r[key]),
    align: 'left' as const,
    shrink,
  });
  const table = textTable([column('theme', 'id'), column('name', 'name', true), column('family', 'family'), column('owner', 'owner'), column('pack', 'pack')]);
  process.stdout.write(`taxonomy ${composed.taxonomy.version}: ${rows.length} themes\n\n${table.join('\n')}\n`);
  return 0;
}

const LIST_HELP = `Usage: frictionlens themes list [options]

Every theme of the taxonomy in use with its family, owner and pack.

Options:
  --taxonomy FILE           theme taxonomy replacing models/taxonomy.yaml
${INDUSTRY_HELP}
${OWNERS_HELP}
  --json                    print one JSON document instead of the table
  -h, --help                this help

Exit codes: 0 ok, 2 usage error (an unknown pack), 3 an invalid taxonomy, pack or owners map.`;

/** `themes packs`: the industry packs there are to choose from with `--industry`. */
export function listPacks(argv: string[]): number {
  const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(`Usage: frictionlens themes packs [--json]\n\nThe industry packs in models/packs, for --industry.\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`themes packs takes no arguments (got '${positionals[0]}')`);
  const packs = availablePacks().map((name) => {
    const { pack } = loadPack(name);
    return { name, version: pack.version, themes: pack.themes.length, families: pack.families.map((f) => f.id), description: pack.description };
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ packs }, null, 2)}\n`);
    return 0;
  }
  const table = textTable([
    { header: 'pack', cells: packs.map((p) => p.name), align: 'left' },
    { header: 'version', cells: packs.map((p) => p.version), align: 'right' },
    { header: 'themes', cells: packs.map((p) => String(p.themes)), align: 'right' },
    { header: 'families', cells: packs.map((p) => p.families.join(', ')), align: 'left' },
    { header: 'description', cells: packs.map((p) => p.description), align: 'left', shrink: true },
  ]);
  process.stdout.write(`${table.join('\n')}\n\nadd them with --industry NAME[,NAME] (default: every pack); 'core' for the core alone\n`);
  return 0;
}
