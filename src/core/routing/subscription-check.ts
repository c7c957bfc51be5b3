import type { SubscriptionRequest } from '../../contracts/index.js';
import { InputError } from '../../errors/index.js';
import { checkEndpoint } from './endpoint-policy.js';

/** What a subscription's names must exist in: the owners map's teams, the taxonomy's themes and families, and the http allow list. */
export interface SubscriptionScope {
  teams: readonly string[];
  themes: ReadonlySet<string>;
  families: ReadonlySet<string>;
  /** Hosts an endpoint may reach over plain http (FRICTIONLENS_WEBHOOK_ALLOW). */
  allow: readonly string[];
}

/**
 * What the schema cannot see in a subscription request: a team of the owners map, themes and
 * families of the taxonomy, an endpoint the policy accepts. InputError (exit 3, HTTP 422)
 * listing every problem, each naming what there is to choose from.
 */
export function checkSubscription(request: SubscriptionRequest, scope: SubscriptionScope): void {
  const problems: string[] = [];
  if (!scope.teams.includes(request.team)) problems.push(`team '${request.team}' is not in the owners map (teams: ${scope.teams.join(', ')})`);
  const unknownThemes = (request.filter.themes ?? []).filter((t) => !scope.themes.has(t));
  if (unknownThemes.length > 0)
    problems.push(`filter.themes: unknown theme${unknownThemes.length > 1 ? 's' : ''} ${unknownThemes.map((t) => `'${t}'`).join(', ')}`);
  const unknownFamilies = (request.filter.families ?? []).filter((f) => !scope.families.has(f));
  if (unknownFamilies.length > 0)
    problems.push(
      `filter.families: unknown famil${unknownFamilies.length > 1 ? 'ies' : 'y'} ${unknownFamilies.map((f) => `'${f}'`).join(', ')} (families: ${[...scope.families].join(', ')})`,
    );
  const endpoint = checkEndpoint(request.endpoint, scope.allow);
  if (endpoint) problems.push(`endpoint: ${endpoint}`);
  if (problems.length > 0) throw new InputError(`subscription: ${problems.join('; ')}`);
}

/** The names a subscription may use, from the models the shell loaded. */
export function subscriptionScope(
  taxonomy: { themes: ReadonlyArray<{ id: string }>; families: ReadonlyArray<{ id: string }> },
  teams: ReadonlyArray<{ id: string }>,
  allow: readonly string[],
): SubscriptionScope {
  return { teams: teams.map((t) => t.id), themes: new Set(taxonomy.themes.map((t) => t.id)), families: new Set(taxonomy.families.map((f) => f.id)), allow };
}
