import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Insight } from '../contracts/index.js';
import { analysisLine } from '../core/analysis-line.js';
import type { Store } from '../store/store.js';
import { renderReport } from './report-html.js';
import { runMetric, type RunSummary } from './run-summary.js';

async function writeLines<T>(path: string, docs: AsyncIterable<T>, line: (doc: T) => unknown): Promise<void> {
  const out = createWriteStream(path);
  for await (const doc of docs) if (!out.write(`${JSON.stringify(line(doc))}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** `--out DIR`: insights.json, analyses.jsonl, rejects.jsonl and report.html. */
export async function writeOutputs(dir: string, input: { store: Store; result: RunSummary; insights: Insight[]; title: string }): Promise<void> {
  const { run, rows, summary } = input.result;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'insights.json'), `${JSON.stringify({ ...summary, insights: input.insights }, null, 2)}\n`);
  await writeLines(join(dir, 'analyses.jsonl'), input.store.analyses(run.id), analysisLine);
  await writeLines(join(dir, 'rejects.jsonl'), input.store.rejects(run.id), (r) => r);
  const { metric, line } = runMetric(input.result);
  await writeFile(
    join(dir, 'report.html'),
    renderReport({
      title: input.title,
      runId: run.id,
      counts: run.counts,
      rows,
      insights: input.insights,
      drivers: summary.drivers,
      metric,
      metricLine: line,
      by: summary.by,
      warnings: summary.warnings,
      coverage: summary.coverage,
    }),
  );
}
