import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseYaml } from '../core/parse-yaml.js';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { SentimentLexicon } from '../core/sentiment/lexicon.js';
import { packageRoot } from './taxonomy.js';

export const defaultLexiconDir = (): string => join(packageRoot(), 'models', 'lexicon');

const WordsFile = z.object({ words: z.record(z.string(), z.number()) });
const PhrasesFile = z.object({ phrases: z.record(z.string(), z.number()) });
const ModifiersFile = z.object({
  modifiers: z.record(z.string(), z.number()),
  contrastAfter: z.array(z.string()),
  contrastBefore: z.array(z.string()),
});

function readData(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read lexicon ${file}: ${(err as Error).message}`);
  }
  return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

function readAs<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(readData(file));
  if (!parsed.success) throw new InputError(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Reads the sentiment lexicon from a folder (default: the bundled models/lexicon/):
 * afinn-165.json, then review-words.yaml (additions and overrides), customer-service.yaml
 * (multi-word expressions) and modifiers.yaml.
 */
export function loadSentimentLexicon(dir: string = defaultLexiconDir()): SentimentLexicon {
  const root = resolve(dir);
  const base = readAs(WordsFile, join(root, 'afinn-165.json'));
  const review = readAs(WordsFile, join(root, 'review-words.yaml'));
  const service = readAs(PhrasesFile, join(root, 'customer-service.yaml'));
  const mods = readAs(ModifiersFile, join(root, 'modifiers.yaml'));
  const lexicon = SentimentLexicon.safeParse({
    words: { ...base.words, ...review.words },
    phrases: Object.entries(service.phrases).map(([phrase, valence]) => ({ phrase, valence })),
    modifiers: mods.modifiers,
    contrastAfter: mods.contrastAfter,
    contrastBefore: mods.contrastBefore,
  });
  if (!lexicon.success) throw new InputError(`lexicon in ${root}: ${z.prettifyError(lexicon.error)}`);
  return lexicon.data;
}

const KnownWordsFile = z.object({ words: z.array(z.string()) });

/**
 * Words fuzzy theme matching must never take for misspellings although wink's lexicon lacks
 * them: known-words.yaml, plus every word of the sentiment lexicon.
 */
export function loadKnownWords(lexicon: SentimentLexicon, dir: string = defaultLexiconDir()): Set<string> {
  const listed = readAs(KnownWordsFile, join(resolve(dir), 'known-words.yaml'));
  return new Set([...Object.keys(lexicon.words), ...listed.words.map((w) => w.toLowerCase())]);
}
