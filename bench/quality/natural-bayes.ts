import { createRequire } from 'node:module';

/**
 * The slice of natural's API used here. Only the BayesClassifier module is loaded (about 20
 * modules; `natural`'s index loads over a thousand and calls dotenv), and untyped: natural's
 * own typings pull its .ts sources into the type-check, which then fails under
 * verbatimModuleSyntax.
 */
interface BayesClassifier {
  addDocument(text: string, label: string): void;
  train(): void;
  classify(text: string): string;
}
const NaturalBayes = createRequire(import.meta.url)('natural/lib/natural/classifiers/bayes_classifier.js') as new () => BayesClassifier;
import { evaluate } from '../../src/core/classify/index.js';
import type { Split } from './datasets.js';

/**
 * natural's BayesClassifier (stemmed bag of words, naive Bayes). Its classify builds a
 * dense vector over the whole vocabulary per text and class, so scoring is slow: it is
 * scored on every `stride`-th test row (the test sets are balanced and ordered by class,
 * so a stride keeps every class).
 */
export function naturalBayes(train: Split, test: Split, stride: number): { accuracy: number; macroF1: number; seconds: number; scored: number } {
  const started = performance.now();
  const classifier = new NaturalBayes();
  train.texts.forEach((text, i) => {
    classifier.addDocument(text, train.labels[i]!);
  });
  classifier.train();
  const seconds = (performance.now() - started) / 1000;
  const rows = test.texts.map((_, i) => i).filter((i) => i % stride === 0);
  const e = evaluate(
    rows.map((i) => test.labels[i]!),
    rows.map((i) => classifier.classify(test.texts[i]!)),
  );
  return { accuracy: e.accuracy, macroF1: e.macroF1, seconds, scored: rows.length };
}
