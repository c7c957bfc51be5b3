import { UNASSIGNED } from '../routing/owners-map.js';
import { z } from 'zod';
import { parseYamlDocument } from '../parse-yaml.js';
import { InputError } from '../../errors/index.js';

/** A taxonomy file that cannot be used; the message names the path and what is wrong. */
export class TaxonomyError extends InputError {}

const Id = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case words joined by "." or "-"');
const Words = z.string().trim().min(1, 'empty pattern');

const isGroup = (g: unknown): boolean => Array.isArray(g) && g.every((w) => typeof w === 'string');

/**
 * What a pattern demands of the rest of its sentence, so a word that means the complaint in
 * one industry does not fire in another: `requires` (one of these phrases is in the sentence:
 * "never received" needs a parcel, not a letter) and `unless` (none of these is). Entries are
 * phrases in the pattern language, "@name" for a list under the taxonomy's `contexts`, and
 * "^phrase" for one that opens the sentence ("^is there": a question, not a complaint).
 */
const Context = z.object({ requires: z.array(Words).default([]), unless: z.array(Words).default([]) });
export type PatternContext = z.infer<typeof Context>;

/** A pattern with its context: `match` is what the string form would be. */
const withContext = <T extends z.ZodTypeAny>(match: T) => z.union([match, Context.extend({ match })]);
type Entry<T> = T | (PatternContext & { match: T });

/** The patterns' own texts, as the plain form gives them, and each one's context (undefined: none). */
function split<T>(entries: readonly Entry<T>[]): { texts: T[]; contexts: (PatternContext | undefined)[] } {
  const texts: T[] = [];
  const contexts: (PatternContext | undefined)[] = [];
  for (const e of entries) {
    const object = typeof e === 'object' && e !== null && !Array.isArray(e) && 'match' in e;
    texts.push(object ? (e as PatternContext & { match: T }).match : (e as T));
    contexts.push(object ? { requires: (e as PatternContext).requires, unless: (e as PatternContext).unless } : undefined);
  }
  return { texts, contexts };
}

function wrapSinglePattern(all: unknown): unknown {
  return Array.isArray(all) && all.length > 0 && all.every(isGroup) ? [all] : all;
}

export const Family = z
  .object({
    id: Id,
    name: z.string().min(1),
    description: z.string().default(''),
    // Taxonomies written before the owners map (models/owners.yaml) named a family's owner
    // here: still read, no longer used. Any other key is refused: an unquoted comma in a flow
    // mapping ({ description: Charges, invoices }) would otherwise cut the text silently.
    owner: z.string().optional(),
  })
  .strict();

const Groups = z.array(z.array(Words).min(1, 'empty group')).min(1, 'empty pattern');

export const Theme = z
  .object({
    id: Id,
    name: z.string().min(1),
    parent: z.string().min(1),
    description: z.string().min(1),
    /** Single lemmas that alone signal the theme. */
    lemmas: z.array(withContext(Words)).default([]),
    /**
     * Multi-word complaint patterns matched on lemmas (or surface words) in order, small gaps
     * allowed: in a sentence with no tone of its own ("it runs small") the mention is negative.
     */
    phrases: z.array(withContext(Words)).default([]),
    /** Patterns naming the theme going well ("fits perfectly"): a toneless sentence's mention is positive. */
    praise: z.array(withContext(Words)).default([]),
    /** Patterns naming the theme without judging it ("I usually wear a medium"): the sentence decides. */
    topics: z.array(withContext(Words)).default([]),
    /**
     * Co-occurrence patterns, each a list of groups: the sentence holds one word from each
     * group. A single pattern may be written without the outer list ([[charge], [twice]]).
     */
    all: z.preprocess(wrapSinglePattern, z.array(withContext(Groups))).default([]),
    /** Phrases that veto the theme in a sentence (an `unless` of every pattern). */
    exclude: z.array(Words).default([]),
    /** A `requires` of every pattern: the sentence must hold one of these for any mention ("@staff" for agent attitude). */
    requires: z.array(Words).default([]),
    /** Let misspelt words (out of the English lexicon) match the theme's words, by string distance. */
    fuzzy: z.boolean().default(true),
    /**
     * A catch-all ("other", "general feedback"): it matches but names no root cause, so theme
     * discovery treats the sentences it alone covers as uncovered.
     */
    catchAll: z.boolean().default(false),
    /**
     * Themes of other packs that this one replaces where both match one sentence: the same
     * complaint read twice, once by a general theme ("my bag arrived damaged" to an airline is
     * baggage.damaged, not retail's delivery.damaged-item). Ids absent from the composition
     * are ignored: a pack supersedes only the themes that are there.
     */
    supersedes: z.array(Id).default([]),
  })
  .transform((th) => {
    const lemmas = split<string>(th.lemmas);
    const phrases = split<string>(th.phrases);
    const praise = split<string>(th.praise);
    const topics = split<string>(th.topics);
    const all = split<string[][]>(th.all);
    return {
      ...th,
      lemmas: lemmas.texts,
      phrases: phrases.texts,
      praise: praise.texts,
      topics: topics.texts,
      all: all.texts,
      /** Per pattern, in the order of each list: its context, or undefined. */
      contexts: { lemmas: lemmas.contexts, phrases: phrases.contexts, praise: praise.contexts, topics: topics.contexts, all: all.contexts },
    };
  });

