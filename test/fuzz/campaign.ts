/**
 * `npm run fuzz`: the longer fuzzing campaign (the bounded one runs in `npm test`).
 *
 *   FUZZ_SEED=N      seed (default: a new one, printed, so a failure can be replayed)
 *   FUZZ_TEXTS=N     texts through the core analysis (default 3000)
 *   FUZZ_UNITS=N     adversarial units timed at 20,000 and 80,000 characters (default 40)
 *   FUZZ_FILES=N     mutated files through `frictionlens analyze` as whole processes (default 200)
 *
 * The files run through the built CLI (dist/src/cli/main.js, as installed: `npm run fuzz`
 * builds first). Every failing file is kept in a folder the report names. Exit code 1 when
 * anything failed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadAnalyzer } from '../../src/load/analyzer.js';
import { checkOutcome, growth } from './analysis-checks.js';
import { applyMutations, baseFiles, describeCase, fuzzCases } from './mutate.js';
import { analyzeProcess, judge } from './run-case.js';
import { adversarialUnit, repeatTo, verbatimText } from './texts.js';

const count = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const seed = process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);
const root = join(import.meta.dirname, '..', '..');
const log = (line: string): void => void process.stdout.write(`${line}\n`);

log(`fuzz campaign, seed ${seed} (FUZZ_SEED=${seed} replays it)`);
const { analyzer } = await loadAnalyzer();
let failed = 0;

// 1. Texts through the core analysis: no throw, a valid analysis or a reject with a reason.
{
  const runs = count('FUZZ_TEXTS', 3000);
  const started = performance.now();
  const result = fc.check(
    fc.property(verbatimText, (text) => {
      const problem = checkOutcome(analyzer, text);
      if (problem) throw new Error(problem);
    }),
    { seed, numRuns: runs },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    log(
      `texts: ${result.numRuns} analysed, FAILED (${seconds} s): ${String(result.errorInstance)}\n  text: ${JSON.stringify(result.counterexample?.[0]).slice(0, 400)}`,
    );
  } else log(`texts: ${runs} analysed, 0 failures (${seconds} s)`);
}

// 2. Time linear in the length: each adversarial unit at 20,000 and 80,000 characters.
{
  const units = fc.sample(adversarialUnit, { seed, numRuns: count('FUZZ_UNITS', 40) });
  let worst = { ratio: 0, unit: '' };
  let skipped = 0;
  const slow: string[] = [];
  for (const unit of units) {
    const g = growth(analyzer, (length) => repeatTo(unit, length), 20_000);
    if (!g) {
      skipped++;
      continue;
    }
    if (g.ratio > worst.ratio) worst = { ratio: g.ratio, unit };
    if (g.ratio >= 10) slow.push(`${JSON.stringify(unit)}: ${g.ms[0].toFixed(0)} ms -> ${g.ms[1].toFixed(0)} ms`);
  }
  failed += slow.length;
  log(
    `linearity: ${units.length} units, ${slow.length} failures (4x the text must take under 10x the time; ${skipped} skipped: analysed at one length, another language at the other); worst ${worst.ratio.toFixed(1)}x for ${JSON.stringify(worst.unit)}`,
  );
  for (const s of slow) log(`  ${s}`);
}

// 3. Mutated files through the CLI, each its own process.
{
  const bases = baseFiles();
  const cases = fuzzCases(seed, count('FUZZ_FILES', 200), bases.length);
  const dir = mkdtempSync(join(tmpdir(), 'frictionlens-fuzz-'));
  const keep = join(tmpdir(), `frictionlens-fuzz-failures-${seed}`);
  const codes = new Map<string, number>();
  let slowest = { ms: 0, label: '' };
  const problems: string[] = [];
  for (const [i, c] of cases.entries()) {
    const base = bases[c.base]!;
    const file = `case-${i}.${base.ext}`;
    const bytes = applyMutations(base, c.mutations);
    writeFileSync(join(dir, file), bytes);
    const result = await analyzeProcess([join(root, 'dist', 'src', 'cli', 'main.js')], join(dir, file), 60_000);
    codes.set(String(result.code), (codes.get(String(result.code)) ?? 0) + 1);
    const label = `case ${i}: ${describeCase(base, c)}`;
    if (result.ms > slowest.ms) slowest = { ms: result.ms, label };
    const problem = judge(result);
    if (problem) {
      mkdirSync(keep, { recursive: true });
      writeFileSync(join(keep, file), bytes);
      problems.push(`${label}\n  ${problem.split('\n').slice(0, 6).join('\n  ')}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  failed += problems.length;
  const byCode = [...codes]
    .sort()
    .map(([code, n]) => `exit ${code}: ${n}`)
    .join(', ');
  log(
    `files: ${cases.length} mutated files through the CLI (${byCode}), ${problems.length} failures; slowest ${(slowest.ms / 1000).toFixed(1)} s (${slowest.label.slice(0, 160)})`,
  );
  for (const p of problems) log(`  ${p}`);
  if (problems.length > 0) log(`  failing files kept in ${keep}`);
}

log(failed === 0 ? 'no failures' : `${failed} failures`);
process.exitCode = failed === 0 ? 0 : 1;
