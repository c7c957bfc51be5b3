export { detectLanguage, type LanguageGuess, type NgramDetector } from './detect.js';
