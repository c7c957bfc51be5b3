import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { UsageError } from '../../errors.js';
import { loadAnalyzer } from '../../load/analyzer.js';
import { createAnalyzePool } from '../../runner/analyze-pool.js';
import { runEmbedded, type EmbeddedRunRequest } from '../../runner/embedded.js';
import { createEmbeddedStore } from '../../store/embedded-store.js';
import { estimateRows } from '../estimate-rows.js';
import { INGEST_FLAGS, ingestSettings, positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';
import { createProgress } from '../progress.js';
import { renderRunSummary, summariseRun } from '../run-summary.js';
import { writeOutputs } from '../write-outputs.js';

export const ANALYZE_HELP = `Usage: frictionlens analyze FILE... [options]

Reads feedback files (CSV, JSONL, JSON arrays), analyses every verbatim in this process
(no services needed) and prints the top friction themes.

Options:
  --format csv|jsonl|json   file format (default: from the extension)
  --map TARGET=COLUMN       map a column to a field; repeatable. Targets: id, text, turns,
                            channel, createdAt, score.nps, score.csat, score.ces,
                            score.rating, score.scale, customer.id, customer.segment,
                            customer.value, attributes.NAME
  --mapping FILE            the same mapping as a JSON or YAML object
  --channel C               channel of rows without one: call, chat, survey, email,
                            review, social, other (default: other)
  --date ISO                createdAt of rows when no date column is mapped
                            (default: the first file's modification time)
  --taxonomy FILE           theme taxonomy replacing models/taxonomy.yaml
  --model FILE              a trained model (frictionlens train); repeatable. Theme
                            models add the themes they find (via 'model'); a sentiment
                            model scores sentences in place of the lexicon
  --bucket day|week|month   time bucket for trends (default: week)
  --by FIELD                facet to slice by: channel, segment, attributes.NAME; repeatable
  --top N                   themes in the table (default: 15)
  --out DIR                 write insights.json, analyses.jsonl, rejects.jsonl, report.html
  --json                    print one JSON document instead of the table
  --batch-size N            verbatims per batch (default: 500)
  --threads N               threads analysing batches, the main one included
                            (default: the machine's cores, ${availableParallelism()} here, for
                            input files of 4 MB or more; 1 below). The results are the
                            same for any N
  -h, --help                this help

Exit codes: 0 ok, 2 usage error, 3 input error.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...INGEST_FLAGS,
    taxonomy: { type: 'string' },
    model: { type: 'string', multiple: true },
    top: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    threads: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(ANALYZE_HELP + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('analyze needs at least one FILE');
  const top = positiveInt('top', values.top) ?? 15;
  const bytes = await inputBytes(positionals);
  const threads = positiveInt('threads', values.threads) ?? (bytes >= AUTO_THREADS_BYTES ? availableParallelism() : 1);
  const ingest = await ingestSettings(positionals, values);

  const analyzerOptions = {
    ...(values.taxonomy ? { taxonomyPath: values.taxonomy } : {}),
    modelPaths: values.model ?? [],
  };
  const keepAnalyses = Boolean(values.out);
  // On an input that will need them, the other threads load their models beside this one's.
  const pool = threads > 1 && bytes >= EARLY_THREADS_BYTES ? createAnalyzePool(threads - 1, { analyzer: analyzerOptions, keepAnalyses }) : undefined;
  try {
    return await analyzeFiles(positionals, values, { ...ingest, threads, analyzer: analyzerOptions, keepAnalyses, ...(pool ? { pool } : {}) }, top);
  } finally {
    await pool?.close();
  }
}

async function analyzeFiles(files: string[], values: { out?: string; json?: boolean }, request: Omit<EmbeddedRunRequest, 'sources'>, top: number): Promise<number> {
  const { analyzer, themeInfo } = await loadAnalyzer(request.analyzer);
  const progress = createProgress('analyzing', process.stderr.isTTY ? await estimateRows(files) : undefined);
  // Created last before the try: its temporary folder is removed in the finally, whatever fails.
  // Only --out reads analyses back; the partials are summed as they come (see the options).
  const store = createEmbeddedStore({ keepAnalyses: request.keepAnalyses ?? true, mergePartials: true });
  try {
    const { run, insights } = await runEmbedded({ store, analyzer }, { sources: files, ...request, onProgress: (n) => progress.update(n) });
    progress.done();
    const result = summariseRun(run, insights, themeInfo);
    if (values.out) {
      await writeOutputs(values.out, { store, runId: run.id, counts: run.counts, summary: result.summary, rows: result.rows, insights, title: `frictionlens: ${files.join(', ')}` });
    }
    process.stdout.write(renderRunSummary(result, { json: Boolean(values.json), top }));
    if (values.out && !values.json) process.stdout.write(`\nwrote ${values.out}/insights.json, analyses.jsonl, rejects.jsonl, report.html\n`);
    return 0;
  } finally {
    progress.done();
    await store.close();
  }
}

/**
 * Each other thread costs about a second of CPU before it pays (loading its models, warming
 * up its compiled code): by default threads are for inputs of this size or more (about
 * 12,000 comments of 40 words, 4-6 s on one thread).
 */
const AUTO_THREADS_BYTES = 4 << 20;
/** Input of this size or more (about 3,000 comments) starts the other threads at once, not with the second batch. */
const EARLY_THREADS_BYTES = 1 << 20;

async function inputBytes(paths: readonly string[]): Promise<number> {
  const sizes = await Promise.all(paths.map(async (p) => (await stat(p).catch(() => null))?.size ?? 0));
  return sizes.reduce((a, b) => a + b, 0);
}
