import type { Insight, Metric, RunCounts } from '../contracts/index.js';
import { int, money, pct, signed } from './format.js';
import { gapLine } from './driver-rows.js';
import type { FacetBreakdown } from './facet-breakdown.js';
import { metricDisplay, showInterval, showSigned } from './metric-display.js';
import type { DriversSummary, ThemeRow } from '../core/insights/theme-rows.js';
import type { Coverage } from '../contracts/index.js';
import { coverageLine, lowCoverageWarning } from './coverage-note.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const PALETTE = ['#c0392b', '#2980b9', '#27ae60', '#8e44ad', '#d35400'];

/** Horizontal bars of the friction score for the top themes. */
function frictionChart(rows: readonly ThemeRow[]): string {
  const max = Math.max(1e-9, ...rows.map((r) => r.frictionScore));
  const h = 22;
  const bars = rows.map((r, i) => {
    const w = (r.frictionScore / max) * 360;
    return `<text x="0" y="${i * h + 15}" font-size="12">${esc(r.name)}</text>
<rect x="230" y="${i * h + 4}" width="${w.toFixed(1)}" height="14" fill="#c0392b"/>
<text x="${(236 + w).toFixed(1)}" y="${i * h + 15}" font-size="11">${r.frictionScore.toFixed(1)}</text>`;
  });
  return `<svg width="660" height="${rows.length * h + 8}" role="img" aria-label="friction score by theme">${bars.join('')}</svg>`;
}

/** Impact on the score with its 95% interval, one row per theme, zero line in the middle. */
function impactChart(rows: readonly ThemeRow[]): string {
  const withImpact = rows.filter((r) => r.impact);
  if (withImpact.length === 0) return '<p>No score to measure impact on.</p>';
  const extent = Math.max(1e-9, ...withImpact.flatMap((r) => [Math.abs(r.impact!.ci[0]), Math.abs(r.impact!.ci[1]), Math.abs(r.impact!.value)]));
  const x = (v: number) => 430 + (v / extent) * 200;
  const h = 22;
  const marks = withImpact.map((r, i) => {
    const y = i * h + 11;
    const [lo, hi] = r.impact!.ci;
    return `<text x="0" y="${y + 4}" font-size="12">${esc(r.name)}</text>
<line x1="${x(lo).toFixed(1)}" x2="${x(hi).toFixed(1)}" y1="${y}" y2="${y}" stroke="#555"/>
<circle cx="${x(r.impact!.value).toFixed(1)}" cy="${y}" r="4" fill="${r.impact!.value < 0 ? '#c0392b' : '#27ae60'}"/>`;
  });
  const height = withImpact.length * h + 8;
  return `<svg width="660" height="${height}" role="img" aria-label="impact with 95% intervals">
<line x1="430" x2="430" y1="0" y2="${height}" stroke="#999" stroke-dasharray="3,3"/>${marks.join('')}</svg>`;
}

/**
 * Key drivers beside the impacts: each theme's attribution of the score gap with its
 * bootstrap interval, then the decomposition gap = drivers + residual.
 */
