import type { ApiKey, Scope } from '../../contracts/index.js';

/** A new key: its id and the full key text, which is shown once and never stored. */
interface NewKey {
  id: string;
  key: string;
}

/** API keys, of which only a hash of the secret is kept (README "Keys and scopes"). */
export interface KeyStore {
  create(name: string, scopes: readonly Scope[]): Promise<NewKey>;
  /** Every key, revoked ones included, oldest first; never a hash. */
  list(): Promise<ApiKey[]>;
  /** Marks a key revoked (once: revoking it again keeps the first date); NotFoundError for an unknown id. */
  revoke(id: string): Promise<ApiKey>;
  /** The record of a valid, unrevoked key, or null for anything else. */
  verify(key: string): Promise<ApiKey | null>;
  close(): Promise<void>;
}
