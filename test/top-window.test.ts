import { describe, expect, it } from 'vitest';
import type { Insight } from '../src/contracts/index.js';
import { combineBuckets } from '../src/core/insights/combine-buckets.js';
import { windowStart } from '../src/cli/top-window.js';

const row = (themeId: string, bucket: string, volume: number, total: number, o: Partial<Insight> = {}): Insight => ({
  runId: 'r',
  generation: 1,
  themeId,
  bucket,
  bucketSize: 'week',
  facet: 'all',
  volume,
  share: volume / total,
  negativeShare: 0.5,
  sentiment: -0.2,
  impact: { metric: 'nps', value: -3, ci: [-4, -2], negative: -3, positive: 0, withTheme: 0, withoutTheme: 10 },
  revenueAtRisk: 100,
  churnShare: 0,
  trend: null,
  frictionScore: 10,
  quotes: [{ verbatimId: `${themeId}-${bucket}`, text: 'x', sentiment: -0.5, channel: 'chat', createdAt: `${bucket}T00:00:00Z` }],
  ...o,
});

describe('top over a window of buckets', () => {
  it('counts durations back from the end of the newest bucket, or takes a date as given', () => {
    expect(windowStart('14d', '2026-07-27', 'week')).toBe('2026-07-20');
    expect(windowStart('1m', '2026-07-01', 'month')).toBe('2026-07-01');
    expect(windowStart('2m', '2026-03-01', 'month')).toBe('2026-02-01');
    expect(windowStart('2026-06-01', '2026-07-27', 'week')).toBe('2026-06-01');
    expect(() => windowStart('soon', '2026-07-27', 'week')).toThrow(/--since/);
  });

  it('keeps the rows of a single bucket as stored', () => {
    const rows = [row('a', '2026-07-20', 5, 50)];
    expect(combineBuckets(rows, 'all')).toEqual(rows);
  });

  it("sums volumes and revenue, re-weights shares by the buckets' verbatims, and leaves impact out", () => {
    const rows = [
      row('a', '2026-07-13', 10, 100, { negativeShare: 1, sentiment: -0.5, frictionScore: 20 }),
      row('b', '2026-07-13', 20, 100),
      row('a', '2026-07-20', 30, 300, { negativeShare: 0, sentiment: 0.5, frictionScore: 4, trend: { previousShare: 0.1, change: 0, spike: false } }),
    ];
    const a = combineBuckets(rows, 'all').find((r) => r.themeId === 'a')!;
    expect(a.volume).toBe(40);
    expect(a.share).toBeCloseTo(40 / 400, 12);
    expect(a.negativeShare).toBeCloseTo(10 / 40, 12);
    expect(a.sentiment).toBeCloseTo((10 * -0.5 + 30 * 0.5) / 40, 12);
    expect(a.revenueAtRisk).toBe(200);
    expect(a.impact).toBeNull();
    expect(a.frictionScore).toBeCloseTo((20 * 100 + 4 * 300) / 400, 12);
    expect(a.trend).toEqual({ previousShare: 0.1, change: 0, spike: false });
    expect(a.bucket).toBe('2026-07-13..2026-07-20');
    expect(a.quotes.map((q) => q.verbatimId)).toEqual(['a-2026-07-20', 'a-2026-07-13']);
    const b = combineBuckets(rows, 'all').find((r) => r.themeId === 'b')!;
    expect(b.share).toBeCloseTo(20 / 400, 12);
  });
});
