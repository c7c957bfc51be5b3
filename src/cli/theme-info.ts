import { themeInfoOf, type ThemeInfo } from '../core/themes/taxonomy.js';
import { loadTaxonomy } from '../load/taxonomy.js';

/** Theme names and owners for tables, from the taxonomy alone (no NLP models loaded). */
export function loadThemeInfo(taxonomyPath?: string): (id: string) => ThemeInfo | undefined {
  return themeInfoOf(loadTaxonomy(taxonomyPath));
}
