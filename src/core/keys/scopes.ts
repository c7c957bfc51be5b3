import { SCOPES, Scope } from '../../contracts/index.js';
import { UsageError } from '../../errors/index.js';

/** Whether a key's scopes open a route that needs `needed`: its own scope, or `admin`, which grants every scope. */
export const grants = (scopes: readonly Scope[], needed: Scope): boolean => scopes.includes('admin') || scopes.includes(needed);

/**
 * Scopes from `--scope` values, each a comma-separated list (`--scope insights:read,runs:write`
 * or the flag repeated): deduplicated, in the order of SCOPES. An unknown scope is a usage
 * error naming the valid ones.
 */
export function parseScopes(values: readonly string[]): Scope[] {
  const given = new Set<Scope>();
  for (const name of values.flatMap((v) => v.split(',')).map((s) => s.trim())) {
    const scope = Scope.safeParse(name);
    if (!scope.success) throw new UsageError(`--scope: unknown scope '${name}' (scopes: ${SCOPES.join(', ')})`);
    given.add(scope.data);
  }
  if (given.size === 0) throw new UsageError(`--scope is needed: one or more of ${SCOPES.join(', ')}`);
  return SCOPES.filter((s) => given.has(s));
}
