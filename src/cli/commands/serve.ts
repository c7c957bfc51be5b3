import { isIP } from 'node:net';
import { UsageError } from '../../errors/index.js';
import { loadTaxonomy } from '../../load/taxonomy.js';
import { onShutdownSignals } from '../../distributed/shutdown.js';
import { outDirSource } from '../../serve/out-dir-source.js';
import { API_PREFIX, buildServer } from '../../serve/server.js';
import { positiveInt } from '../ingest-flags.js';
import { parseFlags } from '../parse-flags.js';

export const SERVE_HELP = `Usage: frictionlens serve --from DIR [options]

Serves the insights of a run over HTTP: the dashboard at /, the API under ${API_PREFIX}
(README "HTTP API"), its OpenAPI 3 document at /openapi.json.

  --from DIR        serve what 'analyze --out DIR' wrote, read-only, with no services, as
                    the dataset 'default'; bound to the loopback interface only
  --port N          port to listen on (default: 8080; 0: any free port)
  --host ADDR       address to bind (default: 127.0.0.1; with --from only a loopback one)
  --taxonomy FILE   theme names and owners (default: the bundled taxonomy)
  --quiet           no request log (JSON lines on stderr, without query strings)
  -h, --help        this help

Prints 'listening on http://HOST:PORT' once ready; stops on SIGINT / SIGTERM.
Serving datasets from MongoDB (without --from) is not built yet.

Exit codes: 0 stopped, 2 usage error (a port in use included), 3 DIR not written by analyze --out.`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    from: { type: 'string' },
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
  // A run's verbatims (redacted, but still customers' words) are served without keys here:
  // only to this machine.
  if (!LOOPBACK.has(host)) throw new UsageError(`--from serves without keys, so only on a loopback address (127.0.0.1 or ::1), not ${host}`);
  const portFlag = values.port ?? '8080';
  const port = portFlag === '0' ? 0 : positiveInt('port', portFlag);
  if (port === undefined || port > 65_535) throw new UsageError(`--port: '${portFlag}' is not a port number`);

  const taxonomy = loadTaxonomy(values.taxonomy);
  const source = await outDirSource(values.from);
  const app = await buildServer({ source, taxonomy, log: values.quiet !== true });
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`--port ${port}: already in use on ${host}`);
    throw error;
  }
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`listening on http://${host.includes(':') ? `[${host}]` : host}:${bound} (API ${API_PREFIX}, serving ${values.from})\n`);
  await onShutdownSignals(
    () => app.close(),
    (line) => void process.stderr.write(`serve: ${line}\n`),
  );
  return 0;
}
