import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SubscriptionRequest } from '../../contracts/index.js';
import { checkSubscription, type SubscriptionScope } from '../../core/routing/subscription-check.js';
import type { SubscriptionStore } from '../../store/subscriptions/subscription-store.js';

const SubscriptionParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/, 'must be a subscription id (16 hex digits)') });

/**
 * The `subscriptions` command over HTTP, all under the scope subscriptions:write (reading
 * included: a subscription names a team's endpoint, not for every insights reader). The
 * body is the contract's strict SubscriptionRequest, so an operator object in place of a
 * value is a 400 before any query; a team, theme or family the models lack, or an endpoint
 * the policy refuses, is a 422 naming it. The secret is in the 201 of POST and nowhere else.
 */
export function subscriptionRoutes(store: SubscriptionStore, scope: SubscriptionScope): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/subscriptions',
      { schema: { summary: 'Subscribe a team to digests of a dataset (201 with the id and the signing secret, shown once)', body: SubscriptionRequest } },
      async (request, reply) => {
        checkSubscription(request.body, scope);
        const { subscription, secret } = await store.add(request.body);
        return reply.code(201).send({ id: subscription.id, secret, subscription });
      },
    );
    app.get('/subscriptions', { schema: { summary: 'Every subscription, oldest first (never a secret)' } }, async () => ({
      subscriptions: await store.list(),
    }));
    app.get('/subscriptions/:id', { schema: { summary: 'One subscription (never its secret)', params: SubscriptionParams } }, async (request) =>
      store.get(request.params.id),
    );
    app.delete(
      '/subscriptions/:id',
      { schema: { summary: 'Delete a subscription; its secret is retired with it', params: SubscriptionParams } },
      async (request) => ({
        removed: await store.remove(request.params.id),
      }),
    );
  };
}
