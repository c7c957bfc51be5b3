import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { themeInfoOf, type Taxonomy } from '../core/themes/taxonomy.js';
import { dashboardRoutes } from './dashboard.js';
import { sendError, sendNotFound } from './error-body.js';
import { registerMetrics } from './metrics.js';
import { analysesRoutes } from './routes/analyses.js';
import { datasetRoutes } from './routes/datasets.js';
import { infoRoutes } from './routes/info.js';
import { themeRoutes } from './routes/themes.js';
import type { ServeSource } from './source.js';

export const API_PREFIX = '/api/v1';

export interface ServerOptions {
  source: ServeSource;
  taxonomy: Taxonomy;
  /** JSON request logs (pino) to stderr; off in tests. */
  log?: boolean;
  /** Largest request body accepted, in bytes (a 413 beyond). */
  bodyLimit?: number;
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
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'frictionlens API', description: 'Friction themes, their drivers and the analyses behind them', version: '1' },
    },
    transform: jsonSchemaTransform,
  });
  const registry = registerMetrics(app, options.source);
  const info = themeInfoOf(options.taxonomy);
  await app.register(
    async (api) => {
      await api.register(themeRoutes(options.source, info));
      await api.register(analysesRoutes(options.source));
      await api.register(datasetRoutes(options.source));
      await api.register(infoRoutes(options.source, options.taxonomy, registry));
    },
    { prefix: API_PREFIX },
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(dashboardRoutes());
  return app;
}
