import { getJson } from '../api.js';
import { h } from '../dom.js';
import { int } from '../format.js';
import { scroller } from './top.js';

interface Counts {
  read: number;
  analyzed: number;
  rejected: number;
  duplicates: number;
}

interface RunItem {
  id: string;
  dataset: string;
  status: string;
  counts: Counts;
  startedAt?: string;
  progress?: { batches: number; counts: Counts };
  error?: string;
}

/** The runs, newest first: a running one with the rows its stored batches hold so far. */
export async function runsView(): Promise<{ nodes: Node[]; running: boolean }> {
  const { runs } = await getJson<{ runs: RunItem[] }>('/runs');
  const running = runs.some((r) => r.status === 'running' || r.status === 'queued' || r.status === 'aggregating');
  const head = ['Run', 'Dataset', 'Status', 'Started', 'Read', 'Analysed', 'Rejected', 'Duplicates'];
  const table = h(
    'table',
    { class: 'runs', 'data-testid': 'runs' },
    h('caption', {}, running ? 'Runs, newest first (updated every 2 s while one runs)' : 'Runs, newest first'),
    h('thead', {}, h('tr', {}, ...head.map((text, i) => h('th', { scope: 'col', class: i >= 4 ? 'num' : '' }, text)))),
    h(
      'tbody',
      {},
      ...runs.map((r) => {
        // A running run's own counts are set when it is aggregated: its stored batches say more.
        const c = r.progress?.counts ?? r.counts;
        return h(
          'tr',
          { 'data-run': r.id, 'data-status': r.status },
          h('th', { scope: 'row' }, r.id),
          h('td', {}, r.dataset),
          h(
            'td',
            {},
            r.status,
            r.progress ? ` (${int(r.progress.batches)} batches stored)` : '',
            r.error ? h('span', { class: 'error' }, ` ${r.error}`) : null,
          ),
          h('td', {}, r.startedAt ? r.startedAt.slice(0, 16).replace('T', ' ') : '\u2014'),
          h('td', { class: 'num' }, int(c.read)),
          h('td', { class: 'num' }, int(c.analyzed)),
          h('td', { class: 'num' }, int(c.rejected)),
          h('td', { class: 'num' }, int(c.duplicates)),
        );
      }),
    ),
  );
  return { nodes: [h('h2', {}, 'Runs'), runs.length ? scroller('Runs', table) : h('p', {}, 'No run yet.')], running };
}
