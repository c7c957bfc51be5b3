import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../errors/index.js';
import { INDUSTRY_HELP, loadTaxonomyAndOwners } from '../theme-info.js';
import { onShutdownSignals } from '../../distributed/shutdown.js';
import { openKeys } from '../../services/open-keys.js';
import { openSubscriptions } from '../../services/open-subscriptions.js';
import { parseAllowList } from '../../deliver/private-address.js';
import type { SubscriptionStore } from '../../store/subscriptions/subscription-store.js';
import { openServices } from '../../services/open-services.js';
import { SERVICE_FLAGS, SERVICE_HELP, serviceSettings } from '../../services/settings.js';
import { DEFAULT_RATE_LIMIT } from '../../serve/auth.js';
import { outDirSource } from '../../serve/out-dir-source.js';
import { API_PREFIX, buildServer } from '../../serve/server.js';
import type { ServeSource } from '../../serve/source.js';
import { storeSource } from '../../serve/store-source.js';
import { createUploads, type Uploads } from '../../serve/upload-run.js';
import type { KeyStore } from '../../store/keys/key-store.js';
import type { RunQueues } from '../../queue/run-queues.js';
import { positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';

export const SERVE_HELP = `Usage: frictionlens serve [--from DIR] [options]

Serves insights over HTTP: the dashboard at /, the API under ${API_PREFIX} (README "HTTP
API"), its OpenAPI 3 document at /openapi.json. Without --from it serves every dataset of the
runs in MongoDB (distributed mode), takes uploads (POST ${API_PREFIX}/runs), manages digest
subscriptions (${API_PREFIX}/subscriptions; endpoints over http only to hosts in
FRICTIONLENS_WEBHOOK_ALLOW), and every route
but ${API_PREFIX}/health, /openapi.json and the dashboard's files needs a key ('frictionlens
keys create').

  --from DIR        serve what 'analyze --out DIR' wrote, read-only, with no services, as
                    the run's dataset; no key is asked unless --require-key, and then it
                    is bound to the loopback interface only
  --require-key     with --from: ask for keys too ('Authorization: Bearer KEY' with the
                    route's scope), checked against MongoDB (--mongo, --db)
  --port N          port to listen on (default: 8080; 0: any free port)
  --host ADDR       address to bind (default: 127.0.0.1; another than loopback only where
                    keys are asked)
  --rate-limit N    requests a minute per key, or per client address without a valid key
                    (default: ${DEFAULT_RATE_LIMIT.max}); a 429 beyond
  --taxonomy FILE   theme names (default: the bundled taxonomy)
${INDUSTRY_HELP}
  --owners FILE     owners map: each theme's owner team (default: models/owners.yaml)
  --quiet           no request log (JSON lines on stderr, without query strings)
  --upload-dir DIR  where POST /runs streams uploads until their batches are queued
                    (default: the system's temporary folder)
  --upload-limit MB largest upload accepted (default: 512; a 413 beyond)
${SERVICE_HELP}
  -h, --help        this help

Prints 'listening on http://HOST:PORT' once ready; stops on SIGINT / SIGTERM (after the
uploads being queued are queued).

Exit codes: 0 stopped, 2 usage error (a port in use included), 3 DIR not written by
analyze --out or an invalid taxonomy or owners map, 4 MongoDB or Redis unreachable.`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...SERVICE_FLAGS,
    from: { type: 'string' },
    'require-key': { type: 'boolean' },
    'rate-limit': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    taxonomy: { type: 'string' },
    industry: { type: 'string' },
    owners: { type: 'string' },
    quiet: { type: 'boolean' },
    'upload-dir': { type: 'string' },
    'upload-limit': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments (got '${positionals[0]}'); use --from DIR`);
  const fromDir = values.from;
  // The datasets in MongoDB are never served without keys; a run's output dir may be, to this machine.
  const requireKey = fromDir === undefined || values['require-key'] === true;
  const host = values.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !isIP(host.replace(/^\[|\]$/g, ''))) throw new UsageError(`--host: '${host}' is not an IP address`);
  // A run's verbatims (redacted, but still customers' words) served without keys: only to this machine.
  if (!requireKey && !LOOPBACK.has(host))
    throw new UsageError(`--from serves without keys, so only on a loopback address (127.0.0.1 or ::1), not ${host}; add --require-key to serve it to others`);
  if (fromDir !== undefined) {
    const serviceOnly = ['redis', 'prefix', 'upload-dir', 'upload-limit', ...(requireKey ? [] : ['rate-limit', 'mongo', 'db', 'write-concern'])] as const;
    for (const flag of serviceOnly)
      if (values[flag as keyof typeof values] !== undefined)
        throw new UsageError(`--${flag} is not for --from DIR${requireKey ? '' : ' without --require-key (no key is asked, no service is used)'}`);
  } else if (values['require-key'] === true) throw new UsageError('--require-key goes with --from DIR: without it, keys are always asked');
  const perMinute = positiveInt('rate-limit', values['rate-limit']);
  const uploadLimitMb = positiveInt('upload-limit', values['upload-limit']) ?? 512;
  const portFlag = values.port ?? '8080';
  const port = portFlag === '0' ? 0 : positiveInt('port', portFlag);
  if (port === undefined || port > 65_535) throw new UsageError(`--port: '${portFlag}' is not a port number`);

  const { composed, owners } = loadTaxonomyAndOwners(values);
  const taxonomy = composed.taxonomy;
  const log = (line: string): void => void process.stderr.write(`serve: ${line}\n`);
  const closing: Array<() => Promise<void>> = [];
  try {
    let source: ServeSource;
    let uploads: Uploads | undefined;
    let queues: RunQueues | undefined;
    let subscriptions: SubscriptionStore | undefined;
    if (fromDir !== undefined) source = await outDirSource(fromDir);
    else {
      const services = await openServices(serviceSettings(values), log);
      closing.push(() => services.close());
      source = storeSource(services.store, services.queues);
      queues = services.queues;
      const started = createUploads(services, values['upload-dir'] ?? join(tmpdir(), 'frictionlens-uploads'), uploadLimitMb * 1_048_576, log);
      closing.unshift(() => started.drain());
      uploads = started;
      const opened = await openSubscriptions(values);
      closing.push(() => opened.close());
      subscriptions = opened;
    }
    // Opened at start: an unreachable MongoDB fails here (exit 4), not on the first request.
    let keys: KeyStore | undefined;
    if (requireKey) {
      const opened = await openKeys(values);
      closing.push(() => opened.close());
      keys = opened;
    }
    const app = await buildServer({
      source,
      taxonomy,
      owners,
      log: values.quiet !== true,
      ...(uploads ? { uploads } : {}),
      ...(queues ? { queues } : {}),
      ...(subscriptions ? { subscriptions: { store: subscriptions, webhookAllow: parseAllowList(process.env.FRICTIONLENS_WEBHOOK_ALLOW) } } : {}),
      ...(keys ? { keys } : {}),
      ...(perMinute !== undefined ? { rateLimit: { max: perMinute, windowMs: 60_000 } } : {}),
    });
    try {
      await app.listen({ port, host });
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`--port ${port}: already in use on ${host}`);
      throw error;
    }
    const address = app.server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    const serving = fromDir ?? `the datasets in MongoDB (${serviceSettings(values).database})`;
    process.stdout.write(
      `listening on http://${host.includes(':') ? `[${host}]` : host}:${bound} (API ${API_PREFIX}, serving ${serving}${keys ? ', keys required' : ''})\n`,
    );
    await onShutdownSignals(() => app.close(), log);
    return 0;
  } finally {
    for (const close of closing) await close().catch(() => {});
  }
}
