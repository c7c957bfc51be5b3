import { createNlp, parseDoc } from '../../src/core/text/nlp.js';
import { loadWinkModel } from '../../src/load/wink-model.js';
import type { Doc } from '../../src/core/text/types.js';

// One instance for the whole test file: building it is the expensive part.
const nlp = createNlp(loadWinkModel());

/** The Doc the pipeline would build for `text`. */
export function makeDoc(text: string): Doc {
  return parseDoc(nlp, text);
}
