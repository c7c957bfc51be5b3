import type { WriteConcernSettings } from 'mongodb';
import { UsageError } from '../errors/index.js';

/**
 * Parses a write concern setting: "majority" (the default: a stored analysis survives the
 * loss of a replica-set primary), a number of nodes ("1" is the fastest acknowledged write),
 * optionally followed by ",journal" to wait for the on-disk journal.
 */
export function parseWriteConcern(text: string | undefined): WriteConcernSettings {
  if (text === undefined || text === '') return { w: 'majority' };
  const [w, ...flags] = text.split(',').map((s) => s.trim());
  const concern: WriteConcernSettings = {};
  if (w === 'majority') concern.w = 'majority';
  else if (w !== undefined && /^\d+$/.test(w)) concern.w = Number(w);
  else throw new UsageError(`write concern '${text}': expected majority or a number of nodes, optionally followed by ,journal`);
  for (const flag of flags) {
    if (flag === 'journal') concern.journal = true;
    else throw new UsageError(`write concern '${text}': unknown flag '${flag}' (only 'journal')`);
  }
  return concern;
}
