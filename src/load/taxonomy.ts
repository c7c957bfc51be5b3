import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { parseTaxonomy, type Taxonomy } from '../core/themes/taxonomy.js';

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

/** Reads and validates a taxonomy file (default: the bundled models/taxonomy.yaml). */
export function loadTaxonomy(path: string = defaultTaxonomyPath()): Taxonomy {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read taxonomy ${file}: ${(err as Error).message}`);
  }
  try {
    return parseTaxonomy(text);
  } catch (err) {
    if (err instanceof InputError) err.message = `${file}: ${err.message}`;
    throw err;
  }
}
