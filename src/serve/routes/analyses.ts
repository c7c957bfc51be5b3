import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AnalysisLine } from '../../store/out-dir.js';
import { AnalysesQuery } from '../query.js';
import { resolveDataset } from '../resolve-dataset.js';
import type { ServeSource } from '../source.js';

const ATTRIBUTE_PREFIX = 'attr.';

/**
 * GET /analyses: the drill-down behind a number. Redacted verbatims with their sentences,
 * themes and evidence, filtered by theme, sentiment, window (by the day of createdAt; an
 * undated verbatim is in no window) and any of channel, segment and attr.NAME together, paged
 * by an opaque cursor (`next` of the page before).
 */
export function analysesRoutes(source: ServeSource): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/analyses', { schema: { summary: 'Redacted analyses behind the figures, paged', querystring: AnalysesQuery } }, async (request) => {
      const q = request.query;
      const dataset = await resolveDataset(source, q.dataset);
      const attributes = Object.entries(q).flatMap(([key, value]) =>
        key.startsWith(ATTRIBUTE_PREFIX) && typeof value === 'string' ? [[key.slice(ATTRIBUTE_PREFIX.length), value] as const] : [],
      );
      const keep = (a: AnalysisLine): boolean => {
        if (q.theme !== undefined && !a.themes.some((t) => t.id === q.theme)) return false;
        if (q.sentiment !== undefined && a.sentiment.label !== q.sentiment) return false;
        if (q.channel !== undefined && a.channel !== q.channel) return false;
        if (q.segment !== undefined && a.customer?.segment !== q.segment) return false;
        for (const [name, value] of attributes) if (a.attributes?.[name] !== value) return false;
        if (q.from !== undefined || q.to !== undefined) {
          const day = a.createdAt?.slice(0, 10);
          if (day === undefined || (q.from !== undefined && day < q.from) || (q.to !== undefined && day > q.to)) return false;
        }
        return true;
      };
      const page = await source.analyses(dataset, keep, q.cursor, q.limit);
      return { dataset, items: page.items, next: page.next };
    });
  };
}
