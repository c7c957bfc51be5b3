import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiKey } from '../contracts/index.js';
import { bearerToken, parseKey } from '../core/keys/key-format.js';
import { grants } from '../core/keys/scopes.js';
import { ForbiddenError, UnauthorizedError } from '../errors/index.js';
import { accessOf } from './route-access.js';
import { sendError } from './error-body.js';

/** What the server asks of a key store: the record of a valid, unrevoked key, else null. */
export interface KeyVerifier {
  verify(key: string): Promise<ApiKey | null>;
}

/** Requests per key (or per client address, without a valid key) in a window. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** 300 requests a minute: a dashboard page asks for a handful, a script a few a second. */
export const DEFAULT_RATE_LIMIT: RateLimit = { max: 300, windowMs: 60_000 };

interface AuthOptions {
  keys: KeyVerifier;
  rateLimit?: RateLimit;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified key of the request (null before the check, on open routes and when refused). */
    apiKey: ApiKey | null;
  }
}

/**
 * Access control: `Authorization: Bearer KEY` checked against the key store, the route's
 * scope from the access table (route-access.ts), and a rate limit per key (per client
 * address without a valid key: wrong keys are limited too). All in one onRequest hook, so a
 * refused request is answered before its body is read (a huge upload without a key is a
 * 401, never a 413). Refusals are errors of the vocabulary (401 unauthorized, 403 forbidden,
 * 429 from @fastify/rate-limit), answered by the hook itself with the one JSON body
 * (error-body.ts). Nothing here logs, and no message carries the key.
 */
const accessControl: FastifyPluginAsync<AuthOptions> = async (app, options) => {
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  app.decorateRequest('apiKey', null);
  // global: false: the limiter runs inside the hook below, after the key is known, rather than
  // as a hook of its own on each route.
  await app.register(fastifyRateLimit, {
    global: false,
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request) => (request.apiKey ? `key:${request.apiKey.id}` : `ip:${request.ip}`),
  });
  const rateLimited = app.rateLimit();

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Answered here, not thrown: a plugin with an error handler of its own (Bull Board) would
    // otherwise answer a refusal of its routes as a 500 in its own shape.
    try {
      await check(request, reply);
    } catch (error) {
      return sendError(error as Error, request, reply);
    }
  });

  async function check(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // An unmatched URL has no route: any valid key may learn it is a 404, no one without a key.
    const route = request.is404 ? undefined : request.routeOptions.url;
    const access = route === undefined ? 'any-key' : accessOf(request.method, route);
    const token = access === 'public' ? null : bearerToken(request.headers.authorization);
    // A malformed key is refused without a store read (parseKey); a well-formed one is read by its id.
    if (token !== null && parseKey(token) !== null) request.apiKey = await options.keys.verify(token);
    await rateLimited.call(app, request, reply);
    if (access === 'public') return;
    const key = request.apiKey;
    if (!key) {
      reply.header('www-authenticate', 'Bearer');
      throw new UnauthorizedError(
        token === null
          ? 'an API key is needed: send Authorization: Bearer KEY (frictionlens keys create)'
          : 'the API key is not valid (malformed, unknown or revoked)',
      );
    }
    if (access === null) throw new ForbiddenError(`${request.method} ${route} is open to no scope`);
    if (access !== 'any-key' && !grants(key.scopes, access))
      throw new ForbiddenError(`this key lacks the scope ${access} that ${request.method} ${route} needs`);
  }
};

/** Registered without encapsulation (fastify-plugin), so its hook guards every route of the server. */
export const auth = fp(accessControl, { name: 'frictionlens-auth', fastify: '5.x' });
