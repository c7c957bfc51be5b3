import type { ThemeLookup } from '../core/themes/taxonomy.js';
import type { RoutingContext } from '../distributed/routing-context.js';
import { openDeliveryQueue } from '../queue/delivery-queue.js';
import { createMongoDeliveryStore } from '../store/deliveries/mongo-delivery-store.js';
import { connectMongo } from '../store/mongo/connect.js';
import { createMongoRoutingStore } from '../store/routing/mongo-routing-store.js';
import { createMongoSubscriptionStore } from '../store/subscriptions/mongo-subscription-store.js';
import { deliverySettings } from './delivery-settings.js';
import type { ServiceSettings } from './settings.js';

/**
 * Everything routing needs, on the installation's MongoDB (one client for digests and
 * alerts, subscriptions and the delivery log) and Redis (the deliver queue). A part that
 * cannot be opened closes what was (ServiceUnavailableError in one line from it).
 */
export async function openRouting(
  settings: Pick<ServiceSettings, 'mongoUrl' | 'database' | 'writeConcern' | 'redisUrl' | 'prefix'>,
  info: ThemeLookup,
): Promise<RoutingContext & { close(): Promise<void> }> {
  const client = await connectMongo(settings.mongoUrl);
  const on = { client, database: settings.database, writeConcern: settings.writeConcern };
  try {
    const routing = createMongoRoutingStore({ ...on, ownsClient: false });
    const subscriptions = createMongoSubscriptionStore(on);
    const deliveries = createMongoDeliveryStore(client.db(settings.database), settings.writeConcern);
    // One index per createIndexes call, one store after the other (FerretDB v1, collections.ts).
    for (const store of [routing, subscriptions, deliveries]) await store.init();
    const queue = await openDeliveryQueue({ redisUrl: settings.redisUrl, prefix: settings.prefix }, deliverySettings().retries);
    const close = async (): Promise<void> => {
      await queue.close();
      await client.close();
    };
    return { info, routing, subscriptions, deliveries, queue, now: () => new Date(), close };
  } catch (error) {
    await client.close();
    throw error;
  }
}
