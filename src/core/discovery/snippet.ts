import { stringify } from 'yaml';
import type { RankedPhrase } from './phrases.js';

export interface SnippetInput {
  id: string;
  name: string;
  parent: string;
  description: string;
  phrases: readonly RankedPhrase[];
  /** The words a group's word stands for (variants.ts), written into the patterns as alternatives. */
  variantsOf?: (word: string) => readonly string[];
}

/** Phrase patterns per entry: enough for the wordings of a joined group (join-groups.ts). */
const MAX_PHRASES = 8;
/** At most this many alternatives per word of a pattern: the most frequent variants. */
const MAX_ALTERNATIVES = 4;

/** A phrase pattern must hold this share of the uncovered sentences using it, or it would over-match. */
const PHRASE_PRECISION = 0.5;

/**
 * Match patterns from the group's phrases: two-word phrases as `phrases` (words in order,
 * small gaps, "not" for any negator, as the taxonomy reads them), the most telling first.
 * A single word alone would signal the theme everywhere (taxonomy `lemmas`), and the group's
 * words were only measured on uncovered sentences, so a lone word is used only when the
 * group has no phrase: every entry keeps at least one pattern and loads.
 */
function patternsOf(phrases: readonly RankedPhrase[]): { phrases: string[]; lemmas: string[] } {
  const multi = phrases
    .filter((p) => p.term.includes(' ') && p.precision >= PHRASE_PRECISION)
    .slice(0, MAX_PHRASES)
    .map((p) => p.term);
  if (multi.length > 0) return { phrases: multi, lemmas: [] };
  const top = phrases[0];
  if (!top) return { phrases: [], lemmas: [] };
  return top.term.includes(' ') ? { phrases: [top.term], lemmas: [] } : { phrases: [], lemmas: [top.term] };
}

/**
 * One theme entry as YAML, indented to paste under `themes:` in models/taxonomy.yaml
 * (the yaml library does the quoting, so any phrase or quote stays valid YAML).
 */
export function themeSnippet(input: SnippetInput): string {
  const patterns = patternsOf(input.phrases);
  // "bag lose" matches "luggage lost" too: each word with its variants, as "a|b" alternatives.
  const spell = (pattern: string): string =>
    pattern
      .split(' ')
      .map((w) => (w === 'not' ? w : (input.variantsOf?.(w) ?? [w]).slice(0, MAX_ALTERNATIVES).join('|')))
      .join(' ');
  const phrases = patterns.phrases.map(spell);
  const lemmas = patterns.lemmas.flatMap((l) => (input.variantsOf?.(l) ?? [l]).slice(0, MAX_ALTERNATIVES));
  const entry = {
    id: input.id,
    name: input.name,
    parent: input.parent,
    description: input.description,
    ...(lemmas.length > 0 ? { lemmas } : {}),
    ...(phrases.length > 0 ? { phrases } : {}),
  };
  const yaml = stringify([entry], { lineWidth: 0 });
  return yaml
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * The `--out FILE.yaml` document: a `themes:` list of the suggestions, each entry indented
 * as in models/taxonomy.yaml, so the entries paste under its `themes:` as they are.
 */
export function suggestionsDocument(entries: readonly string[], about: string): string {
  return [
    `# Theme suggestions from frictionlens themes suggest (${about}).`,
    '# Review each entry (name, parent, patterns), then paste the ones you keep under',
    '# `themes:` in your taxonomy. Suggested ids never reuse an existing id, so no theme id changes.',
    "# A theme is owned by its family's team in the owners map (models/owners.yaml) unless a rule names it.",
    ...(entries.length > 0 ? ['themes:', ...entries] : ['themes: []']),
    '',
  ].join('\n');
}
