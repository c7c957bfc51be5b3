import { type AnalysesAnswer, getJson, type ThemeDetail } from '../api.js';
import { h } from '../dom.js';
import { day, int, metricDisplay, money, pct, pp, signed } from '../format.js';
import { filterParams, stateHref, type ViewState } from '../state.js';
import { analysisCard } from './analysis.js';
import { estimate, scaleOf } from './interval.js';
import { scroller } from './top.js';
import { trendChart } from './trend-chart.js';

const PAGE = 20;

function summary(detail: ThemeDetail): HTMLElement {
  const o = detail.overall;
  if (!o) return h('p', {}, `No mention of this theme in ${detail.facet} over the whole dataset.`);
  const display = o.impact ? metricDisplay(o.impact.metric) : null;
  const figures: Array<[string, string]> = [
    ['Volume', int(o.volume)],
    ['Share of verbatims', pct(o.share)],
    ['Negative mentions', pct(o.negativeShare, 0)],
    ['Mean sentiment', signed(o.sentiment)],
    [
      `Impact on ${display?.name ?? 'the score'} [95% CI]`,
      o.impact && display ? `${display.show(o.impact.value)} [${display.show(o.impact.ci[0])}, ${display.show(o.impact.ci[1])}]` : '\u2014',
    ],
    ['Revenue at risk', money(o.revenueAtRisk)],
    ['Churn intent', pct(o.churnShare)],
    ['Friction score', o.frictionScore.toFixed(1)],
  ];
  return h('dl', { class: 'figures' }, ...figures.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
}

function trendSection(detail: ThemeDetail): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'trend-title' }, h('h2', { id: 'trend-title' }, 'Trend'));
  if (detail.series.length === 0) {
    section.append(h('p', {}, 'No dated bucket in this window.'));
    return section;
  }
  const spikes = detail.series.filter((p) => p.spike);
  section.append(
    trendChart(detail.series),
    h(
      'p',
      { 'data-testid': 'spikes' },
      spikes.length === 0
        ? 'No spike in this window.'
        : `Spikes (marked in red): ${spikes.map((p) => `${p.bucket} (${pct(p.share)}, ${p.change === null ? 'first bucket' : pp(p.change)})`).join('; ')}.`,
    ),
    h(
      'details',
      {},
      h('summary', {}, 'The series as a table'),
      scroller(
        'Series by bucket',
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...['Bucket', 'Volume', 'Share', 'Change', 'Negative', 'Friction', 'Spike'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            ...detail.series.map((p) =>
              h(
                'tr',
                { class: p.spike ? 'is-spike' : null },
                h('th', { scope: 'row' }, p.bucket),
                h('td', { class: 'num' }, int(p.volume)),
                h('td', { class: 'num' }, pct(p.share)),
                h('td', { class: 'num' }, p.change === null ? '\u2014' : pp(p.change)),
                h('td', { class: 'num' }, pct(p.negativeShare, 0)),
                h('td', { class: 'num' }, p.frictionScore.toFixed(1)),
                h('td', {}, p.spike ? 'SPIKE' : ''),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  return section;
}

function impactSection(detail: ThemeDetail): HTMLElement {
  const scored = detail.impactByFacet.flatMap((f) => (f.impact ? [f.impact] : []));
  const display = scored[0] ? metricDisplay(scored[0].metric) : null;
  const scale = scaleOf(scored.map((i) => i.ci));
  const section = h(
    'section',
    { 'aria-labelledby': 'impact-title' },
    h('h2', { id: 'impact-title' }, `Impact${display ? ` on ${display.name}` : ''} by facet`),
  );
  section.append(
    scroller(
      'Impact by facet',
      h(
        'table',
        { 'data-testid': 'impact-by-facet' },
        h('caption', {}, 'Score with the theme minus score without it, whole dataset, with its 95% bootstrap interval'),
        h('thead', {}, h('tr', {}, ...['Facet', 'Volume', 'Impact [95% CI]'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          {},
          ...detail.impactByFacet.map((f) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, f.facet),
              h('td', { class: 'num' }, int(f.volume)),
              h(
                'td',
                { class: 'impact' },
                f.impact && display
                  ? estimate(
                      `${display.show(f.impact.value)} [${display.show(f.impact.ci[0])}, ${display.show(f.impact.ci[1])}]`,
                      f.impact.value,
                      f.impact.ci,
                      scale,
                    )
                  : 'too few scored responses',
              ),
            ),
          ),
        ),
      ),
    ),
  );
  if (detail.driver) {
    const d = detail.driver;
    const show = display?.show ?? ((v: number) => v.toFixed(2));
    section.append(
      h(
        'p',
        { 'data-testid': 'driver' },
        `Key driver: its negative mentions cost ${show(d.attribution)} [${show(d.ci[0])}, ${show(d.ci[1])}] of the mean ${display?.name ?? 'score'} (support ${int(d.support)} responses, among the top drivers in ${pct(d.stability, 0)} of bootstrap replicates).`,
      ),
    );
  }
  return section;
}

function quotesSection(detail: ThemeDetail): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'quotes-title' },
    h('h2', { id: 'quotes-title' }, 'Quotes'),
    detail.quotes.length === 0
      ? h('p', {}, 'No quote.')
      : h(
          'ul',
          { class: 'quotes', 'data-testid': 'quotes' },
          ...detail.quotes.map((q) =>
            h(
              'li',
              {},
              h('blockquote', {}, q.text),
              h('p', { class: 'meta' }, `${q.verbatimId} \u00b7 ${q.channel} \u00b7 ${day(q.createdAt)} \u00b7 sentiment ${signed(q.sentiment)}`),
            ),
          ),
        ),
  );
}

/** The themes most often mentioned in the same verbatims (whole dataset), each a link to its page. */
function togetherSection(detail: ThemeDetail, state: ViewState): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'together-title' },
    h('h2', { id: 'together-title' }, 'Mentioned with'),
    detail.cooccurring.length === 0
      ? h('p', {}, 'No other theme in the same verbatims.')
      : h(
          'ul',
          { class: 'together', 'data-testid': 'cooccurring' },
          ...detail.cooccurring.map((c) =>
            h(
              'li',
              { 'data-theme': c.id },
              h('a', { href: stateHref({ ...state, theme: c.id }), 'data-nav': true }, c.name),
              ` · ${int(c.volume)} verbatims, ${pct(c.share)} of this theme's (whole dataset)`,
            ),
          ),
        ),
  );
}

