import type { Analysis } from '../../contracts/index.js';
import { decodeHtmlEntities } from '../text/html-entities.js';
import type { Doc } from '../text/types.js';
import type { DiscoveryUnit } from './types.js';

/**
 * The sentences of an analysis that no theme covered, or only catch-all themes did (a
 * catch-all such as "other" says the taxonomy had no specific answer). Each is parsed on
 * its own (`parse` is the pipeline's parser, passed in), so tokens index into the sentence.
 */
export function uncoveredUnits(
  analysis: Pick<Analysis, 'verbatimId' | 'text' | 'sentences'>,
  parse: (text: string) => Doc,
  isCatchAll: (themeId: string) => boolean = () => false,
): DiscoveryUnit[] {
  const units: DiscoveryUnit[] = [];
  analysis.sentences.forEach((s, index) => {
    if (s.themes.some((id) => !isCatchAll(id))) return;
    // A run analysed before analyze decoded HTML references still holds "&amp;": decoded here too.
    const text = decodeHtmlEntities(analysis.text.slice(s.span.start, s.span.end).trim());
    if (!/[a-z]/i.test(text)) return;
    const doc = parse(text);
    units.push({
      verbatimId: analysis.verbatimId,
      sentence: index,
      text,
      tokens: doc.sentences.flatMap((x) => x.tokens),
      sentiment: s.sentiment.label,
    });
  });
  return units;
}
