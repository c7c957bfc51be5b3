import type { ThemeId } from './theme-ids.js';

/**
 * How customers talk about one theme. Templates use `{slot}` fillers (slots.ts) and
 * `[a|b]` alternatives, so one template reads several ways.
 */
export interface ThemePhrasings {
  negative: readonly string[];
  /** Empty when praising the theme is not something customers say. */
  positive: readonly string[];
}

export type PhrasingBook = Partial<Record<ThemeId, ThemePhrasings>>;