/** The analyses behind the theme, a page at a time ("More analyses" follows the API's cursor). */
function analysesSection(
  first: AnalysesAnswer,
  state: ViewState,
  more: (cursor: string) => Promise<AnalysesAnswer>,
  names: (id: string) => string,
): HTMLElement {
  const themeId = state.theme!;
  const list = h('div', { class: 'analyses', 'data-testid': 'analyses' });
  const status = h('p', { role: 'status', class: 'hint' });
  const button = h('button', { type: 'button' }, 'More analyses');
  let shown = 0;
  const add = (page: AnalysesAnswer) => {
    list.append(...page.items.map((item) => analysisCard(item, themeId, state, names)));
    shown += page.items.length;
    status.textContent = shown === 0 ? 'No analysis matches these filters.' : `${shown} analyses shown${page.next ? '' : ' (all of them)'}.`;
    button.hidden = page.next === null;
    next = page.next;
  };
  let next: string | null = null;
  button.addEventListener('click', async () => {
    if (!next) return;
    button.disabled = true;
    try {
      add(await more(next));
    } catch (error) {
      status.textContent = `Could not load more: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  add(first);
  return h(
    'section',
    { 'aria-labelledby': 'analyses-title' },
    h('h2', { id: 'analyses-title' }, 'The analyses behind it'),
    h(
      'p',
      { class: 'hint' },
      'Redacted verbatims that mention the theme, in file order; the words it was found in are marked, each sentence carries its sentiment. The window filters by the day each verbatim was written.',
    ),
    list,
    status,
    button,
  );
}

/** A theme's page: its figures, trend with spikes, impact by facet and driver, quotes, analyses. */
export async function themeView(state: ViewState, names: (id: string) => string): Promise<Node[]> {
  const themeId = state.theme!;
  const params = filterParams(state.filters);
  const analysesParams = (cursor: string) => {
    const q = filterParams(state.filters);
    q.set('theme', themeId);
    q.set('limit', String(PAGE));
    q.set('cursor', cursor);
    return q;
  };
  const [detail, analyses] = await Promise.all([
    getJson<ThemeDetail>(`/themes/${encodeURIComponent(themeId)}`, params),
    getJson<AnalysesAnswer>('/analyses', analysesParams('0')),
  ]);
  document.title = `${detail.name} \u2014 frictionlens`;
  const back = { ...state };
  delete back.theme;
  return [
    h(
      'section',
      { 'aria-labelledby': 'theme-title', class: 'theme-head' },
      h('p', {}, h('a', { href: stateHref(back), 'data-nav': true }, '\u2190 Top friction themes')),
      h('h2', { id: 'theme-title', tabindex: -1 }, detail.name),
      h('p', { class: 'meta' }, `${detail.id} \u00b7 owner ${detail.owner} \u00b7 ${detail.facet === 'all' ? 'all verbatims' : detail.facet}`),
      summary(detail),
    ),
    trendSection(detail),
    impactSection(detail),
    quotesSection(detail),
    togetherSection(detail, state),
    analysesSection(analyses, state, (cursor) => getJson<AnalysesAnswer>('/analyses', analysesParams(cursor)), names),
  ];
}
