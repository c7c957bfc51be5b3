import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analyzer, ThemeHit } from '../core/analyzer.js';
import { createClassifier, lexiconFeatures, sentimentScore, type Classifier } from '../core/classify/index.js';
import { keyPhrases } from '../core/phrases/key-phrases.js';
import { detectLanguage } from '../core/language/index.js';
import { createRedactor, redact } from '../core/redact/index.js';
import { createHybridScorer, createSentimentModel, NEUTRAL_BAND, scoreDoc, sentimentLabel } from '../core/sentiment/index.js';
import { detectSignals } from '../core/signals/detect.js';
import { createNlp, forgetNewWords, parseDoc } from '../core/text/nlp.js';
import type { Doc } from '../core/text/types.js';
import { compileTaxonomy, matchThemes } from '../core/themes/matcher.js';
import type { Taxonomy } from '../core/themes/taxonomy.js';
import type { SentimentLexicon } from '../core/sentiment/lexicon.js';
import { InputError } from '../errors/index.js';
import { tinyldDetector } from './language-detector.js';
import { loadWinkModel } from './wink-model.js';
import { readModel } from './classifier.js';
import { defaultLexiconDir, loadKnownWords, loadSentimentLexicon } from './lexicon.js';
import { defaultSignalsPath, loadSignalCues } from './signals.js';
import { loadComposedTaxonomy } from './industry-packs.js';
import { packageRoot } from './taxonomy.js';

export interface AnalyzerOptions {
  /** The core taxonomy (`--taxonomy FILE`; default the bundled models/taxonomy.yaml). */
  taxonomyPath?: string;
  /** Industry packs added to it (`--industry`; default: every bundled pack with the bundled core, none with a FILE). */
  industries?: readonly string[];
  /** Where the packs are (tests and benches; default models/packs). */
  packsDir?: string;
  lexiconDir?: string;
  signalsPath?: string;
  /**
   * Trained models (frictionlens train): theme models add matches for recall, via 'model';
   * a sentiment model (at most one) scores sentences and verbatims in place of the lexicon.
   */
  modelPaths?: readonly string[];
  /**
   * Sentence sentiment without a sentiment model among `modelPaths`: 'default' (unset), the
   * shipped model (defaultSentimentModelPath) on top of the lexicon; 'lexicon', the lexicon
   * alone (as before the shipped model, and for rules tuned on its exact scores).
   */
  sentiment?: SentimentMode;
}

export type SentimentMode = 'default' | 'lexicon';
export const SENTIMENT_MODES: readonly SentimentMode[] = ['default', 'lexicon'];

/** The shipped sentiment model: a hybrid of the lexicon and a linear model trained on public text (npm run train:sentiment). */
export const defaultSentimentModelPath = (): string => join(packageRoot(), 'models', 'sentiment', 'general.json');

export interface LoadedAnalyzer {
  analyzer: Analyzer;
  taxonomy: Taxonomy;
  /** The sentiment lexicon the analyzer scores with (theme discovery reads word valences from it). */
  lexicon: SentimentLexicon;
}

/**
 * The label of training rows about no theme. A one-label-per-text model puts every sentence
 * in some class, so a codeframe teaches "no theme here" with rows labelled `none`; that
 * label is never reported as a theme.
 */
const NO_THEME = 'none';

/**
 * Loads the models once (taxonomy, lexicons, signal cues, trained classifiers) and builds
 * every stage of the per-verbatim pipeline from them. The version hashes the files, so
 * analyses say exactly which models produced them.
 */
