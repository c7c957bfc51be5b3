// A baseline as a whole process: node starts, loads the library, streams the CSV's text
// column through csv-parse (as frictionlens reads it) and scores every text; prints the
// count. Plain JavaScript run by node itself, so no TypeScript loader's start-up is charged
// to the baseline.  usage: node baseline.mjs wink|vader FILE.csv [COLUMN]
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const [which, file, column = 'text'] = process.argv.slice(2);
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
for await (const record of createReadStream(file).pipe(parse({ bom: true, columns: true, relax_column_count: true, relax_quotes: true }))) {
  const text = record[column];
  if (!text) continue;
  score(text);
  count++;
}
process.stdout.write(`${JSON.stringify({ baseline: which, texts: count })}\n`);
