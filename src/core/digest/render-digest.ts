import type { Digest, DigestTheme, Metric } from '../../contracts/index.js';

const number = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (share: number): string => `${number(share * 100, 1)}%`;
const points = (change: number): string => `${change >= 0 ? '+' : '−'}${number(Math.abs(change) * 100, 1)} pts`;
const METRIC_NAMES: Record<Metric, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES', rating: 'rating', sentiment: 'sentiment' };
const signed = (n: number): string => `${n >= 0 ? '+' : '−'}${number(Math.abs(n), 2)}`;

/** "Dataset shop, chat only" and the coverage line, shared by both renderings. */
function scopeLine(d: Digest): string {
  const slice = d.facet === 'all' ? 'all verbatims' : `${d.facet} only`;
  const window = !d.window
    ? 'no verbatims in this period'
    : d.window.from === d.window.to
      ? `from the bucket of ${d.window.from}`
      : `from the buckets of ${d.window.from} to ${d.window.to}`;
  return `Dataset ${d.dataset}, ${slice} (${window}).`;
}

function coverageLine(d: Digest): string | null {
  const c = d.coverage;
  if (!c) return null;
  const negative = c.negative > 0 ? ` and ${percent(c.negativeShare)} of the ${number(c.negative)} negative ones` : '';
  return `Coverage: themes explain ${percent(c.share)} of ${number(c.verbatims)} verbatims${negative}.`;
}

/** The figures of one theme, one per line, as Markdown list items (Slack's mrkdwn reads them too). */
function figures(t: DigestTheme): string[] {
  const lines = [
    `Volume ${number(t.volume)} (${percent(t.share)} of verbatims${t.change === null ? '' : `, ${points(t.change)} on the period before`}), ${percent(t.negativeShare)} negative`,
  ];
  if (t.impact) {
    const scope = t.impactScope === 'period' ? 'this period' : 'whole dataset';
    lines.push(`Impact on ${METRIC_NAMES[t.impact.metric]}: ${signed(t.impact.value)} [${signed(t.impact.ci[0])}, ${signed(t.impact.ci[1])}] (${scope})`);
  }
  if (t.driver) lines.push(`Key driver: ${signed(t.driver.attribution)} attributed [${signed(t.driver.ci[0])}, ${signed(t.driver.ci[1])}]`);
  // customer.value's currency units, summed over the negative or churning mentions.
  if (t.revenueAtRisk > 0) lines.push(`Revenue at risk: ${number(t.revenueAtRisk)}`);
  lines.push(`Friction score ${number(t.frictionScore, 1)}`);
  return lines;
}

const quoteLine = (q: DigestTheme['quotes'][number]): string =>
  `"${q.text.replace(/\s+/g, ' ').trim()}" (${q.channel}${q.createdAt ? `, ${q.createdAt.slice(0, 10)}` : ''})`;

/** The digest as Markdown: for e-mail, tickets and the CLI. */
export function digestMarkdown(d: Digest): string {
  const out = [`# Friction digest for ${d.team}: ${d.period.label} (${d.period.from} to ${d.period.to})`, '', scopeLine(d)];
  const coverage = coverageLine(d);
  if (coverage) out.push(coverage);
  if (d.top.length === 0) {
    out.push('', 'No friction theme of this team in the period.');
    return `${out.join('\n')}\n`;
  }
  const names = new Map(d.top.map((t) => [t.id, t]));
  if (d.rising.length > 0) out.push('', `**Rising:** ${d.rising.map((id) => `${names.get(id)!.name} (${points(names.get(id)!.change!)})`).join(', ')}`);
  d.top.forEach((t, i) => {
    out.push('', `## ${i + 1}. ${t.name} (${t.id})`, '', ...figures(t).map((l) => `- ${l}`));
    if (t.quotes.length > 0) out.push('', ...t.quotes.map((q) => `> ${quoteLine(q)}`));
  });
  return `${out.join('\n')}\n`;
}

type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: Array<{ type: 'mrkdwn'; text: string }> }
  | { type: 'divider' };

/** Slack reads &, < and > as control characters in mrkdwn: a customer's words must not link or mention. */
const slackEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack's limit on a section's text. */
const SECTION_MAX = 3000;
const clip = (text: string): string => (text.length <= SECTION_MAX ? text : `${text.slice(0, SECTION_MAX - 1)}…`);

/** The digest as Slack Block Kit blocks (an incoming webhook's body): a header, the scope, then a section per theme with its quotes. */
export function digestSlack(d: Digest): { text: string; blocks: SlackBlock[] } {
  const title = `Friction digest for ${d.team}: ${d.period.label}`;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip([scopeLine(d), coverageLine(d)].filter(Boolean).join(' ')) }] },
  ];
  if (d.top.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No friction theme of this team in the period.' } });
  for (const [i, t] of d.top.entries()) {
    blocks.push({ type: 'divider' });
    const rising = d.rising.includes(t.id) ? ' :chart_with_upwards_trend:' : '';
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `*${i + 1}. ${slackEscape(t.name)}*${rising}\n${figures(t)
            .map((l) => `• ${l}`)
            .join('\n')}`,
        ),
      },
    });
    if (t.quotes.length > 0)
      blocks.push({ type: 'context', elements: t.quotes.map((q) => ({ type: 'mrkdwn', text: clip(`> ${slackEscape(quoteLine(q))}`) })) });
  }
  return { text: title, blocks };
}
