import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { datasetOutline } from '../../core/insights/dataset-outline.js';
import { NotFoundError } from '../../errors/index.js';
import { DatasetParams } from '../query.js';
import type { ServeSource } from '../source.js';

/**
 * GET /datasets and /datasets/:name: the datasets served and, for one, its bucket size, the
 * buckets it spans and the facet values it can be sliced by (the dashboard's filters).
 */
export function datasetRoutes(source: ServeSource): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/datasets', { schema: { summary: 'The datasets served' } }, async () => ({ datasets: await source.datasets() }));
    app.get(
      '/datasets/:name',
      { schema: { summary: 'A dataset: bucket size, first and last bucket, facet fields and values', params: DatasetParams } },
      async (request) => {
        const data = await source.insights(request.params.name);
        if (!data) throw new NotFoundError(`no dataset '${request.params.name}' (datasets: ${(await source.datasets()).join(', ') || 'none yet'})`);
        return { name: request.params.name, ...datasetOutline(data.insights) };
      },
    );
  };
}
