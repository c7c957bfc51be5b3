import type { Rng } from './prng.js';
import type { Mention, ThemeId } from './theme-ids.js';

/**
 * The planted score model. A verbatim's latent satisfaction on the 0-10 NPS scale is
 *   latent = BASE + NOISE_SD * z + sum over its mentions of effect(mention)
 * where a negative mention of a planted driver adds its effect, any other negative mention
 * OTHER_NEGATIVE, a positive mention POSITIVE, and a verbatim with no theme NO_THEME.
 * NPS = round(latent) clamped to 0..10; CSAT and ratings = round(latent / 2) clamped to 1..5.
 */
export const SCORE_MODEL = {
  base: 9.2,
  noiseSd: 1.2,
  otherNegative: -0.4,
  positive: 0.6,
  noTheme: 0.4,
} as const;

/** Planted drivers, strongest first: the order impact analysis must recover. */
export const PLANTED_DRIVERS: ReadonlyArray<{ theme: ThemeId; effect: number }> = [
  { theme: 'delivery.lost-package', effect: -5.0 },
  { theme: 'billing.double-charge', effect: -3.0 },
  { theme: 'support.no-callback', effect: -2.0 },
  { theme: 'app.slow', effect: -1.0 },
];

const DRIVER_EFFECT: ReadonlyMap<ThemeId, number> = new Map(PLANTED_DRIVERS.map((d) => [d.theme, d.effect]));

export const isPlantedDriver = (theme: ThemeId): boolean => DRIVER_EFFECT.has(theme);

export function latentScore(rng: Rng, mentions: readonly Mention[]): number {
  let latent = SCORE_MODEL.base + SCORE_MODEL.noiseSd * rng.normal();
  if (mentions.length === 0) latent += SCORE_MODEL.noTheme;
  for (const m of mentions) {
    latent += m.polarity === 'positive' ? SCORE_MODEL.positive : (DRIVER_EFFECT.get(m.theme) ?? SCORE_MODEL.otherNegative);
  }
  return latent;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export const toNps = (latent: number): number => clamp(Math.round(latent), 0, 10);
export const toFivePoint = (latent: number): number => clamp(Math.round(latent / 2), 1, 5);
