import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';

const ATTRIBUTE = 'attributes.';
const NAMED = ['channel', 'segment'] as const;
/** Verbatim fields that exist but are no facet (ids, texts, numbers; time is --bucket). */
const NOT_FACETS = ['id', 'text', 'turns', 'createdAt', 'score', 'customer.id', 'customer.value'];

/**
 * A `--by` value as a facet field: `channel`, `segment` (also `customer.segment`) or
 * `attributes.NAME`. Anything else is refused with what to write instead: a bare NAME is
 * most likely an attribute, a near miss of channel or segment a typo.
 */
export function parseFacetField(raw: string): { field: string } | { problem: string } {
  const value = raw.trim();
  if (value === 'channel' || value === 'segment') return { field: value };
  if (value === 'customer.segment') return { field: 'segment' };
  if (value.startsWith(ATTRIBUTE)) {
    const name = value.slice(ATTRIBUTE.length);
    if (name === '') return { problem: `'${value}' needs an attribute name, e.g. attributes.region` };
    // Facets are stored as "FIELD=VALUE": a name holding '=' could not be told from its value.
    if (name.includes('=')) return { problem: `'${value}': an attribute name with '=' cannot be a facet` };
    return { field: value };
  }
  const base = `'${value}' is not a field to slice by (channel, segment or attributes.NAME)`;
  if (value === '') return { problem: 'an empty field; slice by channel, segment or attributes.NAME' };
  if (NOT_FACETS.some((f) => value === f || value.startsWith(`${f}.`)))
    return { problem: value === 'createdAt' ? `${base}; time is sliced by --bucket` : base };
  const near = NAMED.find((f) => DamerauLevenshteinDistance(value.toLowerCase(), f, { restricted: true }) <= 2);
  return { problem: `${base}; did you mean ${near ?? `attributes.${value}`}?` };
}
