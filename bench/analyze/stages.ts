import { readFileSync } from 'node:fs';

/** A V8 CPU profile (node --cpu-prof), as much of it as the attribution reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

type Frame = { fn: string; url: string };

/**
 * The stages of `frictionlens analyze`, each recognised by a function of its own. A sample
 * goes to the innermost stage on its stack (parseDoc under analyzeVerbatim is "parse"), so
 * the shares add up to the process's CPU time.
 */
const STAGES: ReadonlyArray<readonly [string, (f: Frame) => boolean]> = [
  ['redact', (f) => f.url.includes('/core/redact/')],
  ['language', (f) => f.fn === 'detectLanguage'],
  ['parse (wink-nlp + tokens)', (f) => f.fn === 'parseDoc'],
  ['sentiment', (f) => f.url.includes('/core/sentiment/')],
  ['themes', (f) => f.fn === 'matchThemes'],
  ['signals', (f) => f.fn === 'detectSignals'],
  ['key phrases', (f) => f.url.includes('/core/phrases/')],
  ['rest of the analysis', (f) => f.fn === 'analyzeVerbatim'],
  ['fold (partials)', (f) => f.fn === 'foldAnalysis' || f.url.includes('/core/insights/fold')],
  ['store', (f) => f.url.includes('/src/store/') || f.fn === 'storeRows'],
  ['read input', (f) => f.url.includes('/src/ingest/') || f.url.includes('csv-parse') || f.fn === 'batchesOf'],
  ['aggregate (insights)', (f) => f.fn === 'aggregateRun'],
  ['threads (messages)', (f) => f.url.includes('/runner/thread-pool') || f.url.includes('node:internal/worker')],
  [
    'start-up (modules, models)',
    (f) => f.fn === 'loadAnalyzer' || f.url.startsWith('node:internal/modules') || f.url.includes('wink-eng-lite-web-model/dist/read-core-model'),
  ],
  ['output', (f) => f.url.includes('/src/cli/')],
];

const GC = '(garbage collector)';

/**
 * CPU time per stage from the profiles of one process (one file per thread), in ms, biggest
 * first; "garbage collection" apart, idle time left out, the unrecognised as "other".
 */
export function stageBreakdown(profileFiles: readonly string[]): Array<{ stage: string; ms: number }> {
  const totals = new Map<string, number>();
  const add = (stage: string, us: number): void => void totals.set(stage, (totals.get(stage) ?? 0) + us);
  for (const file of profileFiles) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const stageOf = new Map<number, string | null>();
    const classify = (id: number): string | null => {
      const known = stageOf.get(id);
      if (known !== undefined) return known;
      const { functionName: fn, url } = byId.get(id)!.callFrame;
      let stage: string | null = null;
      if (fn === '(idle)' || fn === '(program)') stage = null;
      else if (fn === GC) stage = 'garbage collection';
      else {
        stage = STAGES.find(([, match]) => match({ fn, url }))?.[0] ?? null;
        const up = parent.get(id);
        if (stage === null) stage = up === undefined ? 'other' : classify(up);
      }
      stageOf.set(id, stage);
      return stage;
    };
    profile.samples.forEach((id, i) => {
      const stage = classify(id);
      if (stage !== null) add(stage, profile.timeDeltas[i] ?? 0);
    });
  }
  return [...totals].map(([stage, us]) => ({ stage, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}
