import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClassifier, type LinearModel } from '../../src/core/classify/index.js';
import { createNlp, parseDoc } from '../../src/core/text/nlp.js';
import { loadWinkModel } from '../../src/load/wink-model.js';
import { compileTaxonomy, matchThemes } from '../../src/core/themes/matcher.js';
import { loadComposedTaxonomy } from '../../src/load/industry-packs.js';
import { runMeasured } from '../lib/rss.js';

export interface Speed {
  /** Texts per CPU second: our classifier from raw text (features + scores), its token cache warm. */
  model: number;
  /** The same on one pass of a fresh classifier, its token cache empty (a model just loaded). */
  modelCold: number;
  /** Texts per second: the taxonomy rule matcher on already parsed docs. */
  rules: number;
  /** Texts per second: wink-nlp parsing, which the rules need first and the model does not. */
  parse: number;
}

/** CPU seconds of this process (user + system): less swayed than wall time by other processes. */
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Texts per CPU second of one pass of `fn` over `items`. */
function pass<T>(items: readonly T[], fn: (item: T) => unknown): number {
  const started = cpuSeconds();
  for (const item of items) fn(item);
  return items.length / (cpuSeconds() - started);
}

/**
 * Classification throughput of a trained model against the rule matcher on the same texts,
 * one thread, in texts per CPU second: after a warm-up pass of each, five passes of each,
 * interleaved, and the best pass of each counts (the least disturbed by the machine's other
 * work). The model works from the raw text; the rules get parsed docs (tokens, lemmas,
 * negation), so their figure leaves out the parse that they need and the model does not.
 * The model is also timed cold: a fresh classifier's first pass, every token's cache entry
 * built on first sight.
 */
export function speedVsRules(texts: readonly string[], model: LinearModel): Speed {
  const nlp = createNlp(loadWinkModel());
  const matcher = compileTaxonomy(loadComposedTaxonomy().taxonomy);
  const docs = texts.map((t) => parseDoc(nlp, t));
  const classifier = createClassifier(model);
  const speed = { model: 0, rules: 0, parse: 0 };
  pass(docs, (d) => matchThemes(matcher, d));
  pass(texts, (t) => classifier.classify(t));
  for (let round = 0; round < 5; round++) {
    speed.rules = Math.max(
      speed.rules,
      pass(docs, (d) => matchThemes(matcher, d)),
    );
    speed.model = Math.max(
      speed.model,
      pass(texts, (t) => classifier.classify(t)),
    );
  }
  speed.parse = pass(texts, (t) => parseDoc(nlp, t));
  const fresh = createClassifier(model);
  const modelCold = pass(texts, (t) => fresh.classify(t));
  return { ...speed, modelCold };
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
