export { detectLanguage, type LanguageGuess } from './detect.js';
