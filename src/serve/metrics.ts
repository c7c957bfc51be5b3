import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ServeSource } from './source.js';

/**
 * Prometheus metrics (prom-client), one registry per server so that several servers in one
 * process (the tests) do not share counters: request latency by route and status, and the
 * verbatims the source holds. Routes are labelled by their pattern (/themes/:id), never by
 * the URL, so label values stay few and carry no request data.
 */
export function registerMetrics(app: FastifyInstance, source: ServeSource): Registry {
  const registry = new Registry();
  const latency = new Histogram({
    name: 'frictionlens_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'frictionlens_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'frictionlens_verbatims_analysed',
    help: 'Verbatims analysed in what the server serves',
    registers: [registry],
    async collect() {
      this.set(await source.analysed());
    },
  });
  const queueDepths = source.queueDepths?.bind(source);
  if (queueDepths)
    new Gauge({
      name: 'frictionlens_queue_jobs',
      help: 'Jobs per pipeline stage and state (waiting, active, delayed, failed, completed)',
      labelNames: ['stage', 'state'] as const,
      registers: [registry],
      async collect() {
        for (const [stage, states] of Object.entries(await queueDepths())) for (const [state, n] of Object.entries(states)) this.set({ stage, state }, n);
      },
    });
  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    latency.observe(labels, reply.elapsedTime / 1000);
    requests.inc(labels);
  });
  return registry;
}
