import type { SubscriptionStore } from '../store/subscriptions/subscription-store.js';
import { openSubscriptionStore } from '../store/subscriptions/open-subscription-store.js';
import { type ServiceFlags, serviceSettings } from './settings.js';

/** The subscription store in the MongoDB the flags (else MONGO_URL, FRICTIONLENS_DB) name; ServiceUnavailableError when unreachable. */
export async function openSubscriptions(flags: ServiceFlags): Promise<SubscriptionStore> {
  const settings = serviceSettings(flags);
  return openSubscriptionStore({ url: settings.mongoUrl, database: settings.database, writeConcern: settings.writeConcern });
}
