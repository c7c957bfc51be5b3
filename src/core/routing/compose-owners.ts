import { InputError } from '../../errors/index.js';
import type { PackOwners } from '../themes/compose-taxonomy.js';
import { checkOwnersReferences, type OwnersMap } from './owners-map.js';

/**
 * The owners map with the industry packs' owners added: teams are united by id (a pack may
 * name a team the map or another pack has, with the same name: retail's "product" team is
 * the core's), rules are appended. The merged map is checked as one file would be: a second
 * rule for a target is an InputError naming the pack's file, and "most specific rule wins"
 * (owner-resolver.ts) then applies across them all.
 */
export function withPackOwners(map: OwnersMap, packs: readonly PackOwners[]): OwnersMap {
  const teams = [...map.teams];
  const rules = [...map.rules];
  for (const { file, owners } of packs) {
    for (const team of owners.teams) {
      const known = teams.find((t) => t.id === team.id);
      if (known === undefined) teams.push(team);
      else if (known.name !== team.name) throw new InputError(`${file}: owners: team "${team.id}" is named "${team.name}" here and "${known.name}" elsewhere`);
    }
    const merged = { teams, rules: [...rules, ...owners.rules] };
    const problems = checkOwnersReferences(merged);
    if (problems.length > 0) throw new InputError(`${file}: owners (after the owners map and the packs before it): ${problems.join('; ')}`);
    rules.push(...owners.rules);
  }
  return { ...map, teams, rules };
}
