/**
 * npm run bench:analyze — what a user runs: `frictionlens analyze` as a whole process (start-up,
 * reading, analysis, insights, output) over distinct texts, against bare wink-nlp (readDoc,
 * default pipe) and VADER-js, each also a whole process reading the same CSV files, in
 * interleaved rounds of one run (a burst of load on a shared machine hits every contender
 * alike; each keeps its best round). Then where frictionlens's CPU time goes, stage by stage
 * (from a CPU profile of one run), and how it scales with --threads.
 *
 *   npm run build && npm run bench:analyze            # ~6 minutes on 2 cores; writes bench/results/analyze.md
 *   npm run bench:analyze -- --million                # and 1,000,000 generated comments end to end (~4-5 more)
 *   options: --texts N (generated comments, default 20000), --rounds N (default 3),
 *            --scaling-texts N (generated comments for the thread scaling, default 100000)
 *
 * Texts: N distinct generated survey comments of 40+ words in varied vocabulary
 * (data/generate.ts --comments), and the public sets in ../shared/datasets that are there
 * (tweets: short social posts; reviews: women's clothing).
 *
 * Goals (issue 14): one thread >= 0.5 x bare wink-nlp; --threads 2 >= 1.7 x one thread (on 2
 * cores); 1,000,000 comments in <= 240 s with <= 400 MB of peak RSS per thread.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpora, generatedComments, splitRows, type Corpus } from './analyze/corpora.js';
import { stageBreakdown } from './analyze/stages.js';
import { runMeasured, type MeasuredRun } from './lib/rss.js';
import { benchReport, fmt } from './lib/report.js';

const { values } = parseArgs({
  options: {
    million: { type: 'boolean', default: false },
    texts: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    'scaling-texts': { type: 'string', default: '100000' },
  },
});
const TEXTS = Number(values.texts);
const ROUNDS = Number(values.rounds);
const SCALING_TEXTS = Number(values['scaling-texts']);
/** The scaling runs are long (a few tens of seconds each): fewer rounds. */
const SCALING_ROUNDS = Math.max(1, ROUNDS - 1);
const MILLION = 1_000_000;

const here = import.meta.dirname;
const cli = join(here, '..', 'dist', 'src', 'cli', 'main.js');
const baseline = join(here, 'analyze', 'baseline.mjs');
if (!existsSync(cli)) throw new Error('run `npm run build` first: the bench runs the built `frictionlens` as a user does');

const { lines, say } = benchReport();
const cores = availableParallelism();

interface Contender {
  name: string;
  run: (c: Corpus) => Promise<MeasuredRun>;
}

const analyze = (c: Corpus, extra: string[]): Promise<MeasuredRun> => runMeasured(cli, ['analyze', ...c.files, ...c.flags, '--json', ...extra]);
const winkRun = (c: Corpus): Promise<MeasuredRun> => runMeasured(process.execPath, [baseline, 'wink', '--column', c.column, ...c.files]);
const vaderRun = (c: Corpus): Promise<MeasuredRun> => runMeasured(process.execPath, [baseline, 'vader', '--column', c.column, ...c.files]);

const WINK = 'wink-nlp readDoc, default pipe (baseline)';
const VADER = 'VADER-js polarity_scores (baseline)';
const ONE = 'frictionlens analyze --threads 1';
const DEFAULT = `frictionlens analyze --threads ${cores} (the cores; the default from 4 MB of input)`;
const CONTENDERS: Contender[] = [
  { name: WINK, run: winkRun },
  { name: VADER, run: vaderRun },
  { name: ONE, run: (c) => analyze(c, ['--threads', '1']) },
  ...(cores > 1 ? [{ name: DEFAULT, run: (c: Corpus) => analyze(c, ['--threads', String(cores)]) }] : []),
];

