import { type Alert, datasetOf, type Subscription } from '../contracts/index.js';
import { alertSlack } from '../core/digest/render-alert.js';
import { UNASSIGNED } from '../core/routing/owners-map.js';
import { webhookIdOf } from '../deliver/webhook-id.js';
import { raiseAlerts } from '../pipeline/raise-alerts.js';
import type { Store } from '../store/store.js';
import { enqueueDelivery } from './enqueue-delivery.js';
import type { RoutingContext } from './routing-context.js';

/**
 * Whether a subscription hears of an alert: its team and dataset, its themes or families
 * when it names some, its facets when it names some (else the unsliced "all" only, so one
 * spike is not sent once per facet value), and its minimum volume.
 */
export function wantsAlert(s: Subscription, a: Alert, family: string | undefined): boolean {
  if (s.team !== a.team || s.dataset !== a.dataset) return false;
  const { themes, families, facets } = s.filter;
  if ((themes || families) && !themes?.includes(a.themeId) && !(family !== undefined && families?.includes(family))) return false;
  if (!(facets ?? ['all']).includes(a.facet)) return false;
  return a.observed >= (s.minVolume ?? 0);
}

/**
 * The route stage of a finished run: its spike alerts (pipeline/raise-alerts.ts) to the
 * subscriptions of the teams that own them, as signed webhooks. Each message's id comes from
 * the alert and the subscription, so a spike reaches a subscription once, whatever retries.
 */
export async function routeRun(store: Store, ctx: RoutingContext, runId: string): Promise<{ alerts: number; deliveries: number }> {
  const run = await store.getRun(runId);
  if (!run) throw new Error(`route: run ${runId} not found`);
  const ownerOf = (themeId: string, facet: string) => {
    const info = ctx.info(themeId, facet);
    return { team: info?.owner ?? UNASSIGNED, name: info?.name ?? themeId };
  };
  const alerts = await raiseAlerts(store, ctx.routing, run, ownerOf, ctx.now());
  if (alerts.length === 0) return { alerts: 0, deliveries: 0 };
  const subscriptions = (await ctx.subscriptions.list()).filter((s) => s.dataset === datasetOf(run));
  let deliveries = 0;
  for (const alert of alerts) {
    const family = ctx.info(alert.themeId)?.family;
    for (const s of subscriptions.filter((sub) => wantsAlert(sub, alert, family))) {
      const payload = s.format === 'slack' ? alertSlack(alert) : alert;
      await enqueueDelivery(ctx.deliveries, ctx.queue, {
        id: webhookIdOf(`alert/${alert.key}/${s.id}`),
        subscriptionId: s.id,
        endpoint: s.endpoint,
        type: 'alert.spike',
        payload: payload as unknown as Record<string, never>,
      });
      deliveries++;
    }
  }
  return { alerts: alerts.length, deliveries };
}
