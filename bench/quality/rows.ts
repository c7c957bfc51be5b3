/**
 * The rows of the quality table. The bench fills `qualityRows`; other benches add theirs by
 * pushing a producer onto `extraRowProducers` (e.g. rating drivers on
 * womens_clothing_reviews) from a module that bench/quality.bench.ts imports. Producers run
 * after the built-in tasks and their rows are printed in the same table.
 */
export interface QualityRow {
  task: string;
  /** Which split trained it and which scored it. */
  data: string;
  system: string;
  accuracy?: number;
  macroF1?: number;
  /** Any other figure, already formatted (e.g. "micro-F1 0.71", "oos recall 0.62"). */
  other?: string;
  /** Wall seconds to train (or score, for zero-shot) where measured. */
  seconds?: number;
}

export const qualityRows: QualityRow[] = [];

export type RowProducer = (datasetsDir: string, say: (line: string) => void) => Promise<QualityRow[]>;

export const extraRowProducers: RowProducer[] = [];

const num = (x: number | undefined): string => (x === undefined ? '' : x.toFixed(4));

/** Rows grouped by task (tasks in order of first appearance, rows in insertion order within one). */
function groupByTask(rows: readonly QualityRow[]): QualityRow[] {
  const order = [...new Set(rows.map((r) => r.task))];
  return order.flatMap((task) => rows.filter((r) => r.task === task));
}

export function renderMarkdown(rows: readonly QualityRow[]): string {
  const head = '| task | train / test | system | accuracy | macro-F1 | other | seconds |';
  const rule = '|---|---|---|---:|---:|---|---:|';
  let previous = '';
  const body = groupByTask(rows).map((r) => {
    // The task and split are named once per group, which keeps the table readable.
    const first = r.task !== previous;
    previous = r.task;
    const task = first ? r.task : '';
    return `| ${task} | ${r.data} | ${r.system} | ${num(r.accuracy)} | ${num(r.macroF1)} | ${r.other ?? ''} | ${r.seconds === undefined ? '' : r.seconds.toFixed(1)} |`;
  });
  return [head, rule, ...body].join('\n');
}