/**
 * What the machine gives threads at best: the corpus cut in one part per core, and as many
 * `--threads 1` processes, one per part, all at once (they share no memory, no queue and no
 * start-up). Wall time is the slowest's; CPU and peak memory add up. On a machine whose cores
 * slow each other down (shared caches and memory, V8's own GC and compiler threads losing
 * the spare core they have beside one busy thread) this is below cores x one thread.
 */
const CEILING = `${cores} --threads 1 processes at once, one part each (the machine's ceiling)`;
async function ceilingRun(c: Corpus): Promise<MeasuredRun> {
  if (c.files.length !== 1) throw new Error(`the ceiling cuts one file; ${c.name} has ${c.files.length}`);
  const parts = splitRows(c.files[0]!, cores);
  const runs = await Promise.all(parts.map((part) => runMeasured(cli, ['analyze', part, ...c.flags, '--json', '--threads', '1'])));
  return {
    code: runs.find((r) => r.code !== 0)?.code ?? 0,
    peakMb: runs.reduce((s, r) => s + r.peakMb, 0),
    seconds: Math.max(...runs.map((r) => r.seconds)),
    cpuSeconds: runs.reduce((s, r) => s + r.cpuSeconds, 0),
    stdout: '',
  };
}

/** Each contender's best round (by wall time) over interleaved rounds. */
async function interleaved(corpus: Corpus, contenders: readonly Contender[], rounds = ROUNDS): Promise<Map<string, MeasuredRun>> {
  const best = new Map<string, MeasuredRun>();
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) {
      const run = await c.run(corpus);
      if (run.code !== 0) throw new Error(`${c.name} on ${corpus.name} failed with exit code ${run.code}`);
      const kept = best.get(c.name);
      if (!kept || run.seconds < kept.seconds) best.set(c.name, run);
    }
  }
  return best;
}

const started = new Date();
say(`# Analyze benchmark (${started.toISOString().slice(0, 10)})`);
say();
say(
  `Made by \`npm run bench:analyze${values.million ? ' -- --million' : ''}\` (bench/analyze.bench.ts) on ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the start.`,
);
say(
  `Whole processes, best of ${ROUNDS} interleaved rounds each; texts/s = the corpus's texts / wall seconds. CPU = user + system time of all the process's threads.`,
);
say();

const sets = await corpora(TEXTS, say);
const results = new Map<string, Map<string, MeasuredRun>>();
for (const corpus of sets) {
  say(`## ${corpus.name}: ${fmt(corpus.texts)} texts (${fmt(corpus.distinct)} distinct), mean ${corpus.meanWords.toFixed(1)} words`);
  say();
  const best = await interleaved(corpus, CONTENDERS);
  results.set(corpus.name, best);
  say('| process | wall s | texts/s | CPU s | peak RSS MB |');
  say('|---|---:|---:|---:|---:|');
  for (const c of CONTENDERS) {
    const r = best.get(c.name)!;
    say(`| ${c.name} | ${r.seconds.toFixed(2)} | ${fmt(corpus.texts / r.seconds)} | ${r.cpuSeconds.toFixed(2)} | ${fmt(r.peakMb)} |`);
  }
  const wink = best.get(WINK)!.seconds;
  const vader = best.get(VADER)!.seconds;
  say();
  for (const name of [ONE, ...(cores > 1 ? [DEFAULT] : [])]) {
    const s = best.get(name)!.seconds;
    say(`- ${name}: ${(wink / s).toFixed(2)} x bare wink-nlp, ${(vader / s).toFixed(2)} x VADER-js (throughput ratios, whole processes)`);
  }
  say();
}

