import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { themeDetail } from '../../core/insights/theme-detail.js';
import { topThemes } from '../../core/insights/top-themes.js';
import type { ThemeLookup } from '../../core/insights/theme-rows.js';
import { NotFoundError } from '../../errors/index.js';
import { datasetScope } from '../dataset-scope.js';
import { ThemeParams, ThemeQuery, TopThemesQuery } from '../query.js';
import type { ServeSource } from '../source.js';

/**
 * GET /themes/top: the ranked themes of a dataset for a window and a facet, the same rows and
 * figures as `top` and `analyze --json`. GET /themes/:id: one theme's series by bucket (spikes
 * marked), impact by facet, key-driver attribution and quotes.
 */
export function themeRoutes(source: ServeSource, info: ThemeLookup): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/themes/top',
      { schema: { summary: 'Top friction themes of a dataset, for a window and a facet', querystring: TopThemesQuery } },
      async (request) => {
        const q = request.query;
        const scope = await datasetScope(source, q);
        const result = topThemes(scope.data.insights, scope.data.drivers, info, {
          facet: scope.facet,
          ...(scope.from !== undefined ? { from: scope.from } : {}),
          ...(scope.to !== undefined ? { to: scope.to } : {}),
          sort: q.sort,
          limit: q.limit,
        });
        return { dataset: scope.dataset, facet: scope.facet, sort: q.sort, ...result, coverage: scope.data.coverage };
      },
    );
    app.get(
      '/themes/:id',
      { schema: { summary: 'One theme: series by bucket, impact by facet, driver, quotes', params: ThemeParams, querystring: ThemeQuery } },
      async (request) => {
        const q = request.query;
        const scope = await datasetScope(source, q);
        const detail = themeDetail(scope.data.insights, scope.data.drivers, info, request.params.id, {
          facet: scope.facet,
          ...(scope.from !== undefined ? { from: scope.from } : {}),
          ...(scope.to !== undefined ? { to: scope.to } : {}),
        });
        if (!detail) throw new NotFoundError(`theme '${request.params.id}' has no mention in dataset '${scope.dataset}'`);
        return { dataset: scope.dataset, ...detail };
      },
    );
  };
}
