import { UNASSIGNED } from '../routing/owners-map.js';
import { z } from 'zod';
import { parseYaml } from '../parse-yaml.js';
import { formatIssues, InputError } from '../../errors/index.js';

/** A taxonomy file that cannot be used; the message names the path and what is wrong. */
export class TaxonomyError extends InputError {}

const Id = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case words joined by "." or "-"');
const Words = z.string().trim().min(1, 'empty pattern');

const isGroup = (g: unknown): boolean => Array.isArray(g) && g.every((w) => typeof w === 'string');

function wrapSinglePattern(all: unknown): unknown {
  return Array.isArray(all) && all.length > 0 && all.every(isGroup) ? [all] : all;
}

const Family = z.object({
  id: Id,
  name: z.string().min(1),
  description: z.string().default(''),
});

const Theme = z.object({
  id: Id,
  name: z.string().min(1),
  parent: z.string().min(1),
  description: z.string().min(1),
  /** Single lemmas that alone signal the theme. */
  lemmas: z.array(Words).default([]),
  /**
   * Multi-word complaint patterns matched on lemmas (or surface words) in order, small gaps
   * allowed: in a sentence with no tone of its own ("it runs small") the mention is negative.
   */
  phrases: z.array(Words).default([]),
  /** Patterns naming the theme going well ("fits perfectly"): a toneless sentence's mention is positive. */
  praise: z.array(Words).default([]),
  /** Patterns naming the theme without judging it ("I usually wear a medium"): the sentence decides. */
  topics: z.array(Words).default([]),
  /**
   * Co-occurrence patterns, each a list of groups: the sentence holds one word from each
   * group. A single pattern may be written without the outer list ([[charge], [twice]]).
   */
  all: z.preprocess(wrapSinglePattern, z.array(z.array(z.array(Words).min(1, 'empty group')).min(1, 'empty pattern'))).default([]),
  /** Phrases that veto the theme in a sentence. */
  exclude: z.array(Words).default([]),
  /** Let misspelt words (out of the English lexicon) match the theme's words, by string distance. */
  fuzzy: z.boolean().default(true),
  /**
   * A catch-all ("other", "general feedback"): it matches but names no root cause, so theme
   * discovery treats the sentences it alone covers as uncovered.
   */
  catchAll: z.boolean().default(false),
});

export const Taxonomy = z.object({
  version: z.union([z.string(), z.number()]).transform(String),
  families: z.array(Family).min(1, 'at least one family'),
  themes: z.array(Theme).min(1, 'at least one theme'),
});
export type Taxonomy = z.infer<typeof Taxonomy>;

function checkReferences(t: Taxonomy): string[] {
  const problems: string[] = [];
  const families = new Map<string, number>();
  t.families.forEach((f, i) => {
    const seen = families.get(f.id);
    if (seen !== undefined) problems.push(`families[${i}].id: duplicate id "${f.id}" (also families[${seen}])`);
    else families.set(f.id, i);
  });
  const themes = new Map<string, number>();
  t.themes.forEach((th, i) => {
    const seen = themes.get(th.id);
    if (seen !== undefined) problems.push(`themes[${i}].id: duplicate id "${th.id}" (also themes[${seen}])`);
    else themes.set(th.id, i);
    if (families.has(th.id)) problems.push(`themes[${i}].id: "${th.id}" is also a family id`);
    if (!families.has(th.parent)) problems.push(`themes[${i}].parent: unknown family "${th.parent}"`);
    if (th.lemmas.length + th.phrases.length + th.praise.length + th.topics.length + th.all.length === 0) {
      problems.push(`themes[${i}]: no match pattern (give lemmas, phrases, praise, topics or all)`);
    }
    th.lemmas.forEach((l, j) => {
      if (/\s/.test(l.trim())) problems.push(`themes[${i}].lemmas[${j}]: "${l}" has several words; put it in phrases`);
    });
    th.phrases.forEach((p, j) => {
      if (!/\s/.test(p.trim()) && !p.includes('-')) problems.push(`themes[${i}].phrases[${j}]: "${p}" is one word; put it in lemmas`);
    });
    th.topics.forEach((p, j) => {
      if (!/\s/.test(p.trim()) && !p.includes('-')) problems.push(`themes[${i}].topics[${j}]: "${p}" is one word; put it in lemmas`);
    });
    // A group word is matched against one token; "check-out" or "in transit" never would be.
    th.all.forEach((pattern, j) => {
      pattern.forEach((group, k) => {
        group.forEach((w, l) => {
          if (/\s|\w-\w/.test(w.trim())) problems.push(`themes[${i}].all[${j}][${k}][${l}]: "${w}" is not one word; a group lists single words`);
        });
      });
    });
  });
  return problems;
}

/** Validates a taxonomy document; throws TaxonomyError listing every problem found. */
export function parseTaxonomy(yamlText: string): Taxonomy {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (err) {
    throw new TaxonomyError(`taxonomy: not valid YAML: ${(err as Error).message}`);
  }
  const parsed = Taxonomy.safeParse(raw);
  if (!parsed.success) {
    throw new TaxonomyError(`taxonomy: ${formatIssues(parsed.error)}`);
  }
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) throw new TaxonomyError(`taxonomy: ${problems.join('; ')}`);
  return parsed.data;
}

/** What tables and reports show of a theme: its owner is the owners map's (core/routing). */
interface ThemeInfo {
  id: string;
  name: string;
  owner: string;
}

/** A theme's name and owner by id, in a facet ("all" by default); undefined for an id the taxonomy lacks. */
export type ThemeLookup = (id: string, facet?: string) => ThemeInfo | undefined;

/**
 * The lookup of the taxonomy's themes with their owners: `ownerOf` is the owners map's
 * (owner-resolver.ts), the owner in a facet value where a rule names one; 'unassigned' where none does.
 */
export function themeInfoOf(taxonomy: Taxonomy, ownerOf: (themeId: string, facet?: string) => string | undefined): ThemeLookup {
  const names = new Map(taxonomy.themes.map((t) => [t.id, t.name]));
  return (id, facet = 'all') => {
    const name = names.get(id);
    return name === undefined ? undefined : { id, name, owner: ownerOf(id, facet) ?? UNASSIGNED };
  };
}
