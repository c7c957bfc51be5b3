import type { Analysis } from '../../contracts/index.js';
import { decodeKeys, encodeKeys } from './field-names.js';

/**
 * How an analysis is stored. The fields a query may filter or group on stay native
 * (channel, createdAt, sentiment, themes, signals, score, customer, attributes); the
 * per-sentence detail, only ever read back whole as evidence, is stored as JSON text:
 * FerretDB's cost per document grows with its nesting, and this alone took its insert
 * rate from ~1,800 to ~3,400 analyses/s on a 2-core machine.
 */
export type AnalysisDoc = Omit<Analysis, 'sentences'> & { sentencesJson: string };

export function toAnalysisDoc(a: Analysis): AnalysisDoc {
  const { sentences, ...rest } = a;
  return { ...rest, sentencesJson: JSON.stringify(sentences), ...(a.attributes ? { attributes: encodeKeys(a.attributes) } : {}) };
}

export function fromAnalysisDoc(doc: AnalysisDoc): Analysis {
  const { sentencesJson, ...rest } = doc;
  return { ...rest, sentences: JSON.parse(sentencesJson) as Analysis['sentences'], ...(doc.attributes ? { attributes: decodeKeys(doc.attributes) } : {}) };
}
