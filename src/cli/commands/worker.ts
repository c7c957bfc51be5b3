import { loadAnalyzer, type AnalyzerOptions } from '../../load/analyzer.js';
import { createBudgetedAnalysis, DEFAULT_BUDGET_MS, type BudgetedAnalysis } from '../../pipeline/budget/budgeted-analysis.js';
import type { Analyzer } from '../../core/analyzer.js';
import { UsageError } from '../../errors/index.js';
import { onShutdownSignals } from '../../distributed/shutdown.js';
import { startWorkers } from '../../distributed/start-workers.js';
import { HANDLERS } from '../../distributed/handlers/index.js';
import { ALL_STAGES, parseStages } from '../parse-stages.js';
import { startDeliveryWorker } from '../../distributed/start-delivery-worker.js';
import { cachedSecrets } from '../../deliver/cached-secrets.js';
import { deliverySettings } from '../../services/delivery-settings.js';
import { openDeliveryStore } from '../../store/deliveries/open-delivery-store.js';
import { probeRedis } from '../../queue/connection.js';
import { openMongoStore } from '../../store/mongo/open.js';
import { redactUrl } from '../../core/redact/redact-url.js';
import { SERVICE_FLAGS, SERVICE_HELP, serviceSettings } from '../../services/settings.js';
import { positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';
import { analyzerTaxonomy, INDUSTRY_HELP, loadThemeInfo } from '../theme-info.js';
import { openRouting } from '../../services/open-routing.js';
import { startDigestWorker } from '../../distributed/start-digest-worker.js';

export const WORKER_HELP = `Usage: frictionlens worker [options]

Runs the stages of submitted runs (frictionlens submit) from the Redis queues, storing in
MongoDB, until stopped with SIGTERM or Ctrl-C (current jobs finish first; a second signal
stops at once). Start any number, on any number of machines, against one Redis and one
MongoDB; each uses one CPU core for analysis, so run one per core.

Options:
  --stages LIST             stages to run, comma-separated: ${ALL_STAGES} (default: all;
                            some worker must run each stage: ingest and route are light,
                            analyze takes the CPU, aggregate merges one run at a time,
                            route sends spike alerts, digest keeps one scheduler per
                            subscription and builds its digests, deliver sends webhooks:
                            README "Routing")
  --concurrency N           batches in progress at once in this process (default: 2: one
                            is analysed while the other is written)
  --deliver-concurrency N   webhooks in flight at once in this process (default: 16)
  --lock-ms N               a job's lock; a dead worker's job runs elsewhere after about
                            twice this (default: 30000)
  --taxonomy FILE           theme taxonomy replacing models/taxonomy.yaml (all workers
                            of an installation must use the same models)
${INDUSTRY_HELP}
  --owners FILE             owners map replacing models/owners.yaml, checked at start
                            against the taxonomy (the route stage's: who owns a theme)
  --model FILE              a trained model (frictionlens train); repeatable. Theme
                            models add the themes they find; a sentiment model scores
                            sentences in place of the lexicon
  --budget-ms N             time budget of one verbatim's analysis (FRICTIONLENS_BUDGET_MS;
                            default ${DEFAULT_BUDGET_MS}): verbatims are analysed in a thread of
                            their own, and one still running after N ms is stopped and
                            rejected (reason 'timeout'); its batch and run go on. 0: no
                            budget, analyse in the worker's own thread
${SERVICE_HELP}
  -h, --help                this help

Exit codes: 0 stopped, 2 usage error, 3 input error (models, owners map), 4 a service unreachable.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...SERVICE_FLAGS,
    stages: { type: 'string' },
    concurrency: { type: 'string' },
    'deliver-concurrency': { type: 'string' },
    'lock-ms': { type: 'string' },
    taxonomy: { type: 'string' },
    industry: { type: 'string' },
    owners: { type: 'string' },
    model: { type: 'string', multiple: true },
    'budget-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${WORKER_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`worker takes no FILE arguments (got '${positionals[0]}')`);
  const { stages, deliver, digest } = parseStages(values.stages ?? ALL_STAGES);
  const concurrency = positiveInt('concurrency', values.concurrency) ?? 2;
  const deliverConcurrency = positiveInt('deliver-concurrency', values['deliver-concurrency']) ?? 16;
  // Read now: a malformed FRICTIONLENS_WEBHOOK_* is a usage error before any job is taken.
  const delivery = deliver ? deliverySettings() : undefined;
  const lockMs = positiveInt('lock-ms', values['lock-ms']) ?? 30_000;
  const budgetMs = budget(values['budget-ms'] ?? process.env.FRICTIONLENS_BUDGET_MS);
  const settings = serviceSettings(values);
  const log = (line: string): void => void process.stderr.write(`worker ${process.pid}: ${line}\n`);

  // Models first: a worker that cannot analyse should fail before taking any job. The
  // owners map too (route and digests read it): a bad file stops the worker now.
  const info = loadThemeInfo(values);
  let analyzer: Analyzer | null = null;
  let budgeted: BudgetedAnalysis | undefined;
  if (stages.includes('analyze')) {
    const options: AnalyzerOptions = { ...analyzerTaxonomy(values), modelPaths: values.model ?? [] };
    analyzer = (await loadAnalyzer(options)).analyzer;
    if (budgetMs > 0) {
      const onOverBudget = (v: { id: string }): void =>
        log(
          `verbatim '${v.id}': its analysis ran past the time budget of ${budgetMs} ms and was stopped; it is rejected (reason 'timeout'), its batch goes on`,
        );
      budgeted = createBudgetedAnalysis({ analyzer: options, version: analyzer.version, budgetMs, onOverBudget });
      await budgeted.ready();
    }
  }
  const store = await openMongoStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern }).catch(
    async (error: unknown) => {
      await budgeted?.close();
      throw error;
    },
  );
  const routing =
    stages.includes('route') || digest
      ? await openRouting(settings, info).catch(async (error: unknown) => {
          await Promise.all([budgeted?.close(), store.close()]);
          throw error;
        })
      : undefined;
  // The deliver stage sends from the delivery log routing opened, when it did: one client.
  const deliveries = !delivery
    ? undefined
    : routing
      ? { ...routing.deliveries, secrets: { secretOf: (id: string) => routing.subscriptions.signingSecret(id) } }
      : await openDeliveryStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern }).catch(async (error: unknown) => {
          await Promise.all([budgeted?.close(), store.close()]);
          throw error;
        });
  try {
    await probeRedis(settings.redisUrl);
    const queues = { redisUrl: settings.redisUrl, prefix: settings.prefix };
    const digests = digest && routing ? await startDigestWorker(queues, store, routing, log) : undefined;
    const senders =
      deliveries && delivery
        ? startDeliveryWorker(
            queues,
            { deliveries, secrets: cachedSecrets(deliveries.secrets, SECRET_TTL_MS), send: { allow: delivery.allow, timeoutMs: delivery.timeoutMs } },
            deliverConcurrency,
            log,
          )
        : undefined;
    const workers = startWorkers(
      queues,
      {
        store,
        analyzer: () => {
          if (!analyzer) throw new Error('this worker does not run the analyze stage');
          return analyzer;
        },
        ...(budgeted ? { analyzeBatch: budgeted.analyzeBatch } : {}),
        routing: () => {
          if (!routing) throw new Error('this worker does not run the route stage');
          return routing;
        },
      },
      { stages, handlers: HANDLERS, concurrency, lockMs },
      log,
    );
    log(
      `ready: stages ${[...stages, ...(deliver ? ['deliver'] : []), ...(digest ? ['digest'] : [])].join(',')}, concurrency ${concurrency}${deliver ? `, deliver concurrency ${deliverConcurrency}` : ''}${budgeted ? `, budget ${budgetMs} ms per verbatim` : ''}; redis ${redactUrl(settings.redisUrl)} prefix ${settings.prefix}; mongo ${redactUrl(settings.mongoUrl)} db ${settings.database}${analyzer ? `; models ${analyzer.version}` : ''}`,
    );
    await onShutdownSignals(async (force) => void (await Promise.all([workers.close(force), senders?.close(force), digests?.close(force)])), log);
    log('stopped');
    return 0;
  } finally {
    await budgeted?.close();
    await Promise.all([store.close(), deliveries?.close(), routing?.close()]);
  }
}

/** How long a worker keeps a subscription's secret: a rotation reaches it within this. */
const SECRET_TTL_MS = 10_000;

function budget(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BUDGET_MS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--budget-ms: '${value}' is not a whole number of milliseconds (0: no budget)`);
  return n;
}
