/**
 * npm run bench:guards — the verbatims that stalled `frictionlens analyze` before the guards
 * (issue 15), each timed as a whole process (the built CLI, `analyze FILE --json`) against a
 * normal verbatim of the same length in the same run: "My refund never came. " followed by
 * the pathological tail, as a one-row CSV; the baseline is that many characters of ordinary
 * feedback (the sample texts, each tagged so no two sentences are the same).
 *
 * Goals: every row within 2x of its baseline; the 1.2 MB field in <= 5 s of the whole process.
 * BENCH_REPEAT (default 2): runs of each, interleaved, best kept.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './lib/rss.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/src/cli/main.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first (the bench times the built CLI)');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 2);
const PREFIX = 'My refund never came. ';

const CASES: Array<[string, string]> = [
  ['one 20,000-digit number ending in letters', `${'1'.repeat(20_000)}abc`],
  ['`a-` x 10,000', 'a-'.repeat(10_000)],
  ['`help` + 20,000 `!`', `help${'!'.repeat(20_000)}`],
  ['one 70,000-letter word', 'a'.repeat(70_000)],
  ['one 1,200,000-letter word (a CSV field)', 'b'.repeat(1_200_000)],
];

const samples = readFileSync(join(root, 'data/samples/feedback.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text?: string }).text)
  .filter((t): t is string => typeof t === 'string' && t.length > 0);

/** `length` characters of ordinary feedback. */
function normalText(length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const part = `${samples[i % samples.length]} (${i}) `;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, length);
}

const dir = mkdtempSync(join(tmpdir(), 'frictionlens-guards-'));
const csv = (name: string, text: string): string => {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, `id,text\n1,"${text.replaceAll('"', '""')}"\n`);
  return path;
};

async function seconds(path: string): Promise<number> {
  const run = await runMeasured(cli, ['analyze', path, '--json']);
  if (run.code !== 0) throw new Error(`${path}: exit ${run.code}`);
  return run.seconds;
}

const startup = csv('startup', 'My refund never came.');
const rows: Array<{ label: string; chars: number; guarded: number; normal: number }> = [];
let startupSeconds = Infinity;
for (const [i, [label, tail]] of CASES.entries()) {
  const text = PREFIX + tail;
  const guardedFile = csv(`case-${i}`, text);
  const normalFile = csv(`normal-${i}`, normalText(text.length));
  const row = { label, chars: text.length, guarded: Infinity, normal: Infinity };
  for (let r = 0; r < REPEAT; r++) {
    row.guarded = Math.min(row.guarded, await seconds(guardedFile));
    row.normal = Math.min(row.normal, await seconds(normalFile));
    startupSeconds = Math.min(startupSeconds, await seconds(startup));
  }
  rows.push(row);
}
rmSync(dir, { recursive: true, force: true });

console.log(`whole processes (\`frictionlens analyze FILE --json\`, the built CLI), best of ${REPEAT}; node ${process.version}`);
console.log(`start-up (a one-row file of one short sentence): ${startupSeconds.toFixed(1)} s\n`);
console.log('| appended to "My refund never came. " | characters | time | normal verbatim of the same length | ratio |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.label} | ${r.chars.toLocaleString('en-US')} | ${r.guarded.toFixed(1)} s | ${r.normal.toFixed(1)} s | ${(r.guarded / r.normal).toFixed(2)} |`,
  );
const worst = Math.max(...rows.map((r) => r.guarded / r.normal));
const big = rows.at(-1)!;
console.log(`\nevery row within 2x of its baseline: ${worst <= 2 ? 'holds' : 'MISSED'} (worst ${worst.toFixed(2)}x)`);
console.log(`the 1.2 MB field in <= 5 s of the whole process: ${big.guarded <= 5 ? 'holds' : 'MISSED'} (${big.guarded.toFixed(1)} s)`);
