import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { CONTENT_TYPES, uploadFormat, type Uploads } from '../upload-run.js';
import { UploadQuery } from '../query.js';

/**
 * POST /runs: an export uploaded as the request body (CSV, TSV, JSONL or JSON, by its
 * Content-Type or ?format=), with the ingest flags of `submit` as query parameters, streamed
 * to disk and submitted as a distributed run; 202 with the run's id, followed with
 * GET /runs/:id. Registered only where there are services to run it (not with --from).
 */
export function runUploadRoutes(uploads: Uploads): FastifyPluginAsyncZod {
  return async (app) => {
    // The body stays a stream: uploads are read to disk, never parsed or held in memory.
    // (In this plugin only: fastify scopes content-type parsers to the plugin that adds them.)
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(Object.keys(CONTENT_TYPES), (_request, payload, done) => done(null, payload));
    app.post(
      '/runs',
      { schema: { summary: 'Upload an export and start a distributed run of it (202 with the run id)', querystring: UploadQuery } },
      async (request, reply) => {
        const { format, ...flags } = request.query;
        const body = request.body as Readable;
        const { runId } = await uploads.start(body, { ...flags, format: uploadFormat(request.headers['content-type'], format) });
        return reply
          .code(202)
          .header('location', `${request.url.split('/runs')[0]}/runs/${runId}`)
          .send({ runId, status: 'running' });
      },
    );
  };
}