export async function loadAnalyzer(options: AnalyzerOptions = {}): Promise<LoadedAnalyzer> {
  const choice = { taxonomy: options.taxonomyPath, industries: options.industries, packsDir: options.packsDir };
  const { taxonomy, files } = loadComposedTaxonomy(choice);
  const lexicon = loadSentimentLexicon(options.lexiconDir ?? defaultLexiconDir());
  const knownWords = loadKnownWords(lexicon, options.lexiconDir ?? defaultLexiconDir());
  const cues = loadSignalCues(options.signalsPath ?? defaultSignalsPath());
  const loaded = await Promise.all((options.modelPaths ?? []).map(async (p) => createClassifier(await readModel(p))));
  const classifiers = loaded.filter((c) => (c.model.task ?? 'themes') === 'themes');
  const sentimentModels = loaded.filter((c) => c.model.task === 'sentiment');
  if (sentimentModels.length > 1) throw new InputError(`${sentimentModels.length} sentiment models given: one at a time`);
  const sentimentModel = sentimentModels[0];
  const generalPath = sentimentModel === undefined && options.sentiment !== 'lexicon' ? defaultSentimentModelPath() : undefined;
  const general = generalPath === undefined ? undefined : createClassifier(await readModel(generalPath));

  const version = createHash('sha1');
  for (const p of files) version.update(readFileSync(p));
  version.update(JSON.stringify(lexicon));
  version.update([...knownWords].sort().join(' '));
  version.update(JSON.stringify(cues, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v)));
  for (const p of [...(options.modelPaths ?? []), ...(generalPath ? [generalPath] : [])]) version.update(readFileSync(p));

  const nlp = createNlp(loadWinkModel());
  const ngram = tinyldDetector();
  const redactor = createRedactor();
  const sentiment = createSentimentModel(lexicon);
  const matcher = compileTaxonomy(taxonomy, { fuzzy: true, knownWords });

  const analyzer: Analyzer = {
    // The files' hash, then which core and packs made the themes ("core@1+retail@1"): a stored
    // analysis, partial or run says which industry packs produced it.
    version: `fl-${version.digest('hex').slice(0, 12)}+${taxonomy.version}`,
    beginBatch: () => forgetNewWords(nlp),
    redact: (text) => redact(redactor, text),
    detectLanguage: (text) => detectLanguage(text, ngram),
    parse: (text) => parseDoc(nlp, text),
    sentiment: sentimentModel
      ? (doc) => {
          // A hybrid model takes the lexicon's own score of each sentence (and of the whole) as features.
          const lexicon = sentimentModel.model.extra ? scoreDoc(sentiment, doc) : undefined;
          const extra = (score: number | undefined): Float32Array | undefined => (lexicon ? lexiconFeatures(score ?? 0, NEUTRAL_BAND) : undefined);
          return {
            sentences: doc.sentences.map((s, i) => sentimentScore(sentimentModel, s.text, NEUTRAL_BAND, extra(lexicon?.sentences[i]))),
            overall: sentimentScore(sentimentModel, doc.text, NEUTRAL_BAND, extra(lexicon?.overall)),
          };
        }
      : general
        ? createHybridScorer(sentiment, general)
        : (doc) => scoreDoc(sentiment, doc),
    label: (score) => sentimentLabel(score),
    themes: (doc) => matchThemes(matcher, doc),
    ...(classifiers.length > 0 ? { modelThemes: (doc: Doc) => classifiers.flatMap((c) => modelHits(c, doc)) } : {}),
    flatTone,
    signals: (doc, scores) => detectSignals(doc, scores, cues),
    keyPhrases: (doc) => keyPhrases(doc),
  };
  return { analyzer, taxonomy, lexicon };
}

/**
 * Taxonomy phrases and co-occurrences describe a problem ("runs small", "charged twice"),
 * praise patterns the opposite; a negated pattern says the reverse ("not too tight"). A topic
 * ("size chart") or lemma ("size") says nothing of tone, nor does a trained model's label.
 */
function flatTone(hit: ThemeHit): 'negative' | 'positive' | undefined {
  const tone = hit.kind === 'phrase' || hit.kind === 'all' ? 'negative' : hit.kind === 'praise' ? 'positive' : undefined;
  if (tone === undefined || !hit.negated) return tone;
  return tone === 'negative' ? 'positive' : 'negative';
}

/**
 * A trained model labels the unit it was trained on, by its own decision rule
 * (Classifier.decide, the rule `eval` scores): a multi-label model every label at or over
 * its calibrated threshold, a one-label model its best label (none under a reject
 * threshold). `none` is never a theme.
 *
 * A verbatim model (every `train` row is a whole text unless told otherwise, and so is a
 * model file that does not say) decides once on the whole verbatim, so a post gets a label
 * when the model gives it to the post: run on each sentence, it had one chance per sentence
 * and gave a theme to 60% of posts that the labels gave 36%. Its evidence is the sentence
 * that scores highest for the label. A sentence model decides on each sentence.
 */
function modelHits(classifier: Classifier, doc: Doc): ThemeHit[] {
  const hit = (themeId: string, index: number, margin: number): ThemeHit => {
    const sentence = doc.sentences[index]!;
    return {
      themeId,
      sentence: index,
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      // The margin over the model's cut, squashed into [0.5, 0.79]: below rule confidence, so rules win ties.
      confidence: Math.min(0.79, Math.max(0.5, 1 / (1 + Math.exp(-margin)))),
      via: 'model',
    };
  };
  const themes = (decisions: ReturnType<Classifier['decide']>) => decisions.filter((d) => d.label.toLowerCase() !== NO_THEME);
  if (doc.sentences.length === 0) return [];
  if (classifier.model.unit === 'sentence') {
    return doc.sentences.flatMap((sentence, index) => themes(classifier.decide(sentence.text)).map((d) => hit(d.label, index, d.margin)));
  }
  const decided = themes(classifier.decide(doc.text));
  if (decided.length === 0) return [];
  if (doc.sentences.length === 1) return decided.map((d) => hit(d.label, 0, d.margin));
  // Each sentence's score of every label, copied: the classifier reuses its buffer.
  const perSentence = doc.sentences.map((s) => Float32Array.from(classifier.scores(s.text)));
  return decided.map((d) => {
    const k = classifier.model.labels.indexOf(d.label);
    let best = 0;
    perSentence.forEach((scores, i) => {
      if (scores[k]! > perSentence[best]![k]!) best = i;
    });
    return hit(d.label, best, d.margin);
  });
}
