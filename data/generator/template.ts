import type { Rng } from './prng.js';
import { SLOTS } from './slots.js';

const SLOT = /\{(\w+)\}/g;
const ALTERNATIVES = /\[([^\]]+)\]/g;

/** "got a {product2} instead of the {product}" must name two different things. */
const DIFFERENT_FROM: Readonly<Record<string, string>> = { product2: 'product', amount2: 'amount' };

/** Fills `[a|b]` alternatives and `{slot}` fillers; `vars` pin slots (e.g. the record's product). */
export function fillTemplate(rng: Rng, template: string, vars: Readonly<Record<string, string>> = {}): string {
  const chosen = template.replace(ALTERNATIVES, (_, options: string) => rng.pick(options.split('|')));
  const filled: Record<string, string> = {};
  return chosen.replace(SLOT, (_, name: string) => {
    const pinned = vars[name];
    if (pinned !== undefined) return (filled[name] = pinned);
    const filler = SLOTS[name];
    if (filler === undefined) throw new Error(`generator: unknown slot {${name}} in "${template}"`);
    const other = DIFFERENT_FROM[name];
    const avoid = other === undefined ? undefined : (filled[other] ?? vars[other]);
    let value = filler(rng);
    // A slot with a single filler could never differ: give up after a few draws, loudly.
    for (let tries = 0; value === avoid; tries++) {
      if (tries === 50) throw new Error(`generator: slot {${name}} cannot differ from {${other}} in "${template}"`);
      value = filler(rng);
    }
    return (filled[name] = value);
  });
}
