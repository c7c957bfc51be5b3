import model from 'wink-eng-lite-web-model';
import type { WinkModel } from '../core/text/nlp.js';

/**
 * wink's English model (tokens, sentences, POS, lemmas, negation): loaded here, passed to the core.
 *
 * Its CER loader is made to give the same table every time: the loader stores
 * `JSON.stringify(table)` back into its module-level table, so every further
 * `winkNLP(model)` re-encoded the string the previous one left. It doubled in size with each
 * instance (80 MB by the tenth) and the twentieth threw "RangeError: Invalid string length":
 * any process that replaced its instance 20 times (2 million unseen words), or loaded the
 * models 20 times, crashed.
 */
const MODEL: WinkModel = (() => {
  const loaded = model as unknown as { metaCER: () => unknown };
  const cer = loaded.metaCER();
  return { ...loaded, metaCER: () => cer } as unknown as WinkModel;
})();

export const loadWinkModel = (): WinkModel => MODEL;
