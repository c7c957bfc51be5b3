import { readFileSync } from 'node:fs';
import type { SentimentLabel } from '../../src/contracts/analysis.js';

export interface LabelledSentence {
  id: string;
  text: string;
  label: SentimentLabel;
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&apos;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (s: string): string => s.replace(/&(quot|amp|apos|lt|gt);/g, (m) => ENTITIES[m] ?? m);

/**
 * SemEval-2014 Task 4 restaurant sentences with a sentence-level gold label: positive or
 * negative where ALL its aspectCategory polarities agree on it, neutral otherwise
 * (neutral, conflict or mixed categories).
 */
export function loadSemEvalSentences(file: string): LabelledSentence[] {
  const xml = readFileSync(file, 'utf8');
  const out: LabelledSentence[] = [];
  for (const m of xml.matchAll(/<sentence id="([^"]*)">([\s\S]*?)<\/sentence>/g)) {
    const body = m[2] ?? '';
    const text = /<text>([\s\S]*?)<\/text>/.exec(body)?.[1];
    if (text === undefined) continue;
    const polarities = [...body.matchAll(/<aspectCategory [^>]*polarity="([^"]*)"/g)].map((p) => p[1]);
    let label: SentimentLabel = 'neutral';
    if (polarities.length > 0 && polarities.every((p) => p === 'positive')) label = 'positive';
    else if (polarities.length > 0 && polarities.every((p) => p === 'negative')) label = 'negative';
    out.push({ id: m[1] ?? '', text: decode(text), label });
  }
  return out;
}
