import model from 'wink-eng-lite-web-model';
import type { WinkModel } from '../core/text/nlp.js';

/** wink's English model (tokens, sentences, POS, lemmas, negation): loaded here, passed to the core. */
export const loadWinkModel = (): WinkModel => model;
