import { isPlantedDriver } from './drivers.js';
import { PHRASINGS } from './phrasings.js';
import type { Rng } from './prng.js';
import { THEME_IDS, type Mention, type ThemeId } from './theme-ids.js';

/** The planted spike: this theme's volume is multiplied in the last days of the window. */
export interface SpikePlan {
  theme: ThemeId;
  factor: number;
  fromMs: number;
}

/** How often each family comes up, relative to the others. */
const FAMILY_WEIGHT: Readonly<Record<string, number>> = {
  billing: 1.1,
  delivery: 1.4,
  account: 0.8,
  support: 1.3,
  product: 1.0,
  app: 1.0,
  pricing: 0.9,
  cancellation: 0.9,
  communication: 0.8,
};

/** Drivers share one weight, so impact ranks them by planted effect and not by frequency. */
const DRIVER_WEIGHT = 2.5;
/** P(0, 1, 2, 3 themes): ~15% of verbatims mention none. */
const MENTION_COUNT_WEIGHTS = [0.15, 0.5, 0.25, 0.1] as const;
const POSITIVE_SHARE = 0.15;
const DRIVER_POSITIVE_SHARE = 0.06;

export interface MentionPlanner {
  plan(rng: Rng, createdAtMs: number): Mention[];
}

export function createMentionPlanner(spike: SpikePlan): MentionPlanner {
  const base = THEME_IDS.map((id) => (isPlantedDriver(id) ? DRIVER_WEIGHT : (FAMILY_WEIGHT[id.split('.')[0] ?? ''] ?? 1)));
  const spiked = THEME_IDS.map((id, i) => (id === spike.theme ? (base[i] ?? 1) * spike.factor : (base[i] ?? 1)));
  return {
    plan(rng, createdAtMs) {
      const weights = [...(createdAtMs >= spike.fromMs ? spiked : base)];
      const count = rng.weighted(MENTION_COUNT_WEIGHTS);
      const mentions: Mention[] = [];
      for (let k = 0; k < count; k++) {
        const index = rng.weighted(weights);
        weights[index] = 0; // without replacement: a verbatim names a theme once
        const theme = THEME_IDS[index] as ThemeId;
        const share = isPlantedDriver(theme) ? DRIVER_POSITIVE_SHARE : POSITIVE_SHARE;
        const canPraise = PHRASINGS[theme].positive.length > 0;
        mentions.push({ theme, polarity: canPraise && rng.chance(share) ? 'positive' : 'negative' });
      }
      return mentions;
    },
  };
}
