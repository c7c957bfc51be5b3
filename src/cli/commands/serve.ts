import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../errors/index.js';
import { loadTaxonomy } from '../../load/taxonomy.js';
import { onShutdownSignals } from '../../distributed/shutdown.js';
import { openServices } from '../../services/open-services.js';
import { SERVICE_FLAGS, SERVICE_HELP, serviceSettings } from '../../services/settings.js';
import { outDirSource } from '../../serve/out-dir-source.js';
import { API_PREFIX, buildServer } from '../../serve/server.js';
import type { ServeSource } from '../../serve/source.js';
import { storeSource } from '../../serve/store-source.js';
import { createUploads, type Uploads } from '../../serve/upload-run.js';
import { positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';

export const SERVE_HELP = `Usage: frictionlens serve [--from DIR] [options]

Serves insights over HTTP: the API under ${API_PREFIX} (README "HTTP API"), its OpenAPI 3
document at /openapi.json.

  --from DIR        serve what 'analyze --out DIR' wrote, read-only, with no services, as
                    the dataset 'default'
                    (without --from: every dataset of the runs in MongoDB, distributed mode)
  --port N          port to listen on (default: 8080; 0: any free port)
  --host ADDR       address to bind (default: 127.0.0.1; loopback addresses only, until
                    the API has keys)
  --taxonomy FILE   theme names and owners (default: the bundled taxonomy)
  --quiet           no request log (JSON lines on stderr, without query strings)
  --upload-dir DIR  where POST /runs streams uploads until their batches are queued
                    (default: the system's temporary folder)
  --upload-limit MB largest upload accepted (default: 512; a 413 beyond)
${SERVICE_HELP}
  -h, --help        this help

Prints 'listening on http://HOST:PORT' once ready; stops on SIGINT / SIGTERM.

Exit codes: 0 stopped, 2 usage error (a port in use included), 3 DIR not written by
analyze --out, 4 MongoDB or Redis unreachable (without --from).`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...SERVICE_FLAGS,
    from: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    taxonomy: { type: 'string' },
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
  const host = values.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !isIP(host.replace(/^\[|\]$/g, ''))) throw new UsageError(`--host: '${host}' is not an IP address`);
  // Customers' words (redacted, but still theirs) are served without keys: only to this machine.
  if (!LOOPBACK.has(host)) throw new UsageError(`the API has no keys yet, so it serves only on a loopback address (127.0.0.1 or ::1), not ${host}`);
  const portFlag = values.port ?? '8080';
  const port = portFlag === '0' ? 0 : positiveInt('port', portFlag);
  if (port === undefined || port > 65_535) throw new UsageError(`--port: '${portFlag}' is not a port number`);

  const taxonomy = loadTaxonomy(values.taxonomy);
  const log = (line: string): void => void process.stderr.write(`serve: ${line}\n`);
  const uploadLimitMb = positiveInt('upload-limit', values['upload-limit']) ?? 512;
  if (values.from !== undefined && (values['upload-dir'] !== undefined || values['upload-limit'] !== undefined))
    throw new UsageError('--upload-dir and --upload-limit are for serving the datasets in MongoDB: --from DIR is read-only');
  let source: ServeSource;
  let uploads: Uploads | undefined;
  let closeSource = async (): Promise<void> => {};
  if (values.from !== undefined) source = await outDirSource(values.from);
  else {
    const services = await openServices(serviceSettings(values), log);
    source = storeSource(services.store, services.queues);
    const dir = values['upload-dir'] ?? join(tmpdir(), 'frictionlens-uploads');
    const started = createUploads(services, dir, uploadLimitMb * 1_048_576, log);
    uploads = started;
    closeSource = async () => {
      await started.drain();
      await services.close();
    };
  }
  try {
    const app = await buildServer({ source, taxonomy, log: values.quiet !== true, ...(uploads ? { uploads } : {}) });
    try {
      await app.listen({ port, host });
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`--port ${port}: already in use on ${host}`);
      throw error;
    }
    const address = app.server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    const serving = values.from ?? `the datasets in MongoDB (${serviceSettings(values).database})`;
    process.stdout.write(`listening on http://${host.includes(':') ? `[${host}]` : host}:${bound} (API ${API_PREFIX}, serving ${serving})\n`);
    await onShutdownSignals(() => app.close(), log);
    return 0;
  } finally {
    await closeSource();
  }
}
