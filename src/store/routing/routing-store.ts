import type { Alert, Digest } from '../../contracts/index.js';

/** What routing keeps (README "Routing"): the digests built, and the alerts raised once each. */
export interface RoutingStore {
  /** Stores a digest, replacing one of the same id (the same subscription and period, built again). */
  putDigest(digest: Digest): Promise<void>;
  digest(id: string): Promise<Digest | null>;
  /** A subscription's digests, newest period first. */
  digests(subscriptionId: string): Promise<Digest[]>;
  /** Records an alert under its key: true the first time, false for a spike already alerted. */
  claimAlert(alert: Alert): Promise<boolean>;
  /** The alerts raised, newest first; of one dataset when named. */
  alerts(dataset?: string): Promise<Alert[]>;
  close(): Promise<void>;
}
