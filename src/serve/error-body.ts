import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { FrictionlensError, outcomeOf } from '../errors/index.js';

/** Every error answer of the API: `{"error":{"code","message"}}`. */
interface ErrorBody {
  error: { code: string; message: string };
}

const body = (code: string, message: string): ErrorBody => ({ error: { code, message } });

/**
 * Maps an error to its HTTP status and body at the edge, through the one outcome table
 * (errors/outcomes.ts) for the project's own errors. A request that fails validation is a
 * usage error (400) naming the parameter; fastify's own 4xx (a body too large, an unsupported
 * media type) keep their status; anything else is a bug: 500, logged with its stack, and the
 * client is told no more than that.
 */
export function sendError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'request';
    const issues = error.validation.map((v) => `${where}${v.instancePath === '/' ? '' : v.instancePath.replaceAll('/', '.')}: ${v.message}`);
    return reply.code(400).send(body('usage', issues.join('; ')));
  }
  if (error instanceof FrictionlensError) {
    const outcome = outcomeOf(error);
    return reply.code(outcome.httpStatus).send(body(outcome.code, error.message));
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'bad_request';
    return reply.code(status).send(body(code, error.message));
  }
  request.log.error({ err: error }, 'internal error (a bug)');
  return reply.code(500).send(body('internal', 'internal error (a bug); the server log has its stack'));
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send(body('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
}
