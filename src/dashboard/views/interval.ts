import { h, svg } from '../dom.js';

/** The span an interval graphic draws, shared by the rows of one table so they compare. */
export interface Scale {
  min: number;
  max: number;
}

/** A scale that holds every interval and zero. */
export function scaleOf(intervals: ReadonlyArray<readonly [number, number]>): Scale {
  let min = 0;
  let max = 0;
  for (const [lo, hi] of intervals) {
    min = Math.min(min, lo);
    max = Math.max(max, hi);
  }
  return min === max ? { min: min - 1, max: max + 1 } : { min, max };
}

const WIDTH = 120;
const HEIGHT = 16;

/**
 * An estimate with its 95% interval as a small forest-plot mark: the zero line, the interval
 * and the point. Decorative (aria-hidden): the figures are written next to it.
 */
function intervalMark(value: number, ci: readonly [number, number], scale: Scale): SVGElement {
  const x = (v: number) => ((v - scale.min) / (scale.max - scale.min)) * (WIDTH - 8) + 4;
  const tone = ci[1] < 0 ? 'neg' : ci[0] > 0 ? 'pos' : 'flat';
  const mark = svg(
    'svg',
    { width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: `interval ${tone}`, 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: x(0), x2: x(0), y1: 1, y2: HEIGHT - 1, class: 'zero' }),
    svg('line', { x1: x(ci[0]), x2: x(ci[1]), y1: HEIGHT / 2, y2: HEIGHT / 2, class: 'ci' }),
    svg('circle', { cx: x(value), cy: HEIGHT / 2, r: 3.5, class: 'point' }),
  );
  return mark;
}

/** An estimate written out ("−8.9 [−11.1, −6.6]") with its mark, the marks of a column aligned. */
export function estimate(text: string, value: number, ci: readonly [number, number], scale: Scale): HTMLElement {
  return h('span', { class: 'with-mark' }, h('span', { class: 'figure' }, text), intervalMark(value, ci, scale));
}
