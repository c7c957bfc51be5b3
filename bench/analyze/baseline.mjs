// A baseline of `npm run bench:analyze` as a whole process: node starts, loads the library,
// streams the CSV files' text column through csv-parse (as frictionlens reads them) and
// scores every non-empty text; prints how many. Plain JavaScript run by node itself, so no
// TypeScript loader's start-up is charged to a baseline.
//
//   node bench/analyze/baseline.mjs wink|vader [--column NAME] FILE.csv...
//
// wink: wink-nlp's readDoc with its default pipe (sentence boundaries, negation, sentiment,
// named entities, POS), the reference. vader: vader-sentiment's polarity_scores.
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';

const { values, positionals } = parseArgs({ options: { column: { type: 'string', default: 'text' } }, allowPositionals: true });
const [which, ...files] = positionals;
let score;
if (which === 'wink') {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  score = (text) => nlp.readDoc(text);
} else if (which === 'vader') {
  const { default: vader } = await import('vader-sentiment');
  score = (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text);
} else {
  throw new Error(`unknown baseline '${which}': wink or vader`);
}
let count = 0;
for (const file of files) {
  for await (const record of createReadStream(file).pipe(parse({ bom: true, columns: true, relax_column_count: true, relax_quotes: true }))) {
    const text = record[values.column];
    if (!text) continue;
    score(text);
    count++;
  }
}
process.stdout.write(`${JSON.stringify({ baseline: which, texts: count })}\n`);
