import type { DatasetAnswer } from '../api.js';
import { h } from '../dom.js';
import { facetOption, parseFacetOption, SORTS, stateHref, type ViewState } from '../state.js';

/**
 * The filter form: dataset, window, one facet (the values the dataset holds, from
 * /api/v1/datasets/:name) and, on the top themes, the sort. Applying it changes the URL.
 */
export function filterForm(state: ViewState, datasets: readonly string[], outline: DatasetAnswer | null, apply: (next: ViewState) => void): HTMLFormElement {
  const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('small', { id: `${id}-hint` }, hint) : null);

  const dataset = h('select', { id: 'f-dataset', name: 'dataset' });
  for (const name of datasets.includes(state.filters.dataset) ? datasets : [state.filters.dataset, ...datasets])
    dataset.append(h('option', { value: name, selected: name === state.filters.dataset }, name));

  const bounds = { min: outline?.buckets?.first, max: outline?.buckets?.last };
  const from = h('input', { id: 'f-from', name: 'from', type: 'date', value: state.filters.from ?? '', ...bounds, 'aria-describedby': 'f-window-hint' });
  const to = h('input', { id: 'f-to', name: 'to', type: 'date', value: state.filters.to ?? '', ...bounds, 'aria-describedby': 'f-window-hint' });

  const facet = h('select', { id: 'f-facet', name: 'facet' }, h('option', { value: '' }, 'All verbatims'));
  const current = state.filters.facet ? facetOption(state.filters.facet) : '';
  let found = current === '';
  for (const f of outline?.facets ?? []) {
    const group = h('optgroup', { label: f.field });
    for (const value of f.values) {
      const option = facetOption({ param: f.param, value });
      found ||= option === current;
      group.append(h('option', { value: option, selected: option === current }, `${f.field}: ${value}`));
    }
    facet.append(group);
  }
  // A facet from a shared link that the dataset does not list still shows (the API will say why).
  if (!found) facet.append(h('option', { value: current, selected: true }, current));

  const sort = h('select', { id: 'f-sort', name: 'sort' });
  for (const s of SORTS) sort.append(h('option', { value: s, selected: s === state.sort }, s));

  const bucketWord = outline?.bucketSize ?? 'time';
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filters' },
    field('f-dataset', 'Dataset', dataset),
    field('f-from', 'From', from),
    field('f-to', 'To', to),
    field('f-facet', 'Facet', facet),
    state.theme ? null : field('f-sort', 'Sort by', sort),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Apply'),
      h(
        'a',
        {
          href: stateHref({ filters: { dataset: state.filters.dataset }, sort: 'friction', limit: 15, ...(state.theme ? { theme: state.theme } : {}) }),
          'data-nav': true,
        },
        'Reset',
      ),
    ),
    h(
      'p',
      { id: 'f-window-hint', class: 'hint' },
      outline?.buckets
        ? `The window selects the ${bucketWord} buckets that start between From and To (data: ${outline.buckets.first} to ${outline.buckets.last}); empty: the whole dataset.`
        : 'Empty window: the whole dataset.',
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosenFacet = parseFacetOption(facet.value);
    apply({
      ...state,
      filters: {
        dataset: dataset.value,
        ...(from.value ? { from: from.value } : {}),
        ...(to.value ? { to: to.value } : {}),
        ...(chosenFacet ? { facet: chosenFacet } : {}),
      },
      sort: SORTS.find((s) => s === sort.value) ?? state.sort,
    });
  });
  return form;
}
