import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeTaxonomy, type ComposedTaxonomy, type PackSource } from '../core/themes/compose-taxonomy.js';
import { parseIndustryPack } from '../core/themes/industry-pack.js';
import { UsageError } from '../errors/index.js';
import { inFile, readModelText } from './model-file.js';
import { defaultTaxonomyPath, loadTaxonomy, packageRoot } from './taxonomy.js';

/** The bundled industry packs: models/packs/NAME.yaml. */
export const defaultPacksDir = (): string => join(packageRoot(), 'models', 'packs');

/**
 * The packs added when neither `--taxonomy` nor `--industry` is given: every bundled pack. A
 * pack's themes demand their industry's context, so on another industry's text they stay
 * silent (bench/results/coverage.md: +0 points of coverage on the sets they do not fit, the
 * same as the fitting pack alone on those they do), and a first run in any of the industries
 * gets its themes without knowing the flag.
 */
const defaultIndustries = (dir: string | undefined): string[] => availablePacks(dir);

/** `--industry core`: the core alone, no pack. */
const CORE_ONLY = 'core';

/** Which taxonomy to analyse with: a core (`--taxonomy FILE`, else the bundled one) and the packs added to it. */
export interface TaxonomyChoice {
  taxonomy?: string | undefined;
  /** Pack names (`--industry`); undefined: the default packs with the bundled core, none with a FILE. */
  industries?: readonly string[] | undefined;
  /** Where packs are looked up (tests and benches); default models/packs. */
  packsDir?: string | undefined;
}

/** The packs in a folder, by name, sorted. */
export function availablePacks(dir: string = defaultPacksDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** The path of a pack; an unknown name is a UsageError (exit 2) listing the packs there are. */
function packPath(name: string, dir: string = defaultPacksDir()): string {
  const names = availablePacks(dir);
  if (!names.includes(name)) {
    throw new UsageError(
      `--industry: no pack '${name}' (packs in ${resolve(dir)}: ${names.length > 0 ? names.join(', ') : 'none'}; '${CORE_ONLY}' for the core alone)`,
    );
  }
  return join(dir, `${name}.yaml`);
}

/** Reads and validates one pack; an invalid one is an InputError (exit 3) naming its path. */
export function loadPack(name: string, dir: string = defaultPacksDir()): PackSource {
  return readPack(name, packPath(name, dir));
}

function readPack(name: string, path: string): PackSource {
  const text = readModelText(path, 'industry pack');
  return { file: resolve(path), pack: inFile(path, () => parseIndustryPack(text, name)) };
}

/** The industries a choice adds, defaults applied, `core` and repeats dropped. */
function chosenIndustries(choice: TaxonomyChoice): string[] {
  const names = choice.industries ?? (choice.taxonomy === undefined ? defaultIndustries(choice.packsDir) : []);
  return [...new Set(names.filter((n) => n !== CORE_ONLY))];
}

/** A composed taxonomy and the files it was read from, core first: what the analyzer's version hashes. */
export interface LoadedTaxonomy extends ComposedTaxonomy {
  files: string[];
}

/**
 * The last taxonomy composed, by what it was read from: a command reads it for its tables
 * and its analyzer reads it again (~50 ms of YAML and schema checks at every start-up).
 */
let last: { key: string; loaded: LoadedTaxonomy } | undefined;

/** The core (bundled or `--taxonomy FILE`) with the chosen packs: README "Industry packs". */
export function loadComposedTaxonomy(choice: TaxonomyChoice = {}): LoadedTaxonomy {
  const file = choice.taxonomy ?? defaultTaxonomyPath();
  const names = chosenIndustries(choice);
  const paths = names.map((n) => packPath(n, choice.packsDir));
  // The same files unchanged (size and time of change) compose the same taxonomy.
  const key = JSON.stringify([choice.taxonomy === undefined, names, [file, ...paths].map(fileStamp)]);
  if (last?.key === key) return last.loaded;
  const packs = names.map((n, i) => readPack(n, paths[i]!));
  const core = { name: choice.taxonomy === undefined ? CORE_ONLY : 'custom', file: resolve(file), taxonomy: loadTaxonomy(file, { references: false }) };
  const loaded = { ...composeTaxonomy(core, packs), files: [core.file, ...packs.map((p) => p.file)] };
  last = { key, loaded };
  return loaded;
}

function fileStamp(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return `${resolve(path)} ${stat ? `${stat.size} ${stat.mtimeMs}` : 'missing'}`;
}
