import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadSemEvalSentences } from '../lib/semeval.js';

export interface Split {
  texts: string[];
  labels: string[];
}

export interface MultiLabelSplit {
  texts: string[];
  labels: string[][];
}

/** ../shared/datasets next to the repository root (the repo's parent's "shared" folder). */
export const datasetsDir = (repoRoot: string): string => join(repoRoot, '..', 'shared', 'datasets');

/** The folder of one dataset, or undefined after saying why it is skipped. */
export function datasetFolder(root: string, name: string, files: readonly string[], say: (line: string) => void): string | undefined {
  const dir = join(root, name);
  const missing = files.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    say(`skipped ${name}: ${missing.map((f) => join(dir, f)).join(', ')} not found`);
    return undefined;
  }
  return dir;
}

/** banking77 train.csv / test.csv: columns text, category. */
export function loadBanking(dir: string): { train: Split; test: Split } {
  const read = (file: string): Split => {
    const rows = parse(readFileSync(join(dir, file)), { columns: true }) as { text: string; category: string }[];
    return { texts: rows.map((r) => r.text), labels: rows.map((r) => r.category) };
  };
  return { train: read('train.csv'), test: read('test.csv') };
}

export interface Clinc {
  train: Split;
  val: Split;
  test: Split;
  oosTrain: string[];
  oosVal: string[];
  oosTest: string[];
}

/** clinc150 data_full.json: [text, intent] pairs per split; oos_* hold the out-of-scope rows. */
export function loadClinc(dir: string): Clinc {
  const data = JSON.parse(readFileSync(join(dir, 'data_full.json'), 'utf8')) as Record<string, [string, string][]>;
  const split = (name: string): Split => ({ texts: (data[name] ?? []).map((r) => r[0]), labels: (data[name] ?? []).map((r) => r[1]) });
  const texts = (name: string): string[] => (data[name] ?? []).map((r) => r[0]);
  return { train: split('train'), val: split('val'), test: split('test'), oosTrain: texts('oos_train'), oosVal: texts('oos_val'), oosTest: texts('oos_test') };
}

/** SemEval-2014 restaurants: sentence sentiment (bench/lib/semeval.ts's gold rule). */
export function loadSemEvalSentiment(dir: string): { train: Split; test: Split } {
  const read = (file: string): Split => {
    const sentences = loadSemEvalSentences(join(dir, file));
    return { texts: sentences.map((s) => s.text), labels: sentences.map((s) => s.label) };
  };
  return { train: read('Restaurants_Train_v2.xml'), test: read('Restaurants_Test_Gold.xml') };
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&apos;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (s: string): string => s.replace(/&(quot|amp|apos|lt|gt);/g, (m) => ENTITIES[m] ?? m);

/** SemEval-2014 restaurants: every sentence with its set of "category#polarity" pairs. */
export function loadSemEvalAspects(dir: string): { train: MultiLabelSplit; test: MultiLabelSplit } {
  const read = (file: string): MultiLabelSplit => {
    const xml = readFileSync(join(dir, file), 'utf8');
    const out: MultiLabelSplit = { texts: [], labels: [] };
    for (const m of xml.matchAll(/<sentence id="[^"]*">([\s\S]*?)<\/sentence>/g)) {
      const body = m[1] ?? '';
      const text = /<text>([\s\S]*?)<\/text>/.exec(body)?.[1];
      const pairs = [...body.matchAll(/<aspectCategory category="([^"]*)" polarity="([^"]*)"/g)].map((p) => `${p[1]}#${p[2]}`);
      if (text === undefined || pairs.length === 0) continue;
      out.texts.push(decode(text));
      out.labels.push([...new Set(pairs)]);
    }
    return out;
  };
  return { train: read('Restaurants_Train_v2.xml'), test: read('Restaurants_Test_Gold.xml') };
}
