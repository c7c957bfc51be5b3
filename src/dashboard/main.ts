import { ApiError, apiKey, type DatasetAnswer, getJson } from './api.js';
import { h } from './dom.js';
import { readState, stateHref, type ViewState } from './state.js';
import { filterForm } from './views/filters.js';
import { themeView } from './views/theme.js';
import { runsView } from './views/runs.js';
import { topView } from './views/top.js';

/**
 * The dashboard: a client of the HTTP API only (README "HTTP API"). The URL holds the view
 * and its filters; links are real links (opened in place through the History API, in a new
 * tab as they are), the filters a real form.
 */
const main = document.getElementById('main')!;
const outlines = new Map<string, Promise<DatasetAnswer | null>>();
let datasets: Promise<readonly string[]> | undefined;
let names: Promise<(id: string) => string> | undefined;
/** Bumped on every render, so an answer that arrives after a newer navigation is dropped. */
let renders = 0;

const outlineOf = (dataset: string) => {
  let outline = outlines.get(dataset);
  if (!outline) {
    outline = getJson<DatasetAnswer>(`/datasets/${encodeURIComponent(dataset)}`).catch(() => null);
    outlines.set(dataset, outline);
  }
  return outline;
};

function themeNames(): Promise<(id: string) => string> {
  names ??= getJson<{ themes: Array<{ id: string; name: string }> }>('/taxonomy')
    .then((t) => new Map(t.themes.map((x) => [x.id, x.name])))
    .catch(() => new Map<string, string>())
    .then((byId) => (id: string) => byId.get(id) ?? id);
  return names;
}

function go(next: ViewState, focusHeading: boolean): void {
  const href = stateHref(next);
  if (href !== `${location.pathname}${location.search}`) history.pushState(null, '', href);
  void render(next, focusHeading);
}

async function render(state: ViewState, focusHeading: boolean): Promise<void> {
  const mine = ++renders;
  main.setAttribute('aria-busy', 'true');
  datasets ??= getJson<{ datasets: string[] }>('/datasets')
    .then((d) => d.datasets)
    .catch(() => []);
  const [all, outline, lookup] = await Promise.all([datasets, outlineOf(state.filters.dataset), themeNames()]);
  let content: Node[];
  let live = false;
  try {
    if (state.view === 'runs') {
      const runs = await runsView();
      content = runs.nodes;
      live = runs.running;
    } else content = state.theme ? await themeView(state, lookup) : await topView(state);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      if (mine === renders) showKeyForm(state, error.message);
      return;
    }
    const message = error instanceof ApiError ? error.message : `the dashboard failed: ${(error as Error).message}`;
    content = [h('p', { role: 'alert', class: 'error' }, message)];
  }
  if (mine !== renders) return;
  if (state.view === 'runs') main.replaceChildren(...content);
  else
    main.replaceChildren(
      filterForm(state, all, outline, (next) => go(next, false)),
      ...content,
    );
  main.removeAttribute('aria-busy');
  // Live progress: while a run runs, its row is read again every 2 s (until another view is shown).
  if (live)
    setTimeout(() => {
      if (mine === renders) void render(state, false);
    }, 2_000);
  // After following a link, focus moves to the new view's heading, as a page load would put it
  // at the top; after applying the filters it stays on the form.
  const heading = main.querySelector('h2');
  if (focusHeading && heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/** The server asks for a key: a form for one (its value never goes in the URL). */
function showKeyForm(state: ViewState, reason: string): void {
  const input = h('input', { id: 'api-key', name: 'key', type: 'password', autocomplete: 'off', required: true, size: 40 });
  const form = h(
    'form',
    { class: 'key-form' },
    h('h2', {}, 'API key'),
    h('p', { role: 'alert' }, reason),
    h('label', { for: 'api-key' }, 'Key (frictionlens keys create --scope insights:read)'),
    input,
    h('button', { type: 'submit' }, 'Use this key'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apiKey.set(input.value.trim());
    // Answers fetched without the key (or with the last one) are not kept.
    datasets = undefined;
    names = undefined;
    outlines.clear();
    void render(state, true);
  });
  main.replaceChildren(form);
  main.removeAttribute('aria-busy');
  input.focus();
}

// Links inside the app change the view without a page load; modified clicks (new tab, new
// window) and links elsewhere are left to the browser.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a[data-nav]');
  if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go(readState(new URL(link.href).search), true);
});
window.addEventListener('popstate', () => void render(readState(location.search), true));
void render(readState(location.search), false);
