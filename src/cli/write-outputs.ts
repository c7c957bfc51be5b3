import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Analysis, Insight } from '../contracts/index.js';
import type { Store } from '../store/store.js';
import { renderReport } from './report-html.js';
import { runMetric, type RunSummary } from './run-summary.js';

async function writeLines<T>(path: string, docs: AsyncIterable<T>, line: (doc: T) => unknown): Promise<void> {
  const out = createWriteStream(path);
  for await (const doc of docs) if (!out.write(`${JSON.stringify(line(doc))}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/**
 * One line of analyses.jsonl: what a verbatim became, with what to pivot on in a
 * spreadsheet or a notebook: the redacted customer text (the words every figure comes
 * from) and the score, customer and attributes as mapped from the source. Sentence spans
 * and evidence spans (character offsets into `text`) let a reader mark the words a theme
 * was found in and each sentence's sentiment (the dashboard does).
 */
export function analysisLine(a: Analysis): Record<string, unknown> {
  return {
    id: a.verbatimId,
    channel: a.channel,
    createdAt: a.createdAt,
    language: a.language,
    text: a.text,
    ...(a.score ? { score: a.score } : {}),
    ...(a.customer ? { customer: a.customer } : {}),
    ...(a.attributes ? { attributes: a.attributes } : {}),
    sentiment: a.sentiment,
    sentences: a.sentences.map((s) => ({ span: s.span, sentiment: s.sentiment })),
    themes: a.themes.map((t) => ({
      id: t.id,
      confidence: t.confidence,
      sentiment: t.sentiment,
      evidence: t.evidence.text,
      span: t.evidence.span,
      sentence: t.evidence.sentence,
      via: t.via,
    })),
    signals: a.signals,
    keyPhrases: a.keyPhrases,
    ...(a.guarded ? { guarded: a.guarded } : {}),
  };
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
    }),
  );
}
