import type { ThemeLookup } from '../core/themes/taxonomy.js';
import type { DeliveryQueue } from '../queue/delivery-queue.js';
import type { DeliveryStore } from '../store/deliveries/delivery-store.js';
import type { RoutingStore } from '../store/routing/routing-store.js';
import type { SubscriptionStore } from '../store/subscriptions/subscription-store.js';

/** What routing (the route stage, digests) uses: passed in by the worker, never global. */
export interface RoutingContext {
  /** Theme names and owners (the owners map, by facet). */
  info: ThemeLookup;
  routing: RoutingStore;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  queue: DeliveryQueue;
  now(): Date;
}
