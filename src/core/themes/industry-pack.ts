import { z } from 'zod';
import { OwnersMap } from '../routing/owners-map.js';
import { parseYamlDocument } from '../parse-yaml.js';
import { Family, Taxonomy, TaxonomyError, Theme } from './taxonomy.js';

/**
 * An industry pack (models/packs/NAME.yaml, README "Industry packs"): the families, themes,
 * context lists and owners one industry adds to the core taxonomy. Its themes follow the
 * core's schema and may name the core's context lists; its owners are an owners map's
 * teams and rules, so a pack brings the teams that own what it adds.
 */
export const IndustryPack = z.object({
  /** The pack's name: the file's NAME, what `--industry` names. */
  pack: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"'),
  /** Bumped whenever a theme id's meaning changes; an id is never reused for another meaning. */
  version: z.union([z.string(), z.number()]).transform(String),
  description: z.string().default(''),
  contexts: Taxonomy.shape.contexts,
  families: z.array(Family).default([]),
  themes: z.array(Theme).min(1, 'at least one theme'),
  owners: OwnersMap.omit({ version: true }).optional(),
});
export type IndustryPack = z.infer<typeof IndustryPack>;

/**
 * Validates a pack document on its own (its schema, and that it calls itself `name`, the file's
 * name); whether its parents and contexts exist is compose-taxonomy.ts's check, against the core.
 */
export function parseIndustryPack(yamlText: string, name: string): IndustryPack {
  const pack = parseYamlDocument(yamlText, IndustryPack, 'industry pack', (message) => new TaxonomyError(message));
  if (pack.pack !== name) throw new TaxonomyError(`industry pack: pack: "${pack.pack}" is not the file's name "${name}"`);
  return pack;
}
