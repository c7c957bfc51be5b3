import { DIGITAL_PHRASINGS } from './phrasings-digital.js';
import { LOGISTICS_PHRASINGS } from './phrasings-logistics.js';
import { MONEY_PHRASINGS } from './phrasings-money.js';
import { SERVICE_PHRASINGS } from './phrasings-service.js';
import type { ThemePhrasings } from './phrasing-types.js';
import { THEME_IDS, type ThemeId } from './theme-ids.js';

const MIN_NEGATIVE_PHRASINGS = 5;

/** Every theme's phrasings; fails at load if a theme has none or too few to read varied. */
function buildPhrasings(): Readonly<Record<ThemeId, ThemePhrasings>> {
  const merged = { ...MONEY_PHRASINGS, ...LOGISTICS_PHRASINGS, ...SERVICE_PHRASINGS, ...DIGITAL_PHRASINGS };
  const out = {} as Record<ThemeId, ThemePhrasings>;
  for (const id of THEME_IDS) {
    const book = merged[id];
    if (book === undefined || book.negative.length < MIN_NEGATIVE_PHRASINGS) {
      throw new Error(`generator: theme ${id} needs at least ${MIN_NEGATIVE_PHRASINGS} negative phrasings`);
    }
    out[id] = book;
  }
  return out;
}

export const PHRASINGS = buildPhrasings();
