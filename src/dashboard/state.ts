/**
 * The dashboard's state lives in the URL's query string, so every view is a link to share:
 * `?theme=ID` opens a theme's page, the rest are the filters the API takes (dataset, from,
 * to, one facet: channel, segment or attr.NAME) and the table's sort and length.
 */
export const SORTS = ['friction', 'impact', 'volume', 'trend'] as const;
const FACET_PARAM = /^(channel|segment|attr\.[^[\]=]{1,100})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_DATASET = 'default';
const DEFAULT_LIMIT = 15;

export interface Facet {
  param: string;
  value: string;
}

export interface Filters {
  dataset: string;
  from?: string;
  to?: string;
  facet?: Facet;
}

export interface ViewState {
  filters: Filters;
  sort: (typeof SORTS)[number];
  limit: number;
  /** Set: the theme's page; unset: the top themes. */
  theme?: string;
  /** 'runs': the runs and their progress (`?view=runs`). */
  view?: 'runs';
}

export function readState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const filters: Filters = { dataset: q.get('dataset') || DEFAULT_DATASET };
  const from = q.get('from');
  const to = q.get('to');
  if (from && DAY.test(from)) filters.from = from;
  if (to && DAY.test(to)) filters.to = to;
  for (const [param, value] of q) if (FACET_PARAM.test(param) && value !== '') filters.facet ??= { param, value };
  const sort = SORTS.find((s) => s === q.get('sort')) ?? 'friction';
  const limit = Number(q.get('limit'));
  const theme = q.get('theme');
  if (q.get('view') === 'runs') return { filters, sort, limit: DEFAULT_LIMIT, view: 'runs' };
  return {
    filters,
    sort,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 1000 ? limit : DEFAULT_LIMIT,
    ...(theme ? { theme } : {}),
  };
}

/** The filters as API parameters (and as the URL holds them). */
export function filterParams(filters: Filters): URLSearchParams {
  const q = new URLSearchParams();
  if (filters.dataset !== DEFAULT_DATASET) q.set('dataset', filters.dataset);
  if (filters.from) q.set('from', filters.from);
  if (filters.to) q.set('to', filters.to);
  if (filters.facet) q.set(filters.facet.param, filters.facet.value);
  return q;
}

/** The link to a state: defaults left out, so links stay short. */
export function stateHref(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.view === 'runs') return '/?view=runs';
  if (state.theme) q.set('theme', state.theme);
  for (const [k, v] of filterParams(state.filters)) q.set(k, v);
  if (state.sort !== 'friction') q.set('sort', state.sort);
  if (state.limit !== DEFAULT_LIMIT) q.set('limit', String(state.limit));
  const s = q.toString();
  return s ? `/?${s}` : '/';
}

/** A facet as the filter form's select holds it: "PARAM=VALUE" (a param never holds '='). */
export const facetOption = (f: Facet): string => `${f.param}=${f.value}`;

export function parseFacetOption(option: string): Facet | undefined {
  const at = option.indexOf('=');
  if (at < 1) return undefined;
  const param = option.slice(0, at);
  return FACET_PARAM.test(param) ? { param, value: option.slice(at + 1) } : undefined;
}
