import type { Analysis } from '../../contracts/index.js';

/**
 * The facets a verbatim belongs to: always "all", plus "FIELD=VALUE" for each `by` field
 * the verbatim has a value for. Fields: channel, segment (customer.segment), any
 * attributes.NAME (or a bare NAME of an attribute).
 */
export function facetsOf(analysis: Pick<Analysis, 'channel' | 'customer' | 'attributes'>, by: readonly string[]): string[] {
  const facets = ['all'];
  for (const field of by) {
    const value = facetValue(analysis, field);
    if (value !== undefined && value !== '') facets.push(`${field}=${value}`);
  }
  return facets;
}

function facetValue(a: Pick<Analysis, 'channel' | 'customer' | 'attributes'>, field: string): string | undefined {
  if (field === 'channel') return a.channel;
  if (field === 'segment' || field === 'customer.segment') return a.customer?.segment;
  const name = field.startsWith('attributes.') ? field.slice('attributes.'.length) : field;
  return a.attributes?.[name];
}
