import type { ThemeLookup } from '../core/themes/taxonomy.js';
import type { RoutingContext } from '../distributed/routing-context.js';
import { openDeliveryQueue } from '../queue/delivery-queue.js';
import { openDeliveryStore } from '../store/deliveries/open-delivery-store.js';
import { openRoutingStore } from '../store/routing/open-routing-store.js';
import { openSubscriptionStore } from '../store/subscriptions/open-subscription-store.js';
import { deliverySettings } from './delivery-settings.js';
import type { ServiceSettings } from './settings.js';

/**
 * Everything routing needs, opened on the installation's MongoDB and Redis: digests and
 * alerts, subscriptions, the delivery log and the deliver queue. What opened is closed again
 * when a later part fails (ServiceUnavailableError in one line from the part that did).
 */
export async function openRouting(
  settings: Pick<ServiceSettings, 'mongoUrl' | 'database' | 'writeConcern' | 'redisUrl' | 'prefix'>,
  info: ThemeLookup,
): Promise<RoutingContext & { close(): Promise<void> }> {
  const mongo = { url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern };
  const opened: Array<{ close(): Promise<void> }> = [];
  const close = async (): Promise<void> => void (await Promise.all(opened.map((o) => o.close())));
  try {
    const routing = await openRoutingStore(mongo);
    opened.push(routing);
    const subscriptions = await openSubscriptionStore(mongo);
    opened.push(subscriptions);
    const deliveries = await openDeliveryStore(mongo);
    opened.push(deliveries);
    const queue = await openDeliveryQueue({ redisUrl: settings.redisUrl, prefix: settings.prefix }, deliverySettings().retries);
    opened.push(queue);
    return { info, routing, subscriptions, deliveries, queue, now: () => new Date(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
