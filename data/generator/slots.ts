import { AGENT_NAMES, PHONES, PRODUCTS, PROMO_CODES, WEEKDAYS } from './catalogue.js';
import type { Rng } from './prng.js';

export type SlotFiller = (rng: Rng) => string;

const money = (rng: Rng, min: number, max: number): string => {
  const cents = rng.int(min * 100, max * 100);
  const whole = Math.floor(cents / 100);
  // Half the amounts are round: people write "$40" as often as "$39.99".
  return rng.chance(0.5) ? `$${whole}` : `$${whole}.${String(cents % 100).padStart(2, '0')}`;
};

const COUNT_WORDS = ['twice', 'three times', 'four times', 'five times', 'several times', 'a dozen times'] as const;
const PEOPLE_WORDS = ['three', 'four', 'five', '3', '4'] as const;
const ORDINALS = ['third', 'fourth', 'fifth', '4th', 'sixth'] as const;
const DAY_SPANS = ['3 days', 'four days', 'a week', 'over a week', '10 days', 'two weeks', 'nearly a month', '5 days'] as const;
const DURATIONS = ['45 minutes', 'over an hour', 'two hours', '40 mins', 'an hour and a half', '25 minutes', '1h20'] as const;

/** The `{slot}` fillers phrasings may use; an unknown slot is a bug in a phrasing. */
export const SLOTS: Readonly<Record<string, SlotFiller>> = {
  order: (rng) => (rng.chance(0.5) ? `#${rng.int(1000000, 9999999)}` : `LM-${rng.int(10, 99)}-${rng.int(100000, 999999)}`),
  amount: (rng) => money(rng, 9, 240),
  amount2: (rng) => money(rng, 9, 240),
  days: (rng) => rng.pick(DAY_SPANS),
  duration: (rng) => rng.pick(DURATIONS),
  count: (rng) => rng.pick(COUNT_WORDS),
  count_people: (rng) => rng.pick(PEOPLE_WORDS),
  ordinal: (rng) => rng.pick(ORDINALS),
  weekday: (rng) => rng.pick(WEEKDAYS),
  product: (rng) => rng.pick(PRODUCTS),
  product2: (rng) => rng.pick(PRODUCTS),
  agent: (rng) => rng.pick(AGENT_NAMES),
  percent: (rng) => `${rng.pick([10, 12, 15, 20, 25, 30])}%`,
  code: (rng) => rng.pick(PROMO_CODES),
  phone: (rng) => rng.pick(PHONES),
  seconds: (rng) => String(rng.int(10, 45)),
  years: (rng) => String(rng.int(2, 12)),
};
