import { loadTaxonomy } from '../load/taxonomy.js';
import type { ThemeInfo } from './theme-rows.js';

/** Theme names and owners for tables, from the taxonomy alone (no NLP models loaded). */
export function loadThemeInfo(taxonomyPath?: string): (id: string) => ThemeInfo | undefined {
  const taxonomy = loadTaxonomy(taxonomyPath);
  const byId = new Map(taxonomy.themes.map((t) => [t.id, { id: t.id, name: t.name, owner: t.owner }]));
  return (id) => byId.get(id);
}
