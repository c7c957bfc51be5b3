import { z } from 'zod';

/**
 * What an API key may do. `insights:read` reads themes, analyses, runs, the taxonomy and the
 * metrics; `runs:write` uploads runs; `subscriptions:write` manages digest subscriptions;
 * `admin` is the operator's (the queue board) and grants every other scope as well.
 */
export const SCOPES = ['insights:read', 'runs:write', 'subscriptions:write', 'admin'] as const;
export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

/** A key as it is listed and as a verified request carries it: never its secret nor its hash. */
export const ApiKey = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().min(1).max(200),
  scopes: z.array(Scope).min(1),
  createdAt: z.iso.datetime(),
  /** Set once, by `keys revoke`: a revoked key is refused from then on. */
  revokedAt: z.iso.datetime().optional(),
});
export type ApiKey = z.infer<typeof ApiKey>;
