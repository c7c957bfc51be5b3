/**
 * How often English social posts are set aside as another language, and that real
 * non-English sentences still are. Reads tweeteval_sentiment val + test (all English) from
 * ../shared/datasets and writes bench/results/language.md. `npm run bench:language`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { detectLanguage } from '../src/core/language/index.js';
import { createRedactor, redact } from '../src/core/redact/index.js';
import { tinyldDetector } from '../src/load/language-detector.js';
import { NON_ENGLISH_SENTENCES } from '../test/fixtures/non-english-sentences.js';

const root = join(import.meta.dirname, '..', '..', 'shared', 'datasets', 'tweeteval_sentiment');
const ngram = tinyldDetector();
const redactor = createRedactor();
const languageOf = (text: string): string => detectLanguage(redact(redactor, text).text, ngram).language;

const lines: string[] = ['# Language check on English social posts', ''];
if (existsSync(join(root, 'val.csv'))) {
  lines.push('| split | posts | set aside (not "en") | share | most frequent wrong languages |', '|---|---:|---:|---:|---|');
  for (const split of ['val', 'test']) {
    const rows = parse(readFileSync(join(root, `${split}.csv`)), { columns: true, bom: true }) as { text: string }[];
    const wrong = new Map<string, number>();
    let aside = 0;
    const examples: string[] = [];
    for (const { text } of rows) {
      const lang = languageOf(text);
      if (lang === 'en') continue;
      aside++;
      wrong.set(lang, (wrong.get(lang) ?? 0) + 1);
      if (examples.length < 3) examples.push(`${lang}: ${text.slice(0, 80)}`);
    }
    const top = [...wrong.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ');
    lines.push(`| tweeteval_sentiment ${split}.csv | ${rows.length} | ${aside} | ${((100 * aside) / rows.length).toFixed(2)}% | ${top} |`);
    console.log(split, aside, rows.length, examples);
  }
} else {
  lines.push(`skipped tweeteval_sentiment: not found in ${root}`);
}
const kept = NON_ENGLISH_SENTENCES.filter((s) => languageOf(s.text) === 'en');
lines.push(
  '',
  `Non-English sentences (written for the test, ${NON_ENGLISH_SENTENCES.length} in 6 languages): ${NON_ENGLISH_SENTENCES.length - kept.length} set aside, ${kept.length} taken for English${kept.length ? `: ${kept.map((s) => s.text).join(' | ')}` : ''}.`,
  '',
);
writeFileSync(join(import.meta.dirname, 'results', 'language.md'), lines.join('\n'));
console.log(lines.join('\n'));
