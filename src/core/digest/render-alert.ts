import type { Alert } from '../../contracts/index.js';

const number = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One line saying what spiked, where and by how much: the alert's text in every format. */
function alertText(a: Alert): string {
  const what = a.kind === 'volume' ? 'mentions' : 'negative mentions';
  const slice = a.facet === 'all' ? 'all verbatims' : a.facet;
  const since = a.baseline === 'weekday' ? 'the same weekday before' : 'the buckets before';
  return `Spike: ${a.themeName} (${a.themeId}) in dataset ${a.dataset}, ${slice}, ${a.bucketSize} of ${a.bucket}: ${number(a.observed)} ${what} where ${number(a.expected, 1)} were expected from ${since} (z ${number(a.z, 1)}).`;
}

/** The alert as a Slack incoming webhook's body. */
export function alertSlack(a: Alert): { text: string; blocks: Array<{ type: 'section'; text: { type: 'mrkdwn'; text: string } }> } {
  const text = alertText(a).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:rotating_light: ${text}` } }] };
}
