import type { Insight } from '../../contracts/index.js';

const ATTRIBUTE = 'attributes.';

/** One facet field of a dataset and the values its verbatims carry. */
interface FacetOutline {
  /** As stored: "channel", "segment", "attributes.NAME". */
  field: string;
  /** The query parameter that slices by it: "channel", "segment", "attr.NAME". */
  param: string;
  values: string[];
}

/** What a dataset can be asked about: its bucket size, the buckets it spans, its facets. */
export interface DatasetOutline {
  bucketSize: string | null;
  /** First and last bucket start (YYYY-MM-DD); null when every verbatim is undated. */
  buckets: { first: string; last: string } | null;
  facets: FacetOutline[];
}

/**
 * The outline of a dataset from its insights: what a client offers as filters (the window
 * and the facet values that exist) without guessing them from ranked rows, which name only the
 * values where a top theme was mentioned.
 */
export function datasetOutline(insights: readonly Insight[]): DatasetOutline {
  const buckets = new Set<string>();
  const values = new Map<string, Set<string>>();
  for (const i of insights) {
    if (i.bucket !== '*') buckets.add(i.bucket);
    if (i.facet === 'all') continue;
    const at = i.facet.indexOf('=');
    const field = i.facet.slice(0, at);
    (values.get(field) ?? values.set(field, new Set()).get(field)!).add(i.facet.slice(at + 1));
  }
  const sorted = [...buckets].sort();
  return {
    bucketSize: insights[0]?.bucketSize ?? null,
    buckets: sorted.length > 0 ? { first: sorted[0]!, last: sorted[sorted.length - 1]! } : null,
    facets: [...values.keys()].sort().map((field) => ({
      field,
      param: field.startsWith(ATTRIBUTE) ? `attr.${field.slice(ATTRIBUTE.length)}` : field,
      values: [...values.get(field)!].sort(),
    })),
  };
}
