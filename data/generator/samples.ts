import { createCustomerPool } from './customers.js';
import { PLANTED_DRIVERS, SCORE_MODEL, toFivePoint } from './drivers.js';
import { CSV_HEADER } from './formats.js';
import { createMentionPlanner } from './plan.js';
import { createRng } from './prng.js';
import { mixedScores, nps, type GeneratedRecord, type RecordContext, type ScorePolicy } from './record.js';
import { generateSource, type SourceSpec } from './source.js';
import type { FileTruth, Truth } from './truth.js';
import { DAY_MS, SPIKE, WINDOW } from './window.js';

export const DEFAULT_SEED = 20260501;
const CUSTOMER_POOL = 2500;

const surveyScores: ScorePolicy = (rng, _channel, latent) => (rng.chance(0.96) ? nps(latent) : undefined);
const chatScores: ScorePolicy = (rng, _channel, latent) => (rng.chance(0.5) ? { type: 'csat', value: toFivePoint(latent), scale: 5 } : undefined);

const fromMs = Date.parse(WINDOW.from);
const toMs = Date.parse(WINDOW.to);
const common = { fromMs, toMs, invalidRate: 0.02, duplicateRate: 0.01 };

export const SAMPLE_SPECS: ReadonlyArray<{ spec: SourceSpec; scores: ScorePolicy }> = [
  {
    spec: {
      ...common,
      name: 'feedback.jsonl',
      format: 'jsonl',
      idPrefix: 'fb',
      rows: 3000,
      channels: [
        ['survey', 0.45],
        ['call', 0.28],
        ['chat', 0.12],
        ['email', 0.07],
        ['review', 0.08],
      ],
    },
    scores: mixedScores,
  },
  { spec: { ...common, name: 'survey.csv', format: 'csv', idPrefix: 'sv', rows: 2000, channels: [['survey', 1]] }, scores: surveyScores },
  { spec: { ...common, name: 'chats.json', format: 'json', idPrefix: 'ch', rows: 500, channels: [['chat', 1]] }, scores: chatScores },
];

export interface Samples {
  /** File name -> exact file content. */
  files: Map<string, string>;
  truth: Truth;
  /** Valid records with their mention sentences, for measuring a matcher (not written). */
  records: GeneratedRecord[];
}

function spikeRates(truth: Truth): { perDayBefore: number; perDayDuring: number } {
  const spikeMs = Date.parse(SPIKE.from);
  let before = 0;
  let during = 0;
  for (const v of Object.values(truth.verbatims)) {
    if (!v.themes.some((t) => t.id === SPIKE.theme)) continue;
    if (Date.parse(v.createdAt) >= spikeMs) during += 1;
    else before += 1;
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return { perDayBefore: round(before / ((spikeMs - fromMs) / DAY_MS)), perDayDuring: round(during / ((toMs - spikeMs) / DAY_MS)) };
}

/** Builds every sample file and its truth in memory; the same seed gives the same bytes. */
export function buildSamples(seed: number = DEFAULT_SEED): Samples {
  const customers = createCustomerPool(createRng(seed), CUSTOMER_POOL);
  const planner = createMentionPlanner({ theme: SPIKE.theme, factor: SPIKE.factor, fromMs: Date.parse(SPIKE.from) });
  const truth: Truth = {
    seed,
    window: { ...WINDOW },
    drivers: {
      score: 'nps',
      model: { ...SCORE_MODEL },
      planted: PLANTED_DRIVERS,
      expectedOrder: PLANTED_DRIVERS.map((d) => d.theme),
    },
    spike: { theme: SPIKE.theme, factor: SPIKE.factor, from: SPIKE.from, to: WINDOW.to, perDayBefore: 0, perDayDuring: 0 },
    files: {},
    pii: [],
    verbatims: {},
  };
  const files = new Map<string, string>();
  const records: GeneratedRecord[] = [];
  SAMPLE_SPECS.forEach(({ spec, scores }, index) => {
    const ctx: RecordContext = { customers, planner, scores };
    const rng = createRng(seed + 7919 * (index + 1));
    const lines: string[] = [];
    const fileTruth: FileTruth = { format: spec.format, rows: spec.rows, valid: 0, invalid: [], duplicates: [] };
    for (const item of generateSource(rng, ctx, spec)) {
      lines.push(item.line);
      if (item.kind === 'invalid') fileTruth.invalid.push({ row: item.row, id: item.id, reason: item.reason });
      else if (item.kind === 'duplicate') fileTruth.duplicates.push({ row: item.row, id: item.id, ofRow: item.ofRow });
      else {
        fileTruth.valid += 1;
        records.push(item.record);
        const { verbatim, mentions, pii } = item.record;
        truth.verbatims[verbatim.id] = {
          file: spec.name,
          createdAt: verbatim.createdAt,
          ...(verbatim.score === undefined ? {} : { score: { type: verbatim.score.type, value: verbatim.score.value } }),
          themes: mentions.map((m) => ({ id: m.theme, polarity: m.polarity })),
        };
        for (const p of pii) truth.pii.push({ id: verbatim.id, kind: p.kind, value: p.value });
      }
    }
    truth.files[spec.name] = fileTruth;
    const content =
      spec.format === 'csv' ? CSV_HEADER + lines.join('') : spec.format === 'json' ? `[\n${lines.map((l) => l.trimEnd()).join(',\n')}\n]\n` : lines.join('');
    files.set(spec.name, content);
  });
  Object.assign(truth.spike, spikeRates(truth));
  return { files, truth, records };
}
