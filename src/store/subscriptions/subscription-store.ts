import type { Subscription, SubscriptionRequest } from '../../contracts/index.js';

/** A new subscription and its signing secret, which `add` returns once and lists never show. */
interface NewSubscription {
  subscription: Subscription;
  secret: string;
}

/**
 * Digest subscriptions (README "Subscriptions"). Each keeps its Standard Webhooks signing
 * secret in the clear, unlike an API key's hash: the sender needs the secret itself to sign.
 */
export interface SubscriptionStore {
  add(request: SubscriptionRequest): Promise<NewSubscription>;
  /** Every subscription, oldest first; never a secret. */
  list(): Promise<Subscription[]>;
  /** One subscription; NotFoundError for an unknown id. */
  get(id: string): Promise<Subscription>;
  /** Deletes a subscription and returns what it was; NotFoundError for an unknown id. */
  remove(id: string): Promise<Subscription>;
  /** The secret to sign a subscription's webhooks with (`whsec_...`); NotFoundError for an unknown id. */
  signingSecret(id: string): Promise<string>;
  close(): Promise<void>;
}
