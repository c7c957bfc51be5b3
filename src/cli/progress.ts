/**
 * A progress line on stderr, redrawn at most 4 times a second, only on a terminal (logs and
 * pipes get no control characters). With an estimated total it draws a bar.
 */
export function createProgress(label: string, estimatedTotal?: number): { update(done: number): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  const draw = (done: number): void => {
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    let line = `${label} ${done.toLocaleString('en-US')} rows · ${Math.round(rate).toLocaleString('en-US')}/s`;
    if (estimatedTotal && estimatedTotal > 0) {
      const f = Math.min(1, done / estimatedTotal);
      const width = 24;
      const filled = Math.round(f * width);
      line = `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(f * 100).toFixed(0)}% · ${line.slice(label.length + 1)}`;
    }
    process.stderr.write(`\r${line}\u001b[K`);
  };
  return {
    update(done) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      draw(done);
    },
    done() {
      if (tty) process.stderr.write('\r\u001b[K');
    },
  };
}
