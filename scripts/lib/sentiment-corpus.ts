import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The public labelled text the default sentiment model (models/sentiment/general.json) is
 * trained on, and the parts of it that are held out for measuring, from ../shared/datasets.
 * The splits are fixed by row position (no randomness), so `npm run train:sentiment` and
 * `npm run bench:quality` agree on what was trained on and what was not:
 *
 * - tweets (tweeteval_sentiment): val.csv (2,000) and every 4th row of test.csv (rows 0, 4,
 *   8...) train; the other three quarters of test.csv are held out.
 * - restaurants (semeval2014_restaurants): the train sentences train, the test sentences are
 *   held out. A sentence is positive (negative) when every aspect polarity it carries is
 *   positive (negative), otherwise neutral (neutral, conflict, mixed, or no aspect).
 * - clothing (womens_clothing_reviews): review level, the review text alone (no title).
 *   Rating 1-2 negative, 3 neutral, 4-5 positive. Parts 1 and 2 train, every 3rd review
 *   (so that no source outweighs the others by numbers: ~5,000 like the tweets); part 3 is
 *   held out, every 2nd review (~3,900, to keep the bench short).
 */
export type SentimentSource = 'tweets' | 'restaurants' | 'clothing';
export const SENTIMENT_SOURCES: readonly SentimentSource[] = ['tweets', 'restaurants', 'clothing'];

export interface LabelledText {
  text: string;
  label: 'negative' | 'neutral' | 'positive';
}

export interface SourceSplits {
  train: LabelledText[];
  heldOut: LabelledText[];
  /** How the split was made, for the bench's table. */
  describe: { train: string; heldOut: string };
}

const FOLDERS: Record<SentimentSource, { folder: string; files: string[] }> = {
  tweets: { folder: 'tweeteval_sentiment', files: ['val.csv', 'test.csv'] },
  restaurants: { folder: 'semeval2014_restaurants', files: ['Restaurants_Train_v2.xml', 'Restaurants_Test_Gold.xml'] },
  clothing: { folder: 'womens_clothing_reviews', files: [] },
};

/** The folder of a source under `root`, or undefined when its files are missing. */
export function sourceFolder(root: string, source: SentimentSource): string | undefined {
  const { folder, files } = FOLDERS[source];
  const dir = join(root, folder);
  if (!existsSync(dir)) return undefined;
  return files.every((f) => existsSync(join(dir, f))) ? dir : undefined;
}

const asLabel = (value: string): LabelledText['label'] | undefined => (value === 'negative' || value === 'neutral' || value === 'positive' ? value : undefined);

const csvRows = (file: string): Record<string, string>[] =>
  parse(readFileSync(file), { columns: true, relax_quotes: true, bom: true }) as Record<string, string>[];

function tweets(dir: string): SourceSplits {
  const read = (file: string): LabelledText[] =>
    csvRows(join(dir, file)).flatMap((r) => {
      const label = asLabel((r.label ?? '').trim().toLowerCase());
      const text = (r.text ?? '').trim();
      return label && text ? [{ text, label }] : [];
    });
  const test = read('test.csv');
  return {
    train: [...read('val.csv'), ...test.filter((_, i) => i % 4 === 0)],
    heldOut: test.filter((_, i) => i % 4 !== 0),
    describe: { train: 'val + test rows 0,4,8..', heldOut: 'test rows not ≡ 0 mod 4' },
  };
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&apos;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (s: string): string => s.replace(/&(quot|amp|apos|lt|gt);/g, (m) => ENTITIES[m] ?? m);

function semevalSentences(file: string): LabelledText[] {
  const out: LabelledText[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(/<sentence id="[^"]*">([\s\S]*?)<\/sentence>/g)) {
    const body = m[1] ?? '';
    const text = /<text>([\s\S]*?)<\/text>/.exec(body)?.[1];
    if (text === undefined) continue;
    const polarities = [...body.matchAll(/<aspectCategory [^>]*polarity="([^"]*)"/g)].map((p) => p[1]);
    const all = (p: string): boolean => polarities.length > 0 && polarities.every((q) => q === p);
    out.push({ text: decode(text), label: all('positive') ? 'positive' : all('negative') ? 'negative' : 'neutral' });
  }
  return out;
}

function restaurants(dir: string): SourceSplits {
  return {
    train: semevalSentences(join(dir, 'Restaurants_Train_v2.xml')),
    heldOut: semevalSentences(join(dir, 'Restaurants_Test_Gold.xml')),
    describe: { train: 'train sentences', heldOut: 'test sentences' },
  };
}

const ratingLabel = (rating: number): LabelledText['label'] | undefined =>
  rating >= 1 && rating <= 2 ? 'negative' : rating === 3 ? 'neutral' : rating >= 4 && rating <= 5 ? 'positive' : undefined;

function clothingPart(file: string): LabelledText[] {
  return csvRows(file).flatMap((r) => {
    const label = ratingLabel(Number(r.Rating));
    const text = (r['Review Text'] ?? '').trim();
    return label && text ? [{ text, label }] : [];
  });
}

function clothing(dir: string): SourceSplits | undefined {
  const parts = readdirSync(dir)
    .filter((f) => /part[123]of3\.csv$/.test(f))
    .sort();
  if (parts.length !== 3) return undefined;
  const [one, two, three] = parts.map((p) => clothingPart(join(dir, p))) as [LabelledText[], LabelledText[], LabelledText[]];
  return {
    train: [...one, ...two].filter((_, i) => i % 3 === 0),
    heldOut: three.filter((_, i) => i % 2 === 0),
    describe: { train: 'parts 1-2, every 3rd review', heldOut: 'part 3, every 2nd review' },
  };
}

/** Every source found under `root` (a datasets folder), with its splits; missing ones are left out. */
export function loadSentimentCorpus(root: string): Partial<Record<SentimentSource, SourceSplits>> {
  const out: Partial<Record<SentimentSource, SourceSplits>> = {};
  const t = sourceFolder(root, 'tweets');
  if (t) out.tweets = tweets(t);
  const r = sourceFolder(root, 'restaurants');
  if (r) out.restaurants = restaurants(r);
  const c = sourceFolder(root, 'clothing');
  const cs = c ? clothing(c) : undefined;
  if (cs) out.clothing = cs;
  return out;
}
