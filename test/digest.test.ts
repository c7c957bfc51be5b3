import { describe, expect, it } from 'vitest';
import type { Analysis } from '../src/contracts/index.js';
import { Digest } from '../src/contracts/index.js';
import { buildDigest, type DigestInput } from '../src/core/digest/build-digest.js';
import { parsePeriod, periodJustEnded, previousPeriod } from '../src/core/digest/period.js';
import { digestMarkdown, digestSlack } from '../src/core/digest/render-digest.js';
import { computeInsights } from '../src/core/insights/compute.js';
import { createPartial, foldAnalysis, type FoldOptions } from '../src/core/insights/fold.js';
import { coverageIn } from '../src/core/insights/profile.js';
import { topThemes } from '../src/core/insights/top-themes.js';
import { UsageError } from '../src/errors/index.js';
import { makeAnalysis } from './helpers/analysis.js';

const options: FoldOptions = { bucketSize: 'week', by: ['channel'] };
const OWNERS: Record<string, string> = { 'billing.double-charge': 'billing', 'billing.refund-delay': 'billing', 'delivery.late': 'logistics' };
const info = (id: string) => (OWNERS[id] ? { id, name: id.replace(/^.*\./, '').replace('-', ' '), owner: OWNERS[id]!, family: id.split('.')[0]! } : undefined);

/** Eight weeks from Monday 2026-10-05; double charges rise in the last week (2026-11-23). */
function analyses(): Analysis[] {
  let seed = 3;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: Analysis[] = [];
  for (let i = 0; i < 2400; i++) {
    const day = Math.floor(rand() * 56);
    const lastWeek = day >= 49;
    const themes: Array<[string, number]> = [];
    if (rand() < (lastWeek ? 0.3 : 0.08)) themes.push(['billing.double-charge', -0.7]);
    if (rand() < 0.1) themes.push(['billing.refund-delay', -0.5]);
    if (rand() < 0.2) themes.push(['delivery.late', -0.6]);
    out.push(
      makeAnalysis(`v${i}`, {
        themes,
        nps: themes.length ? 3 : 9,
        sentiment: themes.length ? -0.6 : 0.4,
        createdAt: new Date(Date.UTC(2026, 9, 5 + day, 12)).toISOString(),
        channel: rand() < 0.5 ? 'chat' : 'survey',
        value: 5000,
      }),
    );
  }
  return out;
}

const partial = createPartial('d', 'k', options);
for (const a of analyses()) foldAnalysis(partial, a, options);
const insights = computeInsights(partial, 'dataset:shop', 0);

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  const period = overrides.period ?? parsePeriod('2026-W48');
  return {
    subscriptionId: 'sub_1',
    team: 'billing',
    dataset: 'shop',
    facet: 'all',
    period,
    previous: previousPeriod(period),
    bucketSize: 'week',
    insights,
    drivers: null,
    coverage: coverageIn(partial, ['2026-11-23|all']),
    info,
    createdAt: '2026-11-30T08:00:00Z',
    ...overrides,
  };
}

