import uPlot from 'uplot';
import type { ThemeDetail } from '../api.js';
import { h } from '../dom.js';

type Series = ThemeDetail['series'];

const LINE = '#1d4ed8';
const SPIKE = '#b91c1c';
const HEIGHT = 240;

/**
 * A theme's share of verbatims by bucket (uPlot), spikes drawn as red points on the line. The
 * chart is a picture of the table below it (aria-hidden), which keyboard and screen-reader
 * users read instead; it follows its container's width.
 */
export function trendChart(series: Series): HTMLElement {
  const holder = h('div', { class: 'chart', 'aria-hidden': 'true', 'data-testid': 'trend-chart' });
  const xs = series.map((p) => Date.parse(`${p.bucket}T00:00:00Z`) / 1000);
  const shares = series.map((p) => p.share * 100);
  const spikes = series.map((p) => (p.spike ? p.share * 100 : null));
  const options: uPlot.Options = {
    width: 600,
    height: HEIGHT,
    scales: { x: { time: true } },
    series: [
      {},
      { label: 'share (%)', stroke: LINE, width: 2, points: { show: true, size: 5 }, value: (_u, v) => (v === null ? '' : `${v.toFixed(1)}%`) },
      { label: 'spike', stroke: SPIKE, width: 0, paths: () => null, points: { show: true, size: 11, fill: SPIKE, stroke: SPIKE } },
    ],
    axes: [{}, { label: 'share of verbatims (%)', size: 60 }],
  };
  const plot = new uPlot(options, [xs, shares, spikes], holder);
  // Sized once attached (the width is the container's), then on every resize; released when
  // the view is replaced (a detached element reports one last resize).
  const observer = new ResizeObserver(() => {
    if (!holder.isConnected) {
      observer.disconnect();
      plot.destroy();
      return;
    }
    const width = Math.max(280, holder.clientWidth);
    if (width !== plot.width) plot.setSize({ width, height: HEIGHT });
  });
  observer.observe(holder);
  return holder;
}