// Where the time goes: one profiled run on one thread (the stages run in that order there).
const generated = sets[0]!;
{
  const dir = mkdtempSync(join(tmpdir(), 'frictionlens-profile-'));
  try {
    // The node flags of the CLI's #! line (heap sizes), as when it runs itself.
    const shebang = (readFileSync(cli, 'utf8').split('\n', 1)[0] ?? '').split(/\s+/).filter((w) => w.startsWith('--'));
    const run = await runMeasured(process.execPath, [
      ...shebang,
      '--cpu-prof',
      '--cpu-prof-dir',
      dir,
      cli,
      'analyze',
      ...generated.files,
      ...generated.flags,
      '--json',
      '--threads',
      '1',
    ]);
    if (run.code !== 0) throw new Error(`the profiled run failed with exit code ${run.code}`);
    const stages = stageBreakdown(readdirSync(dir).map((f) => join(dir, f)));
    const total = stages.reduce((s, x) => s + x.ms, 0);
    say(`## Where the CPU time goes (${generated.name}, --threads 1, one run under --cpu-prof: ${(total / 1000).toFixed(1)} s sampled)`);
    say();
    say('| stage | share | ms |');
    say('|---|---:|---:|');
    for (const { stage, ms } of stages) say(`| ${stage} | ${((100 * ms) / total).toFixed(1)}% | ${fmt(ms)} |`);
    say();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Thread scaling: 1, 2, 4, ... up to the cores, on the generated comments of the ratios and
// on a larger set, where the fixed costs of a thread (loading its models, warming up its
// compiled code) weigh less, as in the files threads are for.
const threadCounts = [...new Set([1, 2, ...[4, 8, 16, 32].filter((t) => t < cores), cores])].sort((a, b) => a - b);
const scalingTables: Array<{ corpus: Corpus; runs: Map<number, MeasuredRun>; ceiling?: MeasuredRun; ceilingOne?: MeasuredRun }> = [];
{
  const runs = new Map<number, MeasuredRun>();
  const measured = results.get(generated.name)!;
  runs.set(1, measured.get(ONE)!);
  if (cores > 1) runs.set(cores, measured.get(DEFAULT)!);
  const missing = threadCounts.filter((t) => !runs.has(t));
  // The ceiling in rounds of its own, next to one thread again (the ratio's two runs interleaved).
  const best = await interleaved(generated, [
    ...missing.map((t) => ({ name: String(t), run: (c: Corpus) => analyze(c, ['--threads', String(t)]) })),
    ...(cores > 1
      ? [
          { name: '1', run: (c: Corpus) => analyze(c, ['--threads', '1']) },
          { name: CEILING, run: ceilingRun },
        ]
      : []),
  ]);
  for (const t of missing) runs.set(t, best.get(String(t))!);
  scalingTables.push({ corpus: generated, runs, ...(cores > 1 ? { ceiling: best.get(CEILING)!, ceilingOne: best.get('1')! } : {}) });
}
if (SCALING_TEXTS > TEXTS) {
  const file = await generatedComments(SCALING_TEXTS);
  const corpus: Corpus = { ...generated, name: `${fmt(SCALING_TEXTS)} generated comments`, files: [file], texts: SCALING_TEXTS, distinct: SCALING_TEXTS };
  const best = await interleaved(
    corpus,
    [
      ...threadCounts.map((t) => ({ name: String(t), run: (c: Corpus) => analyze(c, ['--threads', String(t)]) })),
      ...(cores > 1 ? [{ name: CEILING, run: ceilingRun }] : []),
    ],
    SCALING_ROUNDS,
  );
  const runs = new Map(threadCounts.map((t) => [t, best.get(String(t))!]));
  scalingTables.push({ corpus, runs, ...(cores > 1 ? { ceiling: best.get(CEILING)!, ceilingOne: runs.get(1)! } : {}) });
}
for (const { corpus, runs, ceiling, ceilingOne } of scalingTables) {
  say(`## Thread scaling (${corpus.name}${corpus === generated ? '' : `, best of ${SCALING_ROUNDS}`})`);
  say();
  say('| --threads | wall s | texts/s | speed-up | CPU s | peak RSS MB |');
  say('|---:|---:|---:|---:|---:|---:|');
  const oneThread = runs.get(1)!.seconds;
  for (const t of threadCounts) {
    const r = runs.get(t)!;
    say(
      `| ${t} | ${r.seconds.toFixed(2)} | ${fmt(corpus.texts / r.seconds)} | ${(oneThread / r.seconds).toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${fmt(r.peakMb)} |`,
    );
  }
  if (ceiling && ceilingOne) {
    say(
      `| ${CEILING} | ${ceiling.seconds.toFixed(2)} | ${fmt(corpus.texts / ceiling.seconds)} | ${(ceilingOne.seconds / ceiling.seconds).toFixed(2)} | ${ceiling.cpuSeconds.toFixed(2)} | ${fmt(ceiling.peakMb)} |`,
    );
    say();
    say(
      `The ceiling's speed-up is against a --threads 1 run of the same rounds (${ceilingOne.seconds.toFixed(2)} s). --threads ${cores} reaches ${((100 * ceiling.seconds) / runs.get(cores)!.seconds).toFixed(0)}% of the ceiling's throughput.`,
    );
  }
  say();
}

let million: MeasuredRun | undefined;
if (values.million) {
  const file = await generatedComments(MILLION);
  million = await runMeasured(cli, ['analyze', file, '--json']);
  const counts = million.code === 0 ? (JSON.parse(million.stdout) as { run: Record<string, number> }).run : undefined;
  say(`## ${fmt(MILLION)} generated comments (40+ words), \`frictionlens analyze FILE --json\` (default: --threads ${cores})`);
  say();
  say(
    `${million.seconds.toFixed(0)} s wall (${fmt(MILLION / million.seconds)} texts/s), ${million.cpuSeconds.toFixed(0)} s CPU, peak RSS ${fmt(million.peakMb)} MB for the process (${fmt(million.peakMb / cores)} MB per thread), exit ${million.code}${counts ? `; counts ${JSON.stringify(counts)}` : ''}`,
  );
  say();
}

const goal = (ok: boolean): string => (ok ? 'holds' : 'MISSED');
say('## Goals');
say();
say('| goal | result | figures |');
say('|---|---|---|');
for (const corpus of sets) {
  const best = results.get(corpus.name)!;
  const ratio = best.get(WINK)!.seconds / best.get(ONE)!.seconds;
  say(`| ${corpus.name}: --threads 1 >= 0.5 x bare wink-nlp | ${goal(ratio >= 0.5)} | ${ratio.toFixed(2)} |`);
  if (cores > 1) {
    const threaded = best.get(WINK)!.seconds / best.get(DEFAULT)!.seconds;
    say(`| ${corpus.name}: --threads ${cores} >= 0.5 x bare wink-nlp | ${goal(threaded >= 0.5)} | ${threaded.toFixed(2)} |`);
  }
}
for (const { corpus, runs, ceiling, ceilingOne } of scalingTables) {
  if (!runs.has(2)) continue;
  const speedup = runs.get(1)!.seconds / runs.get(2)!.seconds;
  const limit = ceiling && ceilingOne ? `; ceiling of this machine ${(ceilingOne.seconds / ceiling.seconds).toFixed(2)}` : '';
  say(`| ${corpus.name}: --threads 2 >= 1.7 x --threads 1 | ${goal(speedup >= 1.7)} | ${speedup.toFixed(2)}${limit} |`);
}
if (million) {
  say(`| 1,000,000 comments in <= 240 s | ${goal(million.code === 0 && million.seconds <= 240)} | ${million.seconds.toFixed(0)} s |`);
  say(`| peak RSS <= 400 MB per thread | ${goal(million.peakMb / cores <= 400)} | ${fmt(million.peakMb)} MB / ${cores} threads |`);
}
say();
say(
  `Load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end: on a shared machine the figures move by tens of percent between runs.`,
);

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'analyze.md'), `${lines.join('\n')}\n`);
process.stderr.write(`wrote ${join(here, 'results', 'analyze.md')}\n`);
