import type { QualityRow } from './rows.js';
import { ASPECT, BANKING, CLINC, SENTENCE } from './tasks.js';

/** Issue 7's goals, checked on the rows of one run. `holds` is undefined where a figure is missing. */
export interface Goal {
  goal: string;
  holds: boolean | undefined;
  figures: string;
}

const OURS_TRAINED = /\(ours\)$/;
const ZERO_SHOT = /zero-shot$/;

/** The figure a task is judged on: accuracy for intents, macro-F1 for sentiment, pair micro-F1 for aspects. */
const PRIMARY: Record<string, { metric: string; of: (r: QualityRow) => number | undefined }> = {
  [BANKING]: { metric: 'accuracy', of: (r) => r.accuracy },
  [CLINC]: { metric: 'in-scope accuracy', of: (r) => r.accuracy },
  [SENTENCE]: { metric: 'macro-F1', of: (r) => r.macroF1 },
  [ASPECT]: { metric: 'pair micro-F1', of: (r) => pairMicroF1(r.other) },
};

function pairMicroF1(other: string | undefined): number | undefined {
  const m = /pair micro-F1 ([\d.]+)/.exec(other ?? '');
  return m ? Number(m[1]) : undefined;
}

const f4 = (x: number | undefined): string => (x === undefined ? 'n/a' : x.toFixed(4));

/** Texts per CPU second of the trained model and of the rule matcher (see speed.ts). */
export interface SpeedFigures {
  model: number;
  rules: number;
  parse: number;
}

export function checkGoals(rows: readonly QualityRow[], speed?: SpeedFigures): Goal[] {
  const goals: Goal[] = [];
  const ours = (task: string): QualityRow | undefined => rows.find((r) => r.task === task && OURS_TRAINED.test(r.system) && !ZERO_SHOT.test(r.system));
  const banking = ours(BANKING)?.accuracy;
  goals.push({ goal: 'banking77 test accuracy >= 0.92', holds: banking === undefined ? undefined : banking >= 0.92, figures: `ours ${f4(banking)}` });

  for (const [task, { metric, of }] of Object.entries(PRIMARY)) {
    const mine = ours(task);
    const baselines = rows.filter((r) => r.task === task && r.system.startsWith('scikit-learn')).map((r) => ({ name: r.system, value: of(r) }));
    const best = baselines.reduce<{ name: string; value: number | undefined } | undefined>(
      (b, r) => (r.value !== undefined && (b?.value === undefined || r.value > b.value) ? r : b),
      undefined,
    );
    const value = mine ? of(mine) : undefined;
    goals.push({
      goal: `${task.split(':')[1]?.trim() ?? task}: ours >= best scikit-learn (${metric})`,
      holds: value === undefined || best?.value === undefined ? undefined : value >= best.value,
      figures: `ours ${f4(value)}; best ${best ? `${best.name} ${f4(best.value)}` : 'n/a'}`,
    });
  }

  const zero = rows.filter((r) => r.task === SENTENCE && ZERO_SHOT.test(r.system));
  const zeroOurs = zero.find((r) => r.system.includes('(ours)'))?.macroF1;
  const lexicons = zero.filter((r) => !r.system.includes('(ours)'));
  const bestLexicon = Math.max(...lexicons.map((r) => r.macroF1 ?? -1));
  goals.push({
    goal: 'zero-shot sentence sentiment: ours > every lexicon baseline (macro-F1)',
    holds: zeroOurs === undefined || lexicons.length === 0 ? undefined : zeroOurs > bestLexicon,
    figures: `ours ${f4(zeroOurs)}; ${lexicons.map((r) => `${r.system.replace(/, zero-shot$/, '')} ${f4(r.macroF1)}`).join('; ')}`,
  });
  const perSecond = (x: number): string => `${Math.round(x).toLocaleString('en-US')}/s`;
  const withParse = speed ? 1 / (1 / speed.rules + 1 / speed.parse) : undefined;
  goals.push(
    {
      goal: 'classifies at least as fast as the rule matcher on parsed docs',
      holds: speed ? speed.model >= speed.rules : undefined,
      figures: speed ? `model ${perSecond(speed.model)}; rules ${perSecond(speed.rules)} (the parse they need not counted)` : 'n/a',
    },
    {
      goal: 'classifies at least as fast as the rule matcher with the parse it needs',
      holds: speed && withParse ? speed.model >= withParse : undefined,
      figures: speed && withParse ? `model ${perSecond(speed.model)}; parse + rules ${perSecond(withParse)}` : 'n/a',
    },
  );
  const trained = ours(SENTENCE)?.macroF1;
  goals.push({
    goal: 'sentence sentiment: trained > zero-shot (macro-F1)',
    holds: trained === undefined || zeroOurs === undefined ? undefined : trained > zeroOurs,
    figures: `trained ${f4(trained)}; zero-shot ${f4(zeroOurs)}`,
  });
  return goals;
}

export function renderGoals(goals: readonly Goal[]): string {
  const mark = (h: boolean | undefined): string => (h === undefined ? 'not measured' : h ? 'holds' : 'MISSED');
  return ['| goal | result | figures |', '|---|---|---|', ...goals.map((g) => `| ${g.goal} | ${mark(g.holds)} | ${g.figures} |`)].join('\n');
}