export const Taxonomy = z.object({
  version: z.union([z.string(), z.number()]).transform(String),
  /** Named lists of context phrases ("@parcel" in a `requires`), so one list serves every pattern that needs it. */
  contexts: z.record(z.string(), z.array(Words)).default({}),
  families: z.array(Family).min(1, 'at least one family'),
  themes: z.array(Theme).min(1, 'at least one theme'),
});
export type Taxonomy = z.infer<typeof Taxonomy>;

/**
 * Every problem of a taxonomy's references (duplicate ids, unknown parents and contexts, a
 * pattern in the wrong list), as "path: what" lines; empty when it is sound.
 */
export function checkReferences(t: Taxonomy): string[] {
  const problems: string[] = [];
  const families = new Map<string, number>();
  t.families.forEach((f, i) => {
    const seen = families.get(f.id);
    if (seen !== undefined) problems.push(`families[${i}].id: duplicate id "${f.id}" (also families[${seen}])`);
    else families.set(f.id, i);
  });
  const themes = new Map<string, number>();
  const checkContext = (where: string, entries: readonly string[]): void => {
    for (const e of entries) {
      const name = e.trim();
      if (name.startsWith('@') && !(name.slice(1) in t.contexts)) problems.push(`${where}: unknown context "${name}" (not under contexts)`);
    }
  };
  t.themes.forEach((th, i) => {
    checkContext(`themes[${i}].requires`, th.requires);
    for (const [kind, list] of Object.entries(th.contexts)) {
      list.forEach((c, j) => {
        if (c) checkContext(`themes[${i}].${kind}[${j}]`, [...c.requires, ...c.unless]);
      });
    }
    if (th.supersedes.includes(th.id)) problems.push(`themes[${i}].supersedes: "${th.id}" supersedes itself`);
    for (const other of t.themes) {
      if (other.id !== th.id && th.supersedes.includes(other.id) && other.supersedes.includes(th.id))
        problems.push(`themes[${i}].supersedes: "${th.id}" and "${other.id}" supersede each other (neither would be kept)`);
    }
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

/**
 * Validates a taxonomy document; throws TaxonomyError listing every problem found.
 * `references: false` leaves its references to be checked once industry packs are added
 * (compose-taxonomy.ts): a theme of one's own core may have a pack's family as parent.
 */
export function parseTaxonomy(yamlText: string, options: { references?: boolean } = {}): Taxonomy {
  const taxonomy = parseYamlDocument(yamlText, Taxonomy, 'taxonomy', (message) => new TaxonomyError(message));
  const problems = options.references === false ? [] : checkReferences(taxonomy);
  if (problems.length > 0) throw new TaxonomyError(`taxonomy: ${problems.join('; ')}`);
  return taxonomy;
}

/** What tables and reports show of a theme: its owner is the owners map's (core/routing). */
interface ThemeInfo {
  id: string;
  name: string;
  owner: string;
  /** Its family (the taxonomy's `parent`): what a subscription's `families` filter names. */
  family: string;
}

/** A theme's name and owner by id, in a facet ("all" by default); undefined for an id the taxonomy lacks. */
export type ThemeLookup = (id: string, facet?: string) => ThemeInfo | undefined;

/**
 * The lookup of the taxonomy's themes with their owners: `ownerOf` is the owners map's
 * (owner-resolver.ts), the owner in a facet value where a rule names one; 'unassigned' where none does.
 */
export function themeInfoOf(taxonomy: Taxonomy, ownerOf: (themeId: string, facet?: string) => string | undefined): ThemeLookup {
  const themes = new Map(taxonomy.themes.map((t) => [t.id, t]));
  return (id, facet = 'all') => {
    const theme = themes.get(id);
    return theme === undefined ? undefined : { id, name: theme.name, owner: ownerOf(id, facet) ?? UNASSIGNED, family: theme.parent };
  };
}
