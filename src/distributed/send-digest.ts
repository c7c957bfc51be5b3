import { datasetOf, type Delivery, type Digest, type Period, type Subscription } from '../contracts/index.js';
import { digestSlack } from '../core/digest/render-digest.js';
import type { ThemeLookup } from '../core/themes/taxonomy.js';
import { webhookIdOf } from '../deliver/webhook-id.js';
import { teamDigest } from '../pipeline/team-digest.js';
import type { Store } from '../store/store.js';
import { enqueueDelivery } from './enqueue-delivery.js';
import type { RoutingContext } from './routing-context.js';

/** A subscription's digest for a period, from its dataset's finished runs (not stored, not sent: `digest preview`). */
export async function buildTeamDigest(store: Store, info: ThemeLookup, s: Subscription, period: Period, now: Date): Promise<Digest> {
  const finished = (await store.listRuns()).filter((r) => datasetOf(r) === s.dataset && r.status === 'done');
  return teamDigest(
    store,
    finished,
    {
      subscriptionId: s.id,
      team: s.team,
      dataset: s.dataset,
      ...(s.filter.themes ? { themes: s.filter.themes } : {}),
      ...(s.filter.families ? { families: s.filter.families } : {}),
      // A digest reads one slice: the subscription's first facet, else all verbatims.
      facet: s.filter.facets?.[0] ?? 'all',
      ...(s.minFriction !== undefined ? { minFriction: s.minFriction } : {}),
      ...(s.minVolume !== undefined ? { minVolume: s.minVolume } : {}),
      period,
      createdAt: now.toISOString(),
    },
    info,
  );
}

/**
 * Builds a subscription's digest, stores it (replacing the period's earlier one) and queues
 * its webhook. `once`: the message id comes from the digest's id (subscription and period),
 * so a scheduler's retried or repeated job sends a period's digest once; without it (`digest
 * send`), a new message each time.
 */
export async function sendDigest(
  store: Store,
  ctx: RoutingContext,
  s: Subscription,
  period: Period,
  once: boolean,
): Promise<{ digest: Digest; delivery: Delivery }> {
  const digest = await buildTeamDigest(store, ctx.info, s, period, ctx.now());
  await ctx.routing.putDigest(digest);
  const payload = s.format === 'slack' ? digestSlack(digest) : digest;
  const delivery = await enqueueDelivery(ctx.deliveries, ctx.queue, {
    ...(once ? { id: webhookIdOf(`digest/${digest.id}`) } : {}),
    subscriptionId: s.id,
    endpoint: s.endpoint,
    type: 'digest.created',
    payload: payload as unknown as Record<string, never>,
  });
  return { digest, delivery };
}
