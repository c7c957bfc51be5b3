import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { Coverage, DatasetName, DEFAULT_DATASET, Insight, KeyDrivers, RunCounts } from '../contracts/index.js';
import { formatIssues, InputError, NotFoundError, UsageError } from '../errors/index.js';

/**
 * What `analyze --out DIR` wrote, read back for `serve --from DIR`: the run's insights (every
 * bucket and facet) and key drivers from insights.json, and its analyses from analyses.jsonl,
 * paged from a byte offset so a page costs what it reads, not the whole file.
 */
export interface OutDir {
  runId: string;
  dataset: string;
  counts: RunCounts;
  metric: string | null;
  insights: Insight[];
  drivers: KeyDrivers | null;
  warnings: string[];
  coverage: Coverage | null;
  /** The facet fields the run was sliced by (from the facets its insights carry). */
  fields: string[];
  analysesPath: string;
}

const InsightsFile = z.object({
  runId: z.string(),
  // Absent in what analyze wrote before datasets.
  dataset: DatasetName.default(DEFAULT_DATASET),
  run: RunCounts,
  metric: z.string().nullable(),
  drivers: KeyDrivers.nullable(),
  warnings: z.array(z.string()).default([]),
  // Absent in what analyze wrote before coverage was kept.
  coverage: Coverage.nullable().default(null),
  insights: z.array(Insight),
});

export async function openOutDir(dir: string): Promise<OutDir> {
  const path = join(dir, 'insights.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new NotFoundError(`${path}: not found (serve --from takes the DIR that analyze --out DIR wrote)`);
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = InsightsFile.safeParse(raw);
  if (!parsed.success) throw new InputError(`${path}: not an insights.json written by analyze --out: ${formatIssues(parsed.error)}`);
  const { runId, dataset, run, metric, drivers, warnings, coverage, insights } = parsed.data;
  const fields = [...new Set(insights.filter((i) => i.facet !== 'all').map((i) => i.facet.slice(0, i.facet.indexOf('='))))].sort();
  const analysesPath = join(dir, 'analyses.jsonl');
  await stat(analysesPath).catch(() => {
    throw new NotFoundError(`${analysesPath}: not found (serve --from takes the DIR that analyze --out DIR wrote)`);
  });
  return { runId, dataset, counts: run, metric, insights, drivers, warnings, coverage, fields, analysesPath };
}

/** One line of analyses.jsonl (write-outputs.ts analysisLine), as far as filters read it. */
export interface AnalysisLine {
  id: string;
  channel: string;
  createdAt?: string;
  sentiment: { label: string };
  themes: Array<{ id: string }>;
  customer?: { segment?: string };
  attributes?: Record<string, string>;
  [field: string]: unknown;
}

export interface AnalysesPage {
  items: AnalysisLine[];
  /** The cursor of the next page; null after the last. */
  next: string | null;
}

/**
 * Up to `limit` lines from byte `cursor` on that `keep` accepts. A cursor is the byte offset
 * of a line start (the `next` of the page before); anything else is refused, so a forged one
 * cannot make the reader parse half a line.
 */
export async function pageAnalyses(path: string, keep: (line: AnalysisLine) => boolean, cursor: number, limit: number): Promise<AnalysesPage> {
  const size = (await stat(path)).size;
  if (cursor > size) throw new UsageError(`cursor ${cursor} is past the end of the analyses`);
  if (cursor > 0) {
    const before = await readByte(path, cursor - 1);
    if (before !== 0x0a) throw new UsageError(`cursor ${cursor} is not the start of an analysis (use the 'next' of a page)`);
  }
  const items: AnalysisLine[] = [];
  let offset = cursor;
  const input = createReadStream(path, { start: cursor });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      offset += Buffer.byteLength(line) + 1;
      if (line.trim() === '') continue;
      const analysis = JSON.parse(line) as AnalysisLine;
      if (!keep(analysis)) continue;
      items.push(analysis);
      if (items.length === limit) return { items, next: offset < size ? String(offset) : null };
    }
  } finally {
    lines.close();
    input.destroy();
  }
  return { items, next: null };
}

async function readByte(path: string, at: number): Promise<number | undefined> {
  for await (const chunk of createReadStream(path, { start: at, end: at })) return (chunk as Buffer)[0];
  return undefined;
}
