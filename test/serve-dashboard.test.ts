import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes } from '../src/serve/dashboard.js';
import { sendError, sendNotFound } from '../src/serve/error-body.js';

/** The dashboard's files at '/' (the browser test, test/browser/, opens them in chromium). */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fl-dashboard-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'app.js'), 'export {};');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const appOn = async (folder: string) => {
  const app = Fastify();
  app.setErrorHandler(sendError);
  app.setNotFoundHandler(sendNotFound);
  await app.register(dashboardRoutes(folder));
  return app;
};

describe('dashboardRoutes', () => {
  it("sends index.html at '/' and the bundle's files, and leaves any other path to the JSON 404", async () => {
    const app = await appOn(dir);
    const index = await app.inject('/');
    expect([index.statusCode, index.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect((await app.inject('/app.js')).headers['content-type']).toMatch(/^(application|text)\/javascript/);
    const other = await app.inject('/themes');
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'not_found']);
    await app.close();
  });

  it("answers '/' with a 404 that says how to build the dashboard when it is not built", async () => {
    const app = await appOn(join(dir, 'missing'));
    const res = await app.inject('/');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('npm run build');
    await app.close();
  });
});
