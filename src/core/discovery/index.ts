export { familyVocabularies } from './parent.js';
export { suggestionsDocument } from './snippet.js';
export { NameTally } from './mask.js';
export { DEFAULT_MAX_SUGGESTIONS, DEFAULT_MIN_SIZE, suggestFromUnits, suggestThemes } from './suggest.js';
export { describeUnit } from './terms.js';
export type { DescribedUnit, DiscoveryResult, DiscoveryUnit, SuggestOptions, ThemeSuggestion } from './types.js';
export { uncoveredUnits } from './units.js';
