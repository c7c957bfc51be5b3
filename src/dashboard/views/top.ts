import type { Coverage } from '../../contracts/index.js';
import { isLowCoverage } from '../../core/insights/low-coverage.js';
import { getJson, type ThemeRow, type TopThemesAnswer } from '../api.js';
import { h } from '../dom.js';
import { int, metricDisplay, money, pct, pp, type MetricDisplay } from '../format.js';
import { filterParams, stateHref, type ViewState } from '../state.js';
import { estimate, scaleOf } from './interval.js';

const MORE = 15;

/** A wide table in a box that scrolls sideways on a phone, reachable by keyboard. */
export const scroller = (label: string, table: HTMLTableElement): HTMLElement =>
  h('div', { class: 'scroll', role: 'region', 'aria-label': label, tabindex: 0 }, table);

/** The display of the metric the rows' impacts (or, without them, nothing) are measured on. */
function displayOf(rows: readonly ThemeRow[]): MetricDisplay | null {
  const metric = rows.find((r) => r.impact)?.impact?.metric;
  return metric ? metricDisplay(metric) : null;
}

function themesTable(answer: TopThemesAnswer, state: ViewState, display: MetricDisplay | null): HTMLTableElement {
  const scale = scaleOf(answer.themes.flatMap((r) => (r.impact ? [r.impact.ci] : [])));
  const where = answer.facet === 'all' ? 'all verbatims' : answer.facet;
  const when = answer.window ? `buckets ${answer.window.from} to ${answer.window.to}` : 'the whole dataset';
  const head = ['#', 'Theme', 'Owner', 'Volume', 'Share', 'Negative', `Impact${display ? ` on ${display.name}` : ''} [95% CI]`, 'At risk', 'Trend', 'Friction'];
  const cls = ['num', '', 'owner', 'num', 'num', 'num', 'impact', 'num risk', 'trend', 'num'];
  return h(
    'table',
    { class: 'themes', 'data-testid': 'top-themes' },
    h('caption', {}, `Top friction themes of dataset ${answer.dataset}: ${where}, ${when}, by ${answer.sort}`),
    h('thead', {}, h('tr', {}, ...head.map((text, i) => h('th', { scope: 'col', class: cls[i] }, text)))),
    h(
      'tbody',
      {},
      ...answer.themes.map((row) =>
        h(
          'tr',
          { 'data-theme': row.id },
          h('td', { class: 'num' }, row.rank),
          h('th', { scope: 'row' }, h('a', { href: stateHref({ ...state, theme: row.id }), 'data-nav': true }, row.name)),
          h('td', { class: 'owner' }, row.owner),
          h('td', { class: 'num' }, int(row.volume)),
          h('td', { class: 'num' }, pct(row.share)),
          h('td', { class: 'num' }, pct(row.negativeShare, 0)),
          h(
            'td',
            { class: 'impact' },
            row.impact && display
              ? estimate(
                  `${display.show(row.impact.value)} [${display.show(row.impact.ci[0])}, ${display.show(row.impact.ci[1])}]`,
                  row.impact.value,
                  row.impact.ci,
                  scale,
                )
              : h('span', { title: 'no impact: a window of several buckets is combined without it, or too few scored responses' }, '\u2014'),
          ),
          h('td', { class: 'num risk' }, money(row.revenueAtRisk)),
          h('td', { class: 'trend' }, row.trend ? pp(row.trend.change) : '\u2014', row.trend?.spike ? h('span', { class: 'spike' }, 'SPIKE') : null),
          h('td', { class: 'num' }, row.frictionScore.toFixed(1)),
        ),
      ),
    ),
  );
}

/** Key-driver attribution of the themes shown, most costly first (README "Insight formulas"). */
function driversSection(rows: readonly ThemeRow[], state: ViewState, display: MetricDisplay | null): HTMLElement {
  const drivers = rows.flatMap((r) => (r.driver ? [{ row: r, driver: r.driver }] : [])).sort((a, b) => a.driver.attribution - b.driver.attribution);
  const section = h(
    'section',
    { 'aria-labelledby': 'drivers-title' },
    h('h2', { id: 'drivers-title' }, 'Key drivers'),
    h(
      'p',
      { class: 'hint' },
      `What each theme's negative mentions cost the mean ${display?.name ?? 'score'}, the other themes held fixed (a ridge regression over the whole dataset; stability: share of bootstrap replicates in which it ranks among the top drivers).`,
    ),
  );
  if (drivers.length === 0) {
    section.append(
      h('p', {}, 'No key drivers for these rows: they are computed over all verbatims of the whole dataset (no window, no facet), on a scored metric.'),
    );
    return section;
  }
  const scale = scaleOf(drivers.map((d) => d.driver.ci));
  const show = display?.show ?? ((v: number) => v.toFixed(2));
  const table = h(
    'table',
    { class: 'drivers', 'data-testid': 'key-drivers' },
    h('caption', {}, 'Key-driver attribution [95% CI]'),
    h('thead', {}, h('tr', {}, ...['Theme', 'Attribution [95% CI]', 'Support', 'Stability'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...drivers.map(({ row, driver }) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('a', { href: stateHref({ ...state, theme: row.id }), 'data-nav': true }, row.name)),
          h(
            'td',
            { class: 'impact' },
            estimate(`${show(driver.attribution)} [${show(driver.ci[0])}, ${show(driver.ci[1])}]`, driver.attribution, driver.ci, scale),
          ),
          h('td', { class: 'num' }, int(driver.support)),
          h('td', { class: 'num' }, pct(driver.stability, 0)),
        ),
      ),
    ),
  );
  section.append(scroller('Key drivers', table));
  return section;
}

/** How much the themes explain (whole dataset), and the way to the rest when it is too little. */
function coverageNote(c: Coverage): HTMLElement {
  const low = isLowCoverage(c);
  return h(
    'p',
    { class: low ? 'coverage low' : 'coverage', 'data-testid': 'coverage', ...(low ? { role: 'note' } : {}) },
    `Coverage (whole dataset): ${pct(c.share)} of verbatims and ${pct(c.negativeShare)} of negative verbatims mention a theme.`,
    low
      ? ` The taxonomy misses much of what customers complain about: run 'frictionlens themes suggest FILE...' (or --run ID) for candidate themes from the ${int(c.negative - c.themedNegative)} negative verbatims it did not cover.`
      : '',
  );
}

/** The top themes view: the ranked table for the filters, then the key drivers. */
export async function topView(state: ViewState): Promise<Node[]> {
  const params = filterParams(state.filters);
  params.set('sort', state.sort);
  params.set('limit', String(state.limit));
  const answer = await getJson<TopThemesAnswer>('/themes/top', params);
  document.title = 'Top friction themes \u2014 frictionlens';
  const display = displayOf(answer.themes);
  const themes = h('section', { 'aria-labelledby': 'top-title' }, h('h2', { id: 'top-title' }, 'Top friction themes'));
  if (answer.coverage) themes.append(coverageNote(answer.coverage));
  if (answer.themes.length === 0) themes.append(h('p', { role: 'status' }, 'No theme is mentioned in this window and facet.'));
  else themes.append(scroller('Top friction themes', themesTable(answer, state, display)));
  if (answer.themes.length === state.limit && state.limit + MORE <= 1000)
    themes.append(h('p', {}, h('a', { href: stateHref({ ...state, limit: state.limit + MORE }), 'data-nav': true }, `Show ${MORE} more`)));
  return [themes, driversSection(answer.themes, state, display)];
}
