import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../errors/index.js';
import { loadAnalyzer, SENTIMENT_MODES, type SentimentMode } from '../../load/analyzer.js';
import { createAnalyzePool } from '../../runner/analyze-pool.js';
import { runEmbedded, type EmbeddedRunRequest } from '../../runner/embedded.js';
import { createEmbeddedStore } from '../../store/embedded-store.js';
import { estimateRows } from '../estimate-rows.js';
import { planSources } from '../../ingest/source-plan.js';
import { INGEST_FLAGS, READING_HELP, ingestSettings, positiveInt } from '../ingest-flags.js';
import { METRIC_HELP, WIDE_HELP } from '../insight-flags.js';
import { checkMetric } from '../metric-note.js';
import { checkOutDir } from '../out-dir.js';
import { reportRejects } from '../reject-summary.js';
import { parseFlags } from '../parse-flags.js';
import { createProgress } from '../progress.js';
import { renderRunSummary, summariseRun } from '../run-summary.js';
import { writeOutputs } from '../write-outputs.js';
import { analyzerTaxonomy, INDUSTRY_HELP, loadThemeInfo, OWNERS_HELP } from '../theme-info.js';
import type { ThemeLookup } from '../../core/themes/taxonomy.js';

export const ANALYZE_HELP = `Usage: frictionlens analyze FILE... [options]

Reads feedback files (CSV, JSONL, JSON arrays), analyses every verbatim in this process
(no services needed) and prints the top friction themes.

Options:
${READING_HELP}
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
${INDUSTRY_HELP}
${OWNERS_HELP}
  --model FILE              a trained model (frictionlens train); repeatable. Theme
                            models add the themes they find (via 'model'); a sentiment
                            model scores sentences in place of the default one
  --sentiment default|lexicon
                            sentence sentiment without a sentiment --model: 'default',
                            the shipped model (models/sentiment/general.json: the
                            lexicon plus a linear model trained on public tweets and
                            reviews); 'lexicon', the lexicon alone (default: default)
  --bucket day|week|month   time bucket for trends (default: week)
  --by FIELD                facet to slice by: channel, segment, attributes.NAME; repeatable.
                            Each gets a block under the table (the share of each value's
                            verbatims mentioning each theme), a 'by' entry in --json and a
                            section in report.html. Another name is a usage error; an
                            attribute no row carries is a warning naming those it has
${METRIC_HELP}
  --top N                   themes in the table (default: 15)
${WIDE_HELP}
  --out DIR                 write insights.json, analyses.jsonl (with the redacted text,
                            score, customer and attributes), rejects.jsonl, report.html
                            into DIR (made if need be; a file there is refused: exit 2)
  --json                    print one JSON document instead of the table
  --batch-size N            verbatims per batch (default: 500)
  --threads N               threads analysing batches, the main one included
                            (default: the machine's cores, ${availableParallelism()} here, for
                            input files of 4 MB or more; 1 below). The results are the
                            same for any N
  -h, --help                this help

Before any row is analysed, each file is looked at: a missing file, an unknown extension,
a mapped column the file lacks (named with the file's columns and the nearest one), or a
date column whose day/month order no value decides stops the run (exit 3). A row whose
date cannot be read is analysed as undated. When half the rows or more are not analysed,
the most frequent reasons go to stderr; when none is, the exit code is 3.

Exit codes: 0 ok, 2 usage error, 3 input error (a file that cannot be read or mapped,
no row analysed, --metric with no responses, or an invalid taxonomy or owners map).`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...INGEST_FLAGS,
    taxonomy: { type: 'string' },
    industry: { type: 'string' },
    owners: { type: 'string' },
    model: { type: 'string', multiple: true },
    sentiment: { type: 'string' },
    top: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    wide: { type: 'boolean' },
    threads: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${ANALYZE_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('analyze needs at least one FILE');
  const top = positiveInt('top', values.top) ?? 15;
  if (values.out !== undefined) await checkOutDir(values.out);
  const bytes = await inputBytes(positionals);
  const threads = positiveInt('threads', values.threads) ?? (bytes >= AUTO_THREADS_BYTES ? availableParallelism() : 1);
  const ingest = await ingestSettings(positionals, values);
  // Every file is looked at before the models load: a run that cannot be read stops here.
  const plans = await planSources(positionals, ingest);
  // The taxonomy and owners map are checked before the models load and any row is analysed.
  const info = loadThemeInfo(values);

  const analyzerOptions = {
    ...analyzerTaxonomy(values),
    modelPaths: values.model ?? [],
    sentiment: sentimentMode(values.sentiment),
  };
  const keepAnalyses = Boolean(values.out);
  // On an input that will need them, the other threads load their models beside this one's.
  const pool = threads > 1 && bytes >= EARLY_THREADS_BYTES ? createAnalyzePool(threads - 1, { analyzer: analyzerOptions, keepAnalyses }) : undefined;
  try {
    return await analyzeFiles(
      positionals,
      values,
      info,
      { ...ingest, plans, threads, analyzer: analyzerOptions, keepAnalyses, ...(pool ? { pool } : {}) },
      top,
    );
  } finally {
    await pool?.close();
  }
}

async function analyzeFiles(
  files: string[],
  values: { out?: string; json?: boolean; wide?: boolean },
  themeInfo: ThemeLookup,
  request: Omit<EmbeddedRunRequest, 'sources'>,
  top: number,
): Promise<number> {
  const { analyzer } = await loadAnalyzer(request.analyzer);
  const progress = createProgress('analyzing', process.stderr.isTTY ? await estimateRows(files) : undefined);
  // Created last before the try: its temporary folder is removed in the finally, whatever fails.
  // Only --out reads analyses back; the partials are summed as they come (see the options).
  const store = createEmbeddedStore({ keepAnalyses: request.keepAnalyses ?? true, mergePartials: true });
  try {
    const { run, insights } = await runEmbedded({ store, analyzer }, { sources: files, ...request, onProgress: (n) => progress.update(n) });
    progress.done();
    checkMetric(run.profile);
    const result = summariseRun(run, insights, themeInfo);
    for (const warning of result.summary.warnings) process.stderr.write(`frictionlens: warning: ${warning}\n`);
    if (values.out) await writeOutputs(values.out, { store, result, insights, title: `frictionlens: ${files.join(', ')}` });
    process.stdout.write(renderRunSummary(result, { json: Boolean(values.json), top, wide: Boolean(values.wide) }));
    if (values.out && !values.json) process.stdout.write(`\nwrote ${values.out}/insights.json, analyses.jsonl, rejects.jsonl, report.html\n`);
    await reportRejects(store, run.id, run.counts, values.out ? join(values.out, 'rejects.jsonl') : 'rejects.jsonl, with --out DIR');
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

function sentimentMode(value: string | undefined): SentimentMode {
  if (value === undefined) return 'default';
  if (!(SENTIMENT_MODES as readonly string[]).includes(value)) throw new UsageError(`--sentiment: '${value}' is not ${SENTIMENT_MODES.join(' or ')}`);
  return value as SentimentMode;
}