describe('periods', () => {
  it('reads weeks, days and months, and names the one before', () => {
    expect(parsePeriod('2026-W47')).toEqual({ label: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    expect(parsePeriod('2026-11-20')).toEqual({ label: '2026-11-20', from: '2026-11-20', to: '2026-11-20' });
    expect(parsePeriod('2026-02')).toEqual({ label: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod(parsePeriod('2026-W01'))).toEqual({ label: '2025-W52', from: '2025-12-22', to: '2025-12-28' });
    expect(previousPeriod(parsePeriod('2026-03'))).toEqual({ label: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod(parsePeriod('2026-03-01')).label).toBe('2026-02-28');
    for (const bad of ['2026-W60', '2026-13', 'last week', '2026-02-30']) expect(() => parsePeriod(bad), bad).toThrow(UsageError);
  });

  it('finds the period just ended in the subscription time zone', () => {
    // 00:30 in Paris on Wednesday 25 November is still the 24th in UTC; the day just ended is the 24th either way.
    expect(periodJustEnded('day', new Date('2026-11-24T23:30:00Z'), 'Europe/Paris').label).toBe('2026-11-24');
    expect(periodJustEnded('day', new Date('2026-11-24T23:30:00Z'), 'UTC').label).toBe('2026-11-23');
    // Monday 30 November, 07:00 in Tokyo (Sunday 22:00 UTC): Tokyo's week just ended is W48.
    expect(periodJustEnded('week', new Date('2026-11-29T22:00:00Z'), 'Asia/Tokyo').label).toBe('2026-W48');
    expect(periodJustEnded('week', new Date('2026-11-29T22:00:00Z'), 'UTC').label).toBe('2026-W47');
    expect(periodJustEnded('month', new Date('2026-12-01T09:00:00Z'), 'UTC')).toEqual({ label: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(() => periodJustEnded('day', new Date(), 'Mars/Olympus')).toThrow(UsageError);
  });
});

describe('a team digest', () => {
  it("lists the team's themes of the period by friction, with the change on the period before, and what is rising", () => {
    const digest = Digest.parse(buildDigest(input()));
    expect(digest.id).toBe('sub_1/2026-W48');
    expect(digest.window).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    expect(digest.top.map((t) => t.id).sort()).toEqual(['billing.double-charge', 'billing.refund-delay']);
    const rows = topThemes(insights, null, info, { facet: 'all', from: '2026-11-23', to: '2026-11-23', sort: 'friction', limit: 100 }).themes;
    const before = topThemes(insights, null, info, { facet: 'all', from: '2026-11-16', to: '2026-11-16', sort: 'friction', limit: 100 }).themes;
    const double = digest.top.find((t) => t.id === 'billing.double-charge')!;
    const row = rows.find((r) => r.id === double.id)!;
    expect(double.volume).toBe(row.volume);
    expect(double.change).toBeCloseTo(row.share - before.find((r) => r.id === double.id)!.share, 12);
    expect(double.change!).toBeGreaterThan(0.1);
    expect(digest.rising[0]).toBe('billing.double-charge');
    // One bucket: the period's own impact, with its interval.
    expect(double.impactScope).toBe('period');
    expect(double.impact!.ci[0]).toBeLessThanOrEqual(double.impact!.value);
    expect(double.quotes.length).toBeLessThanOrEqual(3);
    expect(double.quotes.length).toBeGreaterThan(0);
    expect(double.revenueAtRisk).toBe(row.revenueAtRisk);
    expect(digest.coverage!.verbatims).toBeGreaterThan(200);
  });

  it('keeps to the filter, the minimums and the facet; a month of weeks takes the whole dataset impact', () => {
    expect(buildDigest(input({ themes: ['billing.refund-delay'] })).top.map((t) => t.id)).toEqual(['billing.refund-delay']);
    expect(buildDigest(input({ families: ['delivery'] })).top).toEqual([]);
    expect(buildDigest(input({ team: 'logistics' })).top.map((t) => t.id)).toEqual(['delivery.late']);
    expect(buildDigest(input({ minVolume: 1_000_000 })).top).toEqual([]);
    const chat = buildDigest(input({ facet: 'channel=chat' }));
    const all = buildDigest(input());
    expect(chat.top[0]!.volume).toBeLessThan(all.top.find((t) => t.id === chat.top[0]!.id)!.volume);
    const month = buildDigest(input({ period: parsePeriod('2026-11') }));
    expect(month.period.label).toBe('2026-11');
    expect(month.previous.label).toBe('2026-10');
    expect(month.top.every((t) => t.impactScope === 'dataset')).toBe(true);
    expect(month.top.find((t) => t.id === 'billing.double-charge')!.impact).toEqual(
      insights.find((i) => i.bucket === '*' && i.facet === 'all' && i.themeId === 'billing.double-charge')!.impact,
    );
    // A period without data: an empty digest that says so.
    const empty = buildDigest(input({ period: parsePeriod('2027-W02') }));
    expect(empty.window).toBeNull();
    expect(digestMarkdown(empty)).toContain('No friction theme of this team in the period.');
  });

  it('renders as Markdown and as Slack blocks, the customer words escaped for Slack', () => {
    const digest = buildDigest(input());
    const md = digestMarkdown(digest);
    expect(md).toMatch(/^# Friction digest for billing: 2026-W48 \(2026-11-23 to 2026-11-29\)/);
    expect(md).toContain('**Rising:** double charge (+');
    expect(md).toMatch(/- Impact on NPS: −\d/);
    expect(md).toContain('> "Verbatim');
    const withMarkup = {
      ...digest,
      top: digest.top.map((t) => ({ ...t, quotes: t.quotes.map((q) => ({ ...q, text: 'see <https://x.example|here> & <!channel>' })) })),
    };
    const slack = digestSlack(withMarkup);
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    expect(slack.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Friction digest for billing: 2026-W48' } });
    const quotes = JSON.stringify(slack.blocks.filter((b) => b.type === 'context').slice(1));
    expect(quotes).toContain('&lt;!channel&gt;');
    expect(quotes).not.toContain('<!channel>');
  });
});