function driversSection(drivers: DriversSummary | null | undefined): string {
  if (!drivers) return '<p>Not enough responses with a score to fit a driver model.</p>';
  const top = drivers.drivers.slice(0, 10);
  if (top.length === 0) return `<p>No theme has enough negative mentions to be a driver. ${esc(gapLine(drivers))}.</p>`;
  const m = metricDisplay(drivers.metric);
  const extent = Math.max(1e-9, ...top.flatMap((d) => [Math.abs(d.ci[0]), Math.abs(d.ci[1]), Math.abs(d.attribution)]));
  const x = (v: number) => 430 + (v / extent) * 200;
  const h = 22;
  const marks = top.map((d, i) => {
    const y = i * h + 11;
    return `<text x="0" y="${y + 4}" font-size="12">${esc(d.name)}</text>
<line x1="${x(d.ci[0]).toFixed(1)}" x2="${x(d.ci[1]).toFixed(1)}" y1="${y}" y2="${y}" stroke="#555"/>
<rect x="${(x(d.attribution) - 4).toFixed(1)}" y="${y - 4}" width="8" height="8" fill="#8e44ad"/>`;
  });
  const height = top.length * h + 8;
  const rows = top
    .map(
      (d, i) => `<tr><td>${i + 1}</td><td>${esc(d.name)}<br><small>${esc(d.themeId)}</small></td>
<td>${showInterval(m, d.attribution, d.ci)}</td><td>${showSigned(m, d.weight)}</td><td>${int(d.support)}</td><td>${pct(d.stability, 0)}</td></tr>`,
    )
    .join('\n');
  return `<svg width="660" height="${height}" role="img" aria-label="key-driver attributions with 95% intervals">
<line x1="430" x2="430" y1="0" y2="${height}" stroke="#999" stroke-dasharray="3,3"/>${marks.join('')}</svg>
<p>${esc(gapLine(drivers))}. Top-${drivers.top} overlap across ${drivers.replicates} bootstrap replicates: ${pct(drivers.topOverlap, 0)}.</p>
<table><thead><tr><th>#</th><th>theme</th><th>attribution, ${esc(m.name)} [95% CI]</th><th>weight</th><th>support</th><th>in top ${drivers.top}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** Share of verbatims per bucket for the top themes. */
function trendChart(rows: readonly ThemeRow[], insights: readonly Insight[]): string {
  const top = rows.slice(0, PALETTE.length);
  const series = top.map((r) => insights.filter((i) => i.themeId === r.id && i.facet === 'all' && i.bucket !== '*'));
  const buckets = [...new Set(series.flat().map((i) => i.bucket))].sort();
  if (buckets.length < 2) return '<p>Not enough time buckets for a trend.</p>';
  const max = Math.max(1e-9, ...series.flat().map((i) => i.share));
  const x = (b: string) => 40 + (buckets.indexOf(b) / (buckets.length - 1)) * 600;
  const y = (s: number) => 200 - (s / max) * 180;
  const lines = series.map((points, k) => {
    const byBucket = new Map(points.map((p) => [p.bucket, p.share]));
    const d = buckets.map((b, j) => `${j ? 'L' : 'M'}${x(b).toFixed(1)},${y(byBucket.get(b) ?? 0).toFixed(1)}`).join('');
    return `<path d="${d}" fill="none" stroke="${PALETTE[k]}" stroke-width="2"/>`;
  });
  const legend = top.map((r, k) => `<tspan fill="${PALETTE[k]}">■ ${esc(r.name)}</tspan>`).join('  ');
  return `<svg width="680" height="250" role="img" aria-label="share of verbatims per bucket">
<text x="40" y="240" font-size="11">${esc(buckets[0]!)}</text><text x="560" y="240" font-size="11">${esc(buckets.at(-1)!)}</text>
<text x="0" y="24" font-size="11">${pct(max, 0)}</text>${lines.join('')}<text x="40" y="12" font-size="11">${legend}</text></svg>`;
}

/**
 * Per `--by` field: the top themes against every value of the field, each cell the share of
 * the value's verbatims mentioning the theme, the highest in bold (the table's '*'), then
 * each value's own top 3 themes.
 */
function facetSection(b: FacetBreakdown, rows: readonly ThemeRow[], warning: string | undefined): string {
  if (warning) return `<h2>By ${esc(b.field)}</h2><p>${esc(warning)}.</p>`;
  const share = new Map(b.values.map((v) => [v.value, new Map(v.themes.map((t) => [t.id, t.share]))]));
  const head = b.values.map((v) => `<th>${esc(v.value)}<br><small>${int(v.verbatims)}</small></th>`).join('');
  const body = rows
    .map((r) => {
      const shares = b.values.map((v) => share.get(v.value)?.get(r.id) ?? 0);
      const highest = Math.max(...shares);
      const cells = shares.map((x) => `<td>${x > 0 ? (x === highest ? `<b>${pct(x)}</b>` : pct(x)) : '—'}</td>`).join('');
      return `<tr><td>${r.rank}</td><td>${esc(r.name)}</td>${cells}</tr>`;
    })
    .join('\n');
  const tops = b.values
    .map(
      (v) =>
        `<li><b>${esc(v.value)}</b>: ${
          v.themes
            .slice(0, 3)
            .map((t) => `${esc(t.name)} (${pct(t.share)})`)
            .join(', ') || 'no theme'
        }</li>`,
    )
    .join('');
  return `<h2>By ${esc(b.field)}</h2><p>Share of each value's verbatims that mention the theme (highest in bold); ${int(b.verbatims)} verbatims carry the field.</p>
<div class="wide"><table><thead><tr><th>#</th><th>theme</th>${head}</tr></thead><tbody>${body}</tbody></table></div>
<p>Top themes of each value, by its own friction ranking:</p><ul>${tops}</ul>`;
}

/** A self-contained HTML report (no scripts, no external assets). */
export function renderReport(input: {
  title: string;
  runId: string;
  counts: RunCounts;
  rows: readonly ThemeRow[];
  insights: readonly Insight[];
  drivers?: DriversSummary | null;
  /** The metric of the impacts and the sentence that says so (metric-note.ts). */
  metric: Metric;
  metricLine: string;
  by?: readonly FacetBreakdown[];
  warnings?: readonly string[];
  coverage?: Coverage | null;
}): string {
  const top = input.rows.slice(0, 15);
  const m = metricDisplay(input.metric);
  const tableRows = top
    .map(
      (r) => `<tr><td>${r.rank}</td><td>${esc(r.name)}<br><small>${esc(r.id)}</small></td><td>${esc(r.owner)}</td>
<td>${int(r.volume)}</td><td>${pct(r.share)}</td><td>${pct(r.negativeShare, 0)}</td>
<td>${r.impact ? showInterval(m, r.impact.value, r.impact.ci) : '—'}</td>
<td>${r.revenueAtRisk ? money(r.revenueAtRisk) : '—'}</td><td>${r.trend ? `${signed(r.trend.change * 100, 1)}pp${r.trend.spike ? ' <b>spike</b>' : ''}` : '—'}</td>
<td>${r.frictionScore.toFixed(1)}</td></tr>
<tr class="q"><td></td><td colspan="9">${r.quotes.map((q) => `<blockquote>“${esc(q.text)}” <small>${esc(q.channel)}, ${esc(q.createdAt?.slice(0, 10) ?? 'undated')}</small></blockquote>`).join('')}</td></tr>`,
    )
    .join('\n');
  const c = input.counts;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}table{border-collapse:collapse;width:100%}
td,th{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}tr.q td{border-bottom:2px solid #ddd}
blockquote{margin:2px 0;color:#555;font-style:italic}h2{margin-top:1.6em}div.wide{overflow-x:auto}</style></head><body>
<h1>${esc(input.title)}</h1>
<p>Run <code>${esc(input.runId)}</code>: ${int(c.read)} read = ${int(c.analyzed)} analyzed + ${int(c.rejected)} rejected + ${int(c.duplicates)} duplicates + ${int(c.unsupportedLanguage)} unsupported language.${c.undated ? ` ${int(c.undated)} analysed rows are undated (no readable date): they count in the whole-run figures, in no time bucket.` : ''}</p>
${input.coverage ? `<p>${esc(coverageLine(input.coverage))}.${lowCoverageWarning(input.coverage) ? ` <b>${esc(lowCoverageWarning(input.coverage)!)}.</b>` : ''}</p>` : ''}
<h2>Top friction themes</h2>${frictionChart(top)}
<h2>Impact on the score (95% interval)</h2><p>${esc(input.metricLine)}.</p>${impactChart(top)}
<h2>Key drivers: attribution of the score gap (95% interval)</h2>${driversSection(input.drivers)}
<h2>Trend of the top themes</h2>${trendChart(top, input.insights)}
${(input.by ?? [])
  .map((b) =>
    facetSection(
      b,
      top,
      input.warnings?.find((w) => w.startsWith(`--by ${b.field}:`)),
    ),
  )
  .join('\n')}
<h2>Details and quotes</h2><table><thead><tr><th>#</th><th>theme</th><th>owner</th><th>volume</th><th>share</th><th>neg</th><th>impact, ${esc(m.name)} [95% CI]</th><th>at risk</th><th>trend</th><th>friction</th></tr></thead>
<tbody>${tableRows}</tbody></table></body></html>\n`;
}
