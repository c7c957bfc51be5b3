import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../errors/index.js';
import { packageRoot } from '../load/taxonomy.js';

/** Where `npm run build` puts the bundled dashboard (scripts/build-dashboard.ts). */
export const dashboardDir = (): string => join(packageRoot(), 'dist', 'dashboard');

/**
 * The dashboard at '/': index.html, app.js and app.css as files from this origin (helmet's
 * default Content-Security-Policy allows scripts and styles from 'self' only), one route per
 * file so any other path still gets the API's JSON 404. Without a build, '/' says how to make one.
 */
export function dashboardRoutes(dir: string = dashboardDir()): FastifyPluginAsync {
  return async (app) => {
    if (!existsSync(join(dir, 'index.html'))) {
      app.get('/', { schema: { hide: true } }, async () => {
        throw new NotFoundError(`the dashboard is not built (no ${join(dir, 'index.html')}): run npm run build`);
      });
      return;
    }
    await app.register(fastifyStatic, { root: dir, wildcard: false, index: 'index.html', schemaHide: true });
  };
}
