import type { Run } from '../../contracts/index.js';
import { UsageError } from '../../errors/index.js';
import { submitRun, type SubmitOptions } from '../../distributed/submit-run.js';
import { DEFAULT_GIVE_UP_MS, waitForRun } from '../../distributed/wait-for-run.js';
import type { Submission } from '../../distributed/submission.js';
import { DEFAULT_BATCH_SIZE } from '../../pipeline/batches.js';
import { runIdProblem } from '../../queue/run-id.js';
import { openServices, type Services } from '../../services/open-services.js';
import { SERVICE_FLAGS, SERVICE_HELP, serviceSettings } from '../../services/settings.js';
import { planSources } from '../../ingest/source-plan.js';
import { INGEST_FLAGS, INGEST_HELP, ingestSettings, positiveInt } from '../ingest-flags.js';
import { WIDE_HELP } from '../insight-flags.js';
import { checkMetric } from '../metric-note.js';
import { reportRejects } from '../reject-summary.js';
import { parseFlags } from '../parse-flags.js';
import { createProgress } from '../progress.js';
import { renderRunSummary, summariseRun } from '../run-summary.js';
import { INDUSTRY_HELP, loadThemeInfo, OWNERS_HELP } from '../theme-info.js';

export const SUBMIT_HELP = `Usage: frictionlens submit FILE... [options]

Submits a batch run to the distributed mode: reads, maps, validates and dedupes the files
on this machine, queues their rows in batches for 'frictionlens worker' processes and prints
the run id. With --wait, shows progress until the run is done, then the same table as
'frictionlens analyze'.

Options:
${INGEST_HELP}
  --in-flight N             batches queued and not yet analysed, at most (default: 32);
                            bounds Redis memory whatever the file size
  --run ID                  resubmit run ID (same files and flags): resumes a failed or
                            interrupted run; batches already stored are skipped. A new
                            ID names the run: letters, digits, '.', '_', '-', one letter
                            at least
  --wait                    wait for the run, then print its top friction themes
  --top N                   themes in the table (default: 15)
${WIDE_HELP}
  --json                    with --wait: one JSON document, as analyze --json
  --give-up S               with --wait: stop waiting after S seconds without reaching
                            Redis or MongoDB (exit 4; the run goes on in the workers;
                            default: ${DEFAULT_GIVE_UP_MS / 1000})
  --taxonomy FILE           theme names for the table
${INDUSTRY_HELP}
${OWNERS_HELP}
${SERVICE_HELP}
  -h, --help                this help

Files are looked at before the run is created, as analyze does (a mapped column the file
lacks, an unknown extension, dates whose day/month order no value decides: exit 3). With
--wait, when half the rows or more are not analysed, the most frequent reasons go to stderr;
when none is, the exit code is 3.

Exit codes: 0 ok, 2 usage error, 3 input error (with --wait: no row analysed, or --metric
with no responses in the run; 'frictionlens top --metric' reads it on another), 4 a
service unreachable, 5 the run failed.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...INGEST_FLAGS,
    ...SERVICE_FLAGS,
    'in-flight': { type: 'string' },
    run: { type: 'string' },
    wait: { type: 'boolean' },
    top: { type: 'string' },
    json: { type: 'boolean' },
    'give-up': { type: 'string' },
    wide: { type: 'boolean' },
    taxonomy: { type: 'string' },
    industry: { type: 'string' },
    owners: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${SUBMIT_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('submit needs at least one FILE');
  if (values.json && !values.wait) throw new UsageError('--json goes with --wait (without it, submit prints the run id only)');
  const runIdIssue = values.run === undefined ? null : runIdProblem(values.run);
  if (runIdIssue) throw new UsageError(`--run: ${runIdIssue}`);
  const ingest = await ingestSettings(positionals, values);
  // Every file is looked at before the services are reached and the run is created.
  const plans = await planSources(positionals, ingest);
  const submission: Submission = { sources: positionals, ...ingest, batchSize: ingest.batchSize ?? DEFAULT_BATCH_SIZE };
  const inFlight = positiveInt('in-flight', values['in-flight']) ?? 32;
  const top = positiveInt('top', values.top) ?? 15;
  const giveUpMs = (positiveInt('give-up', values['give-up']) ?? DEFAULT_GIVE_UP_MS / 1000) * 1000;
  const themeInfo = values.wait ? loadThemeInfo(values) : undefined;
  const log = (line: string): void => void process.stderr.write(`submit: ${line}\n`);

  const services = await openServices(serviceSettings(values), log);
  try {
    const options: SubmitOptions = { inFlight, log, plans, ...(values.run !== undefined ? { runId: values.run } : {}) };
    const ingesting = createProgress('queueing');
    const submitted = await submitRun(services, submission, { ...options, onProgress: (t) => ingesting.update(t.rows) });
    ingesting.done();
    if (!values.json) process.stdout.write(`${submitted.runId}\n`);
    log(
      submitted.alreadyDone
        ? `run ${submitted.runId} is already done`
        : `run ${submitted.runId}: ${submitted.rows.toLocaleString('en-US')} rows in ${submitted.batches} batches queued` +
            (submitted.skipped ? ` (${submitted.skipped} already stored, skipped)` : '') +
            (values.wait ? '' : `; follow it with: frictionlens status ${submitted.runId}`),
    );
    if (!values.wait) return 0;
    return await waitAndPrint(services, submitted.runId, {
      rows: submitted.rows,
      submission,
      options: { ...options, runId: submitted.runId },
      top,
      json: values.json === true,
      wide: values.wide === true,
      themeInfo: themeInfo!,
      log,
      giveUpMs,
    });
  } finally {
    await services.close();
  }
}

async function waitAndPrint(
  services: Services,
  runId: string,
  w: {
    rows: number;
    submission: Submission;
    options: SubmitOptions;
    top: number;
    json: boolean;
    wide: boolean;
    themeInfo: ReturnType<typeof loadThemeInfo>;
    log: (line: string) => void;
    giveUpMs: number;
  },
): Promise<number> {
  const progress = createProgress('analyzing', w.rows);
  let run: Run;
  try {
    run = await waitForRun(services, runId, {
      log: w.log,
      giveUpMs: w.giveUpMs,
      rebuild: async () => {
        w.log(`Redis lost run ${runId}: resubmitting the batches not yet done`);
        await submitRun(services, w.submission, w.options);
      },
      // Rows done, approximately: batches done x batch size (the last batch is smaller).
      onProgress: (done) => progress.update(Math.min(done * w.submission.batchSize, w.rows)),
    });
  } finally {
    progress.done();
  }
  // The run is done and stored: another metric reads it without analysing anything again.
  checkMetric(run.profile, ` (frictionlens top --run ${runId} --metric M reads it on another)`);
  const insights = await services.store.insights({ runId });
  const result = summariseRun(run, insights, w.themeInfo);
  for (const warning of result.summary.warnings) process.stderr.write(`frictionlens: warning: ${warning}\n`);
  process.stdout.write(renderRunSummary(result, { json: w.json, top: w.top, wide: w.wide }));
  await reportRejects(services.store, runId, run.counts, `the run's rejects in MongoDB (collection rejects, runId ${runId})`);
  return 0;
}
