import { isIP } from 'node:net';
import { UsageError } from '../../errors/index.js';
import { loadTaxonomy } from '../../load/taxonomy.js';
import { onShutdownSignals } from '../../distributed/shutdown.js';
import { outDirSource } from '../../serve/out-dir-source.js';
import { DEFAULT_RATE_LIMIT } from '../../serve/auth.js';
import { API_PREFIX, buildServer } from '../../serve/server.js';
import { openKeys } from '../../services/open-keys.js';
import { MONGO_FLAGS, MONGO_HELP } from '../../services/settings.js';
import { positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';

export const SERVE_HELP = `Usage: frictionlens serve --from DIR [options]

Serves the insights of a run over HTTP: the API under ${API_PREFIX} (README "HTTP API"), its
OpenAPI 3 document at /openapi.json.

  --from DIR        serve what 'analyze --out DIR' wrote, read-only, as the dataset
                    'default'; without --require-key, bound to the loopback interface only
  --port N          port to listen on (default: 8080; 0: any free port)
  --host ADDR       address to bind (default: 127.0.0.1; another than loopback needs
                    --require-key)
  --require-key     every route but /api/v1/health and /openapi.json needs
                    'Authorization: Bearer KEY' with its scope (frictionlens keys create);
                    keys are checked against MongoDB (--mongo, --db below)
  --rate-limit N    with --require-key: requests a minute per key, or per client address
                    without a valid key (default: ${DEFAULT_RATE_LIMIT.max}); a 429 beyond
  --taxonomy FILE   theme names and owners (default: the bundled taxonomy)
  --quiet           no request log (JSON lines on stderr, without query strings)
  -h, --help        this help

With --require-key (MongoDB for the keys; flags override the environment):
${MONGO_HELP}

Prints 'listening on http://HOST:PORT' once ready; stops on SIGINT / SIGTERM.
Serving datasets from MongoDB (without --from) is not built yet.

Exit codes: 0 stopped, 2 usage error (a port in use included), 3 DIR not written by analyze --out,
4 MongoDB unreachable (--require-key).`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...MONGO_FLAGS,
    from: { type: 'string' },
    'require-key': { type: 'boolean' },
    'rate-limit': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    taxonomy: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments (got '${positionals[0]}'); use --from DIR`);
  if (values.from === undefined)
    throw new UsageError('serve needs --from DIR (the output of analyze --out DIR); serving datasets from MongoDB is not built yet');
  const host = values.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !isIP(host.replace(/^\[|\]$/g, ''))) throw new UsageError(`--host: '${host}' is not an IP address`);
  const requireKey = values['require-key'] === true;
  // A run's verbatims (redacted, but still customers' words) are served without keys here:
  // only to this machine.
  if (!requireKey && !LOOPBACK.has(host))
    throw new UsageError(`--from serves without keys, so only on a loopback address (127.0.0.1 or ::1), not ${host}; add --require-key to serve it to others`);
  if (!requireKey)
    for (const flag of ['rate-limit', 'mongo', 'db', 'write-concern'] as const)
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is for --require-key (without it no key is asked)`);
  const perMinute = positiveInt('rate-limit', values['rate-limit']);
  const portFlag = values.port ?? '8080';
  const port = portFlag === '0' ? 0 : positiveInt('port', portFlag);
  if (port === undefined || port > 65_535) throw new UsageError(`--port: '${portFlag}' is not a port number`);

  const taxonomy = loadTaxonomy(values.taxonomy);
  const source = await outDirSource(values.from);
  // Opened at start: an unreachable MongoDB fails here (exit 4), not on the first request.
  const keys = requireKey ? await openKeys(values) : undefined;
  const app = await buildServer({
    source,
    taxonomy,
    log: values.quiet !== true,
    ...(keys ? { keys } : {}),
    ...(perMinute !== undefined ? { rateLimit: { max: perMinute, windowMs: 60_000 } } : {}),
  }).catch(async (error: unknown) => {
    await keys?.close();
    throw error;
  });
  if (keys) app.addHook('onClose', () => keys.close());
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`--port ${port}: already in use on ${host}`);
    throw error;
  }
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(
    `listening on http://${host.includes(':') ? `[${host}]` : host}:${bound} (API ${API_PREFIX}, serving ${values.from}${keys ? ', keys required' : ''})\n`,
  );
  await onShutdownSignals(
    () => app.close(),
    (line) => void process.stderr.write(`serve: ${line}\n`),
  );
  return 0;
}
