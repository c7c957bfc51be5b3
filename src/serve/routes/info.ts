import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { Owners } from '../../core/routing/owner-resolver.js';
import { UNASSIGNED } from '../../core/routing/owners-map.js';
import type { Taxonomy } from '../../core/themes/taxonomy.js';
import { NotFoundError } from '../../errors/index.js';
import { RunParams, RunsQuery } from '../query.js';
import type { ServeSource } from '../source.js';

/** GET /runs/:id, /taxonomy, /health and /metrics: what the server holds and how it is doing. */
export function infoRoutes(source: ServeSource, taxonomy: Taxonomy, owners: Owners, registry: Registry): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/runs', { schema: { summary: 'The runs, newest first, with the progress of those running', querystring: RunsQuery } }, async (request) => ({
      runs: await source.runs(request.query.dataset),
    }));
    app.get('/runs/:id', { schema: { summary: 'A run: status and counts', params: RunParams } }, async (request) => {
      const run = await source.run(request.params.id);
      if (!run) throw new NotFoundError(`no run '${request.params.id}'`);
      return run;
    });
    // Owners as the owners map gives them, unfaceted (a facet rule shows on the rows of its facet).
    app.get('/taxonomy', { schema: { summary: 'Theme families and themes with their owner teams' } }, async () => ({
      families: taxonomy.families.map((f) => ({ id: f.id, name: f.name, owner: owners.familyOwner(f.id) ?? UNASSIGNED, description: f.description })),
      themes: taxonomy.themes.map((t) => ({ id: t.id, name: t.name, parent: t.parent, owner: owners.ownerOf(t.id) ?? UNASSIGNED, description: t.description })),
      teams: owners.teams.map((t) => ({ id: t.id, name: t.name })),
    }));
    // Live while it answers; ready when every service the source needs answers (503 if not,
    // so a load balancer stops sending it requests).
    app.get('/health', { schema: { summary: 'Liveness and readiness' } }, async (_request, reply) => {
      const services = await source.ready();
      const ready = Object.values(services).every(Boolean);
      if (!ready) reply.code(503);
      return { live: true, ready, source: source.kind, ...(Object.keys(services).length ? { services } : {}) };
    });
    app.get('/metrics', { schema: { summary: 'Prometheus metrics' } }, async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    });
  };
}
