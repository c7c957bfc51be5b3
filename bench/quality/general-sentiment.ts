/**
 * Zero-shot sentiment on text the models did not train on (rows of the quality table; also
 * runnable alone: `npx tsx bench/quality/general-sentiment.ts`). For each held-out split of
 * scripts/lib/sentiment-corpus.ts (tweeteval test rows not trained on, SemEval restaurants
 * test, clothing reviews part 3), in one run:
 *
 * - the shipped default, models/sentiment/general.json, as analyze loads it: trained on the
 *   train parts of all three sources, so this split is new rows of a source it has seen;
 * - the same trainer leaving this source out (trained on the other two sources' train parts):
 *   the honest out-of-domain figure, a source it has never seen;
 * - our lexicon alone (the default before the model), wink-nlp, AFINN and VADER-js.
 *
 * Ours score each text as analyze does: parsed into sentences, each sentence scored, the
 * text's score derived from its sentences'. The baselines score the whole text their way.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SentimentLabel } from '../../src/contracts/analysis.js';
import { createClassifier } from '../../src/core/classify/index.js';
import { createHybridScorer, createSentimentModel, scoreDoc, sentimentLabel } from '../../src/core/sentiment/index.js';
import { createNlp, parseDoc } from '../../src/core/text/nlp.js';
import { readModel } from '../../src/load/classifier.js';
import { defaultSentimentModelPath } from '../../src/load/analyzer.js';
import { loadSentimentLexicon } from '../../src/load/lexicon.js';
import { loadWinkModel } from '../../src/load/wink-model.js';
import { loadSentimentCorpus, SENTIMENT_SOURCES, type LabelledText, type SentimentSource } from '../../scripts/lib/sentiment-corpus.js';
import { trainGeneralSentiment, trainingRows } from '../../scripts/lib/train-general-sentiment.js';
import { classificationReport, type ClassificationReport } from '../lib/metrics.js';
import { sentimentScorers } from '../sentiment-eval.js';
import { extraRowProducers, type QualityRow } from './rows.js';

const TASK_OF: Record<SentimentSource, string> = {
  tweets: 'zero-shot sentiment, held out: tweeteval tweets (3-class)',
  restaurants: 'zero-shot sentiment, held out: semeval2014 restaurant sentences (3-class)',
  clothing: 'zero-shot sentiment, held out: clothing reviews, rating 1-2/3/4-5 (3-class)',
};

const negativeRecall = (r: ClassificationReport): number => {
  const gold = r.confusion.negative;
  const n = gold.negative + gold.neutral + gold.positive;
  return n === 0 ? 0 : gold.negative / n;
};

function row(task: string, data: string, system: string, gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[], seconds: number): QualityRow {
  const r = classificationReport(gold, predicted);
  return {
    task,
    data,
    system,
    accuracy: r.accuracy,
    macroF1: r.macroF1,
    other: `neg. recall ${negativeRecall(r).toFixed(4)}; n ${r.n}`,
    seconds,
  };
}

async function generalSentimentRows(datasetsDir: string, say: (line: string) => void): Promise<QualityRow[]> {
  const corpus = loadSentimentCorpus(datasetsDir);
  const present = SENTIMENT_SOURCES.filter((s) => corpus[s] !== undefined);
  if (present.length < SENTIMENT_SOURCES.length) {
    say(`skipped held-out sentiment: ${SENTIMENT_SOURCES.filter((s) => !present.includes(s)).join(', ')} not found under ${datasetsDir}`);
    return [];
  }
  const nlp = createNlp(loadWinkModel());
  const lexicon = createSentimentModel(loadSentimentLexicon());
  const shipped = createHybridScorer(lexicon, createClassifier(await readModel(defaultSentimentModelPath())));
  const rows: QualityRow[] = [];
  for (const source of SENTIMENT_SOURCES) {
    const splits = corpus[source]!;
    const others = SENTIMENT_SOURCES.filter((s) => s !== source);
    const heldOut: readonly LabelledText[] = splits.heldOut;
    const gold = heldOut.map((t) => t.label);
    const task = TASK_OF[source];
    const split = splits.describe.heldOut;
    let started = performance.now();
    const leftOut = createHybridScorer(lexicon, createClassifier(await trainGeneralSentiment(trainingRows(corpus, others))));
    const trainSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const docs = heldOut.map((t) => parseDoc(nlp, t.text));
    const parseSeconds = (performance.now() - started) / 1000;
    const timed = (score: (i: number) => number): { labels: SentimentLabel[]; seconds: number } => {
      const t0 = performance.now();
      const labels = heldOut.map((_, i) => sentimentLabel(score(i)));
      return { labels, seconds: parseSeconds + (performance.now() - t0) / 1000 };
    };
    const ship = timed((i) => shipped(docs[i]!).overall);
    rows.push(
      row(
        task,
        `all 3 sources' train parts / ${split}`,
        'frictionlens default model, shipped (ours; new rows of a seen source)',
        gold,
        ship.labels,
        ship.seconds,
      ),
    );
    const loo = timed((i) => leftOut(docs[i]!).overall);
    rows.push(
      row(
        task,
        `${others.join(' + ')} train parts / ${split}`,
        `frictionlens model without ${source} (ours; unseen source)`,
        gold,
        loo.labels,
        trainSeconds + loo.seconds,
      ),
    );
    const lex = timed((i) => scoreDoc(lexicon, docs[i]!).overall);
    rows.push(row(task, `- / ${split}`, 'frictionlens lexicon alone (ours, the previous default)', gold, lex.labels, lex.seconds));
    for (const scorer of sentimentScorers().slice(1)) {
      const t0 = performance.now();
      const labels = heldOut.map((t) => scorer.label(scorer.score(t.text)));
      rows.push(row(task, `- / ${split}`, scorer.name, gold, labels, (performance.now() - t0) / 1000));
    }
    say(`held-out sentiment, ${source}: ${heldOut.length} texts scored`);
  }
  return rows;
}

extraRowProducers.push(generalSentimentRows);

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { renderMarkdown } = await import('./rows.js');
  const rows = await generalSentimentRows(join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets'), (l) => process.stderr.write(`${l}\n`));
  process.stdout.write(`${renderMarkdown(rows)}\n`);
}
