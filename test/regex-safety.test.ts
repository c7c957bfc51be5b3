import { check, type Diagnostics } from 'recheck';
import { describe, expect, it, vi } from 'vitest';
import { constructedRegexes, scanRegexes, type FoundRegex } from './helpers/our-regexes.js';

/**
 * Our own regular expressions, checked for super-linear backtracking (ReDoS) by recheck, the
 * maintained ReDoS checker: an exact automaton analysis where it applies, a fuzzer where the
 * pattern has lookaround. The fuzzer's verdict depends on how loaded the machine is, so a
 * "vulnerable" verdict is then confirmed on V8 itself: the attack string it found, pumped to
 * 2m and 8m repetitions, must take under 10 times as long at 8m (linear: ~4, quadratic: ~16).
 * Two patterns this found took 10 s on 80,000 characters before they were fixed (values.ts,
 * transcript.ts).
 */

type Attack = NonNullable<Extract<Diagnostics, { status: 'vulnerable' }>['attack']>;

const attackString = (attack: Attack, m: number): string => attack.pumps.map((p) => p.prefix + p.pump.repeat(m)).join('') + attack.suffix;

function runtime(re: RegExp, text: string): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    if (re.global) for (const _ of text.matchAll(re));
    else re.test(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * t(8m) / t(2m) for the attack, with m the first repetition count whose text takes 20 ms (or
 * whose 8m text would pass 1 MB): V8 runs a new pattern in its interpreter first and tiers
 * up, so the smaller texts are not compared. Bounded at 1 MB because on a text of several MB
 * V8's backtracking stack overflows (a RangeError, not a slow match) for some linear patterns
 * with a repeated group, depending on which attack the fuzzer found; the guards keep every
 * text we match far below that (src/core/text/guard.ts).
 */
function growth(regex: FoundRegex, attack: Attack): number {
  const re = new RegExp(regex.source, regex.flags);
  const unit = Math.max(
    1,
    attack.pumps.reduce((n, p) => n + p.pump.length, 0),
  );
  let m = 256;
  while (runtime(re, attackString(attack, m)) < 20 && unit * 16 * m <= 1 << 20) m *= 2;
  return runtime(re, attackString(attack, 8 * m)) / Math.max(runtime(re, attackString(attack, 2 * m)), 0.05);
}

async function verdict(regex: FoundRegex): Promise<string | undefined> {
  const result = await check(regex.source, regex.flags, { timeout: 5_000, randomSeed: 15 });
  if (result.status !== 'vulnerable') return undefined;
  const where = `${regex.file}: /${regex.source}/${regex.flags}`;
  if (result.complexity.type === 'exponential') return `${where}: exponential (${result.attack.pattern})`;
  const started = performance.now();
  const ratio = growth(regex, result.attack);
  console.log(
    `${where.slice(0, 80)}: recheck says ${result.complexity.summary}; V8: ${ratio.toFixed(1)}x the time for 4x the text (${Math.round(performance.now() - started)} ms)`,
  );
  return ratio < 10 ? undefined : `${where}: ${result.complexity.summary}, ${ratio.toFixed(1)}x the time for 4x the text (${result.attack.pattern})`;
}

describe('our regular expressions', () => {
  it('none backtracks super-linearly, as recheck finds and V8 confirms', async () => {
    const { literals, constructed } = scanRegexes();
    vi.resetModules();
    const built = await constructedRegexes([...constructed.keys()]);
    // A RegExp built only when a function runs would escape the check: every call site must have run.
    for (const [file, sites] of constructed) expect(built.filter((r) => r.file === file).length, file).toBeGreaterThanOrEqual(sites);
    const all = [...literals, ...built];
    expect(all.length).toBeGreaterThan(80);
    const problems: string[] = [];
    for (let i = 0; i < all.length; i += 4) {
      for (const p of await Promise.all(all.slice(i, i + 4).map(verdict))) if (p) problems.push(p);
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
