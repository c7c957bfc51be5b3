/** A bench's report: each line printed as it comes and kept, to be written to bench/results at the end. */
export function benchReport(): { lines: string[]; say(line?: string): void } {
  const lines: string[] = [];
  return {
    lines,
    say(line = '') {
      lines.push(line);
      process.stdout.write(`${line}\n`);
    },
  };
}

/** A number as the results tables show it: thousands separated, `digits` decimals. */
export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The q-quantile of a sample (nearest rank, from below): p50, p95 of latencies. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
