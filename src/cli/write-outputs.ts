import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Insight, RunCounts } from '../contracts/index.js';
import type { Store } from '../store/store.js';
import { renderReport } from './report-html.js';
import type { AnalyzeSummary, ThemeRow } from './theme-rows.js';

async function writeLines<T>(path: string, docs: AsyncIterable<T>, line: (doc: T) => unknown): Promise<void> {
  const out = createWriteStream(path);
  for await (const doc of docs) if (!out.write(JSON.stringify(line(doc)) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** `--out DIR`: insights.json, analyses.jsonl, rejects.jsonl and report.html. */
export async function writeOutputs(
  dir: string,
  input: { store: Store; runId: string; counts: RunCounts; summary: AnalyzeSummary; rows: ThemeRow[]; insights: Insight[]; title: string },
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'insights.json'), JSON.stringify({ ...input.summary, insights: input.insights }, null, 2) + '\n');
  await writeLines(join(dir, 'analyses.jsonl'), input.store.analyses(input.runId), (a) => ({
    id: a.verbatimId,
    channel: a.channel,
    createdAt: a.createdAt,
    sentiment: a.sentiment,
    themes: a.themes.map((t) => ({ id: t.id, confidence: t.confidence, sentiment: t.sentiment, evidence: t.evidence.text, via: t.via })),
    signals: a.signals,
    keyPhrases: a.keyPhrases,
    ...(a.guarded ? { guarded: a.guarded } : {}),
  }));
  await writeLines(join(dir, 'rejects.jsonl'), input.store.rejects(input.runId), (r) => r);
  await writeFile(join(dir, 'report.html'), renderReport({ title: input.title, runId: input.runId, counts: input.counts, rows: input.rows, insights: input.insights, drivers: input.summary.drivers }));
}
