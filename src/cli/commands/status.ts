import { UsageError } from '../../errors/index.js';
import { runProgress, type RunProgress } from '../../distributed/run-progress.js';
import { openServices } from '../../services/open-services.js';
import { SERVICE_FLAGS, SERVICE_HELP, serviceSettings } from '../../services/settings.js';
import { int } from '../format.js';
import { parseFlags } from '../parse-flags.js';

export const STATUS_HELP = `Usage: frictionlens status RUN_ID [options]

Shows a submitted run: its stage (ingesting, analyzing, aggregating, routing, done,
failed, lost), rows read, batches done, what the rows became so far, and errors.

Options:
  --json                    one JSON document
${SERVICE_HELP}
  -h, --help                this help

Exit codes: 0 ok, 2 usage error, 3 no such run, 4 a service unreachable.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { ...SERVICE_FLAGS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(`${STATUS_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('status takes one RUN_ID (submit prints it)');
  const services = await openServices(serviceSettings(values));
  try {
    const progress = await runProgress(services, positionals[0]!);
    process.stdout.write(`${values.json ? JSON.stringify(statusDocument(progress), null, 2) : renderStatus(progress)}\n`);
    return 0;
  } finally {
    await services.close();
  }
}

/** The --json document: the run, its stage and progress (fraction of batches done, once known). */
export function statusDocument(p: RunProgress) {
  const total = p.ingest.complete ? p.ingest.batches : null;
  return {
    runId: p.run.id,
    status: p.run.status,
    stage: p.stage,
    sources: p.run.sources,
    startedAt: p.run.startedAt,
    finishedAt: p.run.finishedAt ?? null,
    ingest: p.ingest,
    batches: { done: p.done.batches, total },
    progress: p.run.status === 'done' ? 1 : total ? Math.min(1, p.done.batches / total) : null,
    counts: p.run.status === 'done' ? p.run.counts : p.done.counts,
    modelVersion: p.run.modelVersion,
    errors: p.errors,
  };
}

function renderStatus(p: RunProgress): string {
  const d = statusDocument(p);
  const c = d.counts;
  const lines = [
    `run ${d.runId}: ${d.stage}`,
    `  sources   ${d.sources.join(', ')}`,
    `  started   ${d.startedAt}${d.finishedAt ? `, finished ${d.finishedAt}` : ''}`,
    `  ingest    ${int(d.ingest.rows)} rows in ${int(d.ingest.batches)} batches${d.ingest.complete ? '' : ' so far'}`,
    `  batches   ${int(d.batches.done)}${d.batches.total === null ? '' : ` of ${int(d.batches.total)}`} done${d.progress === null ? '' : ` (${Math.round(d.progress * 100)}%)`}`,
    `  counts    ${int(c.read)} read = ${int(c.analyzed)} analyzed + ${int(c.rejected)} rejected + ${int(c.duplicates)} duplicates + ${int(c.unsupportedLanguage)} unsupported language${d.status === 'done' ? '' : ' (so far)'}`,
    ...(c.undated ? [`  undated   ${int(c.undated)} of the analysed rows have no readable date (whole-run figures only)`] : []),
    ...d.errors.map((e) => `  error     ${e}`),
  ];
  return lines.join('\n');
}
