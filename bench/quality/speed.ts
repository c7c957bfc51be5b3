import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClassifier, type LinearModel } from '../../src/core/classify/index.js';
import { createNlp, parseDoc } from '../../src/core/text/nlp.js';
import { compileTaxonomy, matchThemes } from '../../src/core/themes/matcher.js';
import { loadTaxonomy } from '../../src/load/taxonomy.js';
import { runMeasured, throughput } from '../lib/rss.js';

export interface Speed {
  /** Texts per second: our classifier from raw text (features + scores), its token cache warm. */
  model: number;
  /** The same on one pass over the texts with an empty token cache (a model just loaded). */
  modelCold: number;
  /** Texts per second: the taxonomy rule matcher on already parsed docs. */
  rules: number;
  /** Texts per second: wink-nlp parsing, which the rules need first and the model does not. */
  parse: number;
}

/**
 * Classification throughput of a trained model against the rule matcher on the same texts,
 * one thread, each over the texts three times after a warm-up. The model works from the raw
 * text; the rules get parsed docs (tokens, lemmas, negation), so their figure leaves out
 * the parse that they need and the model does not. The model is also timed cold: a fresh
 * classifier, one pass, every token's cache entry built on first sight.
 */
export function speedVsRules(texts: readonly string[], model: LinearModel): Speed {
  const cold = createClassifier(model);
  const started = performance.now();
  for (const t of texts) cold.classify(t);
  const modelCold = texts.length / ((performance.now() - started) / 1000);
  const repeated = [...texts, ...texts, ...texts];
  const nlp = createNlp();
  const matcher = compileTaxonomy(loadTaxonomy());
  const docs = texts.map((t) => parseDoc(nlp, t));
  const parse = throughput(repeated, (t) => parseDoc(nlp, t));
  let at = 0;
  const rules = throughput(repeated, () => matchThemes(matcher, docs[at++ % docs.length]!));
  const classifier = createClassifier(model);
  const warm = throughput(repeated, (t) => classifier.classify(t));
  return { model: warm, modelCold, rules, parse };
}

export interface CliRoundTrip {
  trainSeconds: number;
  trainPeakMb: number;
  accuracy: number;
  macroF1: number;
}

/**
 * `frictionlens train` then `eval --model` as a user runs them (the built CLI, dist/), each
 * in its own process so that its peak RSS is its own: the figures must equal the in-memory
 * ones of the same (quantised) model.
 */
export async function cliRoundTrip(
  repoRoot: string,
  task: 'themes' | 'sentiment',
  trainFile: string,
  testFile: string,
  columns: { text: string; label: string },
  say: (line: string) => void,
): Promise<CliRoundTrip | undefined> {
  const main = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(main)) {
    say(`skipped the CLI round trip: ${main} not built (npm run build)`);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'frictionlens-quality-'));
  try {
    const model = join(dir, 'model.json');
    const maps = ['--map', `text=${columns.text}`, '--map', `label=${columns.label}`];
    const trained = await runMeasured(process.execPath, [main, 'train', task, '--in', trainFile, ...maps, '--out', model]);
    if (trained.code !== 0) {
      say(`CLI train failed with exit code ${trained.code}`);
      return undefined;
    }
    const scored = await runMeasured(process.execPath, [main, 'eval', task, '--in', testFile, ...maps, '--model', model, '--json']);
    if (scored.code !== 0) {
      say(`CLI eval failed with exit code ${scored.code}`);
      return undefined;
    }
    const result = JSON.parse(scored.stdout) as { accuracy: number; macroF1: number };
    return { trainSeconds: trained.seconds, trainPeakMb: trained.peakMb, accuracy: result.accuracy, macroF1: result.macroF1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
