import { createHash } from 'node:crypto';
import nlp from 'compromise';
import type { Verbatim } from '../../src/contracts/verbatim.js';
import { createChunkedFile } from './chunked-file.js';
import { createCustomerPool } from './customers.js';
import { CSV_HEADER, formatRow } from './formats.js';
import { createMentionPlanner } from './plan.js';
import { createRng, type Rng } from './prng.js';
import { latentScore } from './drivers.js';
import { generateRecord, nps } from './record.js';
import type { Mention } from './theme-ids.js';
import { SPIKE } from './window.js';

export interface CommentOptions {
  path: string;
  rows: number;
  seed: number;
  /** Every comment has at least this many words (default 40). */
  minWords?: number;
}

export interface CommentSummary {
  rows: number;
  meanWords: number;
  bytes: number;
}

/**
 * Words of compromise's English lexicon (~24,000 entries) by part of speech. The sample
 * phrasings alone repeat a few hundred words; a benchmark on them flatters every memo and
 * cache keyed by word. Real comments bring names, places and rare words in a long tail.
 */
type WordClass = 'Adjective' | 'Singular' | 'Plural' | 'PastTense' | 'Gerund' | 'Name' | 'City';

function loadVocabulary(rng: Rng): Record<WordClass, string[]> {
  const world = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world();
  const words: Record<WordClass, string[]> = { Adjective: [], Singular: [], Plural: [], PastTense: [], Gerund: [], Name: [], City: [] };
  for (const [word, tags] of Object.entries(world.model.one.lexicon)) {
    const tag = Array.isArray(tags) ? tags[0] : tags;
    const wordClass: WordClass | undefined = tag === 'FemaleName' || tag === 'MaleName' ? 'Name' : tag && tag in words ? (tag as WordClass) : undefined;
    if (wordClass) words[wordClass].push(wordClass === 'Name' || wordClass === 'City' ? capitalise(word) : word);
  }
  // A seeded shuffle, so which words are common (the head of the Zipf draw) is fixed by the seed.
  for (const list of Object.values(words)) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [list[i], list[j]] = [list[j] as string, list[i] as string];
    }
  }
  return words;
}

const capitalise = (word: string): string => word.replace(/\b\w/g, (c) => c.toUpperCase());

/** Rank drawn log-uniformly: a few words come up often, most rarely (about Zipf's law). */
const zipfPick = (rng: Rng, list: readonly string[]): string => list[Math.min(list.length - 1, Math.floor((list.length + 1) ** rng.next()) - 1)] as string;

/** Asides around the feedback, filled from the lexicon: context a customer adds, no friction wording. */
const ASIDES = [
  '{Name} at the {City} store said the {Adjective} {Singular} had been {PastTense}.',
  'Not sure why the {Plural} were so {Adjective}.',
  'I was {Gerund} the {Plural} when it happened.',
  'My {Singular} is {Adjective} and a bit {Adjective}, for what it is worth.',
  'We moved to {City} last year and my {Singular} came with us.',
  '{Name} thinks the {Plural} are {Adjective}, I am not so sure.',
  'It reminded me of the {Adjective} {Plural} we {PastTense} as kids.',
  'The {Singular} next to it looked {Adjective}.',
] as const;

const FIELD = /\{(\w+)\}/g;

const wordCount = (text: string): number => {
  let n = 0;
  for (const part of text.split(/\s+/)) if (part) n++;
  return n;
};

/**
 * Streams a CSV of distinct survey comments of `minWords`+ words for the analyze benchmark:
 * each joins the customer words of several generated records (themes, products, amounts,
 * typos, contact details as in the samples) and asides in varied vocabulary. A comment
 * equal to an earlier one is drawn again, so every text in the file is different.
 */
export async function streamComments(options: CommentOptions): Promise<CommentSummary> {
  const minWords = options.minWords ?? 40;
  const rng = createRng(options.seed);
  const vocabulary = loadVocabulary(createRng(options.seed + 1));
  const ctx = {
    customers: createCustomerPool(createRng(options.seed + 2), Math.max(2500, Math.min(200_000, Math.floor(options.rows / 4)))),
    planner: createMentionPlanner({ theme: SPIKE.theme, factor: SPIKE.factor, fromMs: Date.parse(SPIKE.from) }),
    scores: () => undefined,
  };
  const fromMs = Date.parse('2026-02-01T00:00:00Z');
  const spanMs = 90 * 86_400_000;
  const aside = (): string => (rng.pick(ASIDES) as string).replace(FIELD, (_, c: string) => zipfPick(rng, vocabulary[c as WordClass]));

  const seen = new Set<string>();
  const file = createChunkedFile(options.path, CSV_HEADER);
  const summary: CommentSummary = { rows: 0, meanWords: 0, bytes: 0 };
  let words = 0;
  try {
    while (summary.rows < options.rows) {
      const createdAtMs = fromMs + Math.floor(((summary.rows + rng.next()) / options.rows) * spanMs);
      const id = `cm-${String(summary.rows + 1).padStart(7, '0')}`;
      const first = generateRecord(rng, ctx, id, 'survey', createdAtMs);
      const mentions: Mention[] = [...first.mentions];
      const parts = [first.verbatim.text ?? ''];
      let count = wordCount(parts[0] as string);
      while (count < minWords) {
        let part: string;
        if (rng.chance(0.3)) part = aside();
        else {
          const more = generateRecord(rng, ctx, id, 'survey', createdAtMs);
          mentions.push(...more.mentions);
          part = more.verbatim.text ?? '';
        }
        parts.splice(rng.int(0, parts.length), 0, part);
        count += wordCount(part);
      }
      const text = parts.join(' ');
      // A hash of the text, not the text: 1,000,000 keys of 16 characters stay under 100 MB.
      const key = createHash('sha1').update(text).digest('base64').slice(0, 16);
      if (seen.has(key)) continue;
      seen.add(key);
      const verbatim: Verbatim = { ...first.verbatim, text, score: nps(latentScore(rng, mentions)) };
      await file.add(formatRow(verbatim, 'csv'));
      summary.rows += 1;
      words += count;
    }
    summary.bytes = await file.close();
  } catch (error) {
    file.abort();
    throw error;
  }
  summary.meanWords = words / Math.max(1, summary.rows);
  return summary;
}
