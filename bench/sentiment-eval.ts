/**
 * Zero-shot 3-class sentence sentiment on SemEval-2014 Task 4 restaurants, our lexicon model
 * next to three baselines, all in the same run:
 *
 *   npx tsx bench/sentiment-eval.ts                 # test split (Restaurants_Test_Gold.xml)
 *   npx tsx bench/sentiment-eval.ts --split train   # train split (the one we tune on)
 *   npx tsx bench/sentiment-eval.ts --split train --errors 40 --sweep
 *
 * Gold: a sentence is positive/negative where all its aspect-category polarities agree,
 * neutral otherwise. Nothing is trained; the lexicon and the neutral band were tuned on the
 * train split only.
 *
 * Measured (test split, 800 sentences): macro-F1 ours 63.4, VADER 59.3, AFINN 57.3, wink 56.5.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { SentimentLabel } from '../src/contracts/analysis.js';
import { createSentimentModel, scoreDoc, sentimentLabel, NEUTRAL_BAND } from '../src/core/sentiment/index.js';
import { createNlp, parseDoc } from '../src/core/text/nlp.js';
import { loadSentimentLexicon } from '../src/load/lexicon.js';
import { packageRoot } from '../src/load/taxonomy.js';
import { classificationReport, type ClassificationReport } from './lib/metrics.js';
import { loadSemEvalSentences, type LabelledSentence } from './lib/semeval.js';

export interface Scorer {
  name: string;
  /** How the score becomes a label, for the table. */
  thresholds: string;
  score(text: string): number;
  label(score: number): SentimentLabel;
}

const bySign = (s: number): SentimentLabel => (s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral');

/** Our model plus the baselines, each with its usual decision rule. */
export function sentimentScorers(lexiconDir?: string): Scorer[] {
  const nlp = createNlp(model);
  const ours = createSentimentModel(loadSentimentLexicon(lexiconDir));
  const wink = winkNLP(model);
  const afinn = new Sentiment();
  return [
    {
      name: 'frictionlens (ours)',
      thresholds: `score > ${NEUTRAL_BAND} pos, < -${NEUTRAL_BAND} neg`,
      score: (text) => scoreDoc(ours, parseDoc(nlp, text)).overall,
      label: (s) => sentimentLabel(s),
    },
    {
      name: 'wink-nlp its.sentiment',
      thresholds: 'score > 0 pos, < 0 neg',
      score: (text) => wink.readDoc(text).out(wink.its.sentiment) as unknown as number,
      label: bySign,
    },
    {
      name: 'AFINN (sentiment pkg)',
      thresholds: 'score > 0 pos, < 0 neg',
      score: (text) => afinn.analyze(text).score,
      label: bySign,
    },
    {
      name: 'VADER (vader-sentiment)',
      thresholds: 'compound >= 0.05 pos, <= -0.05 neg',
      score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
      label: (s) => (s >= 0.05 ? 'positive' : s <= -0.05 ? 'negative' : 'neutral'),
    },
  ];
}

/** Scores every sentence with `scorer` and reports accuracy and macro-F1 against the gold labels. */
export function evaluateSentiment(
  sentences: readonly LabelledSentence[],
  scorer: Pick<Scorer, 'score' | 'label'>,
): ClassificationReport & { scores: number[] } {
  const scores = sentences.map((s) => scorer.score(s.text));
  const report = classificationReport(
    sentences.map((s) => s.label),
    scores.map((s) => scorer.label(s)),
  );
  return { ...report, scores };
}

export function semevalPath(split: 'train' | 'test'): string | undefined {
  const file = split === 'test' ? 'Restaurants_Test_Gold.xml' : 'Restaurants_Train_v2.xml';
  const candidates = [
    join(packageRoot(), '..', 'shared', 'datasets', 'semeval2014_restaurants', file),
    join('/work/shared/datasets/semeval2014_restaurants', file),
  ];
  return candidates.find((p) => existsSync(p));
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function main(argv: string[]): void {
  const split = argv.includes('--split') && argv[argv.indexOf('--split') + 1] === 'train' ? 'train' : 'test';
  const errorsArg = argv.indexOf('--errors');
  const showErrors = errorsArg >= 0 ? Number(argv[errorsArg + 1] ?? 20) : 0;
  const file = semevalPath(split);
  if (file === undefined) {
    console.log(`skipped: SemEval-2014 restaurants (${split}) not found under ../shared/datasets/semeval2014_restaurants`);
    return;
  }
  const sentences = loadSemEvalSentences(file);
  const counts: Record<string, number> = {};
  for (const s of sentences) counts[s.label] = (counts[s.label] ?? 0) + 1;
  console.log(`SemEval-2014 restaurants, ${split} split: ${sentences.length} sentences`, counts);
  console.log(
    `${'model'.padEnd(26)} ${'macroF1'.padStart(7)} ${'acc'.padStart(5)} ${'F1neg'.padStart(5)} ${'F1neu'.padStart(5)} ${'F1pos'.padStart(5)}  thresholds`,
  );
  const scorers = sentimentScorers();
  for (const scorer of scorers) {
    const r = evaluateSentiment(sentences, scorer);
    console.log(
      `${scorer.name.padEnd(26)} ${pct(r.macroF1).padStart(7)} ${pct(r.accuracy)} ${pct(r.f1.negative)} ${pct(r.f1.neutral)} ${pct(r.f1.positive)}  ${scorer.thresholds}`,
    );
    if (scorer !== scorers[0]) continue;
    console.log('  confusion gold -> predicted', JSON.stringify(r.confusion));
    if (argv.includes('--sweep')) {
      for (const band of [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]) {
        const swept = classificationReport(
          sentences.map((s) => s.label),
          r.scores.map((s) => sentimentLabel(s, band)),
        );
        console.log(`  band ${band.toFixed(2)}: macroF1 ${pct(swept.macroF1)}`);
      }
    }
    if (showErrors > 0) {
      const wrong = sentences.map((s, i) => ({ s, score: r.scores[i] as number })).filter(({ s, score }) => sentimentLabel(score) !== s.label);
      for (const { s, score } of wrong.slice(0, showErrors)) console.log(`  [${s.label} ${score.toFixed(2)}] ${s.text}`);
    }
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
