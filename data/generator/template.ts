import type { Rng } from './prng.js';
import { SLOTS } from './slots.js';

const SLOT = /\{(\w+)\}/g;
const ALTERNATIVES = /\[([^\]]+)\]/g;

/** Fills `[a|b]` alternatives and `{slot}` fillers; `vars` pin slots (e.g. the record's product). */
export function fillTemplate(rng: Rng, template: string, vars: Readonly<Record<string, string>> = {}): string {
  const chosen = template.replace(ALTERNATIVES, (_, options: string) => rng.pick(options.split('|')));
  return chosen.replace(SLOT, (_, name: string) => {
    const pinned = vars[name];
    if (pinned !== undefined) return pinned;
    const filler = SLOTS[name];
    if (filler === undefined) throw new Error(`generator: unknown slot {${name}} in "${template}"`);
    return filler(rng);
  });
}
