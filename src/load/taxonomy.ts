import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors/index.js';
import { parseTaxonomy, type Taxonomy } from '../core/themes/taxonomy.js';
import { inFile, readModelText } from './model-file.js';

/**
 * The package root: the nearest folder above this file that holds a package.json. Walking up
 * (instead of a fixed "../..") keeps it right from src/ under tsx and from dist/src/ once built.
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new InputError(`no package.json above ${from}`);
    dir = up;
  }
}

export const defaultTaxonomyPath = (): string => join(packageRoot(), 'models', 'taxonomy.yaml');

/**
 * Reads and validates a taxonomy file (default: the bundled models/taxonomy.yaml);
 * `references: false` as parseTaxonomy's, for a core the packs are added to.
 */
export function loadTaxonomy(path: string = defaultTaxonomyPath(), options: { references?: boolean } = {}): Taxonomy {
  const text = readModelText(path, 'taxonomy');
  return inFile(path, () => parseTaxonomy(text, options));
}
