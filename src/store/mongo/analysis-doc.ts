import type { Analysis } from '../../contracts/index.js';
import { decodeKeys, encodeKeys } from './field-names.js';

/** The parts of an analysis only ever read back whole, as evidence. */
type Detail = Pick<Analysis, 'sentences' | 'themes' | 'signals' | 'keyPhrases' | 'redactions'>;

/**
 * How an analysis is stored. The fields a query may filter or slice on stay native
 * (channel, createdAt, sentiment, the theme ids, score, customer, attributes); the detail
 * (sentences, theme mentions with their evidence, signals, key phrases) is one JSON text.
 * FerretDB's cost per document grows with its nesting: on a 2-core machine the sentences as
 * text took its insert rate from ~1,800 to ~3,400 analyses/s, all the detail as text from
 * ~7,000 to ~13,000 (measured with 20,000 sample analyses, batches of 500).
 */
export type AnalysisDoc = Omit<Analysis, keyof Detail> & { themeIds: string[]; detailJson: string };

export function toAnalysisDoc(a: Analysis): AnalysisDoc {
  const { sentences, themes, signals, keyPhrases, redactions, ...rest } = a;
  const detail: Detail = { sentences, themes, signals, keyPhrases, redactions };
  return {
    ...rest,
    themeIds: themes.map((t) => t.id),
    detailJson: JSON.stringify(detail),
    ...(a.attributes ? { attributes: encodeKeys(a.attributes) } : {}),
  };
}

export function fromAnalysisDoc(doc: AnalysisDoc): Analysis {
  const { detailJson, themeIds: _themeIds, ...rest } = doc;
  const detail = JSON.parse(detailJson) as Detail;
  return { ...rest, ...detail, ...(doc.attributes ? { attributes: decodeKeys(doc.attributes) } : {}) };
}
