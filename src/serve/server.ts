import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Owners } from '../core/routing/owner-resolver.js';
import { themeInfoOf, type Taxonomy } from '../core/themes/taxonomy.js';
import { auth, type KeyVerifier, type RateLimit } from './auth.js';
import { dashboardRoutes } from './dashboard.js';
import { sendError, sendNotFound } from './error-body.js';
import { registerMetrics } from './metrics.js';
import { analysesRoutes } from './routes/analyses.js';
import { datasetRoutes } from './routes/datasets.js';
import { infoRoutes } from './routes/info.js';
import { runUploadRoutes } from './routes/runs.js';
import { subscriptionRoutes } from './routes/subscriptions.js';
import { themeRoutes } from './routes/themes.js';
import { subscriptionScope } from '../core/routing/subscription-check.js';
import type { SubscriptionStore } from '../store/subscriptions/subscription-store.js';
import type { RunQueues } from '../queue/run-queues.js';
import { registerQueueBoard } from './queue-board.js';
import type { ServeSource } from './source.js';
import type { Uploads } from './upload-run.js';

export const API_PREFIX = '/api/v1';

export interface ServerOptions {
  source: ServeSource;
  taxonomy: Taxonomy;
  /** The owners map compiled against the taxonomy: the `owner` of every theme the API shows. */
  owners: Owners;
  /** JSON request logs (pino) to stderr; off in tests. */
  log?: boolean;
  /** Largest request body accepted, in bytes (a 413 beyond); uploads have their own limit. */
  bodyLimit?: number;
  /** Where POST /runs submits uploads; absent (serve --from): no such route. */
  uploads?: Uploads;
  /** The pipeline's queues, shown by Bull Board at /admin/queues; absent (serve --from): no board. */
  queues?: RunQueues;
  /** Require a key with the route's scope on every route but the open ones (auth.ts); without it, no key is asked. */
  keys?: KeyVerifier;
  /**
   * Digest subscriptions and the hosts their endpoints may reach over http; absent (serve
   * --from): no /subscriptions routes (a 404), since subscriptions live in MongoDB.
   */
  subscriptions?: { store: SubscriptionStore; webhookAllow: readonly string[] };
  /** Requests per key in a window (with `keys`; default auth.ts DEFAULT_RATE_LIMIT). */
  rateLimit?: RateLimit;
}

/**
 * The HTTP API (fastify 5): zod-validated inputs, an OpenAPI 3 document at /openapi.json
 * generated from the same schemas, security headers (helmet), no CORS, Prometheus metrics,
 * and one error body for every failure (error-body.ts). Logs carry the route and status,
 * never the query string (it names customers' segments and attributes) nor any header.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1_048_576,
    logger: options.log
      ? {
          // stderr, as every command's diagnostics: stdout carries the 'listening on' line.
          stream: process.stderr,
          serializers: {
            req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(sendError);
  app.setNotFoundHandler(sendNotFound);
  await app.register(fastifyHelmet, { global: true });
  if (options.keys) await app.register(auth, { keys: options.keys, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'frictionlens API', description: 'Friction themes, their drivers and the analyses behind them', version: '1' },
      // Where the server asks for keys (route-access.ts says which scope each route needs;
      // /api/v1/health and /openapi.json are open), they go as a Bearer header.
      ...(options.keys
        ? {
            components: { securitySchemes: { apiKey: { type: 'http' as const, scheme: 'bearer', description: 'frictionlens keys create --scope ...' } } },
            security: [{ apiKey: [] }],
          }
        : {}),
    },
    transform: jsonSchemaTransform,
  });
  const registry = registerMetrics(app, options.source);
  const info = themeInfoOf(options.taxonomy, options.owners.ownerOf);
  await app.register(
    async (api) => {
      await api.register(themeRoutes(options.source, info));
      await api.register(analysesRoutes(options.source));
      await api.register(datasetRoutes(options.source));
      await api.register(infoRoutes(options.source, options.taxonomy, options.owners, registry));
      if (options.uploads) await api.register(runUploadRoutes(options.uploads));
      if (options.subscriptions) {
        const scope = subscriptionScope(options.taxonomy, options.owners.teams, options.subscriptions.webhookAllow);
        await api.register(subscriptionRoutes(options.subscriptions.store, scope));
      }
    },
    { prefix: API_PREFIX },
  );
  if (options.queues) await registerQueueBoard(app, options.queues);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(dashboardRoutes());
  return app;
}
