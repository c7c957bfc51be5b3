import type { DiscoveryResult } from '../core/discovery/index.js';
import { int, pct } from './format.js';

/** The readable list of theme suggestions, then their taxonomy entries (or where they were written). */
export function renderSuggestions(result: DiscoveryResult, options: { minSize: number; out?: string | undefined }): string {
  const lines = [
    `${int(result.uncovered)} sentences no theme covered; ${int(result.grouped)} name something to group; ` +
      `${result.suggestions.length} candidate themes of at least ${options.minSize} complaining verbatims:`,
  ];
  result.suggestions.forEach((s, i) => {
    lines.push(
      '',
      `${i + 1}. ${s.label}  (${s.id})`,
      `   ${int(s.size)} verbatims, ${int(s.sentences)} sentences, ${pct(s.complaintShare, 0)} complaining; ${s.nearestTheme ? `nearest theme ${s.nearestTheme}, so parent guess ${s.parent} (owner ${s.owner})` : `no close theme: parent ${s.parent} is a placeholder, owner ${s.owner}`}`,
      `   phrases: ${s.phrases.map((p) => `${p.phrase} (${p.count})`).join(', ')}`,
      ...s.quotes.map((q) => `   “${q.sentence}”`),
    );
  });
  if (result.suggestions.length === 0) lines.push('', '(no group is large enough: try a smaller --min-size)');
  lines.push('');
  if (options.out) lines.push(`wrote ${result.suggestions.length} taxonomy entries to ${options.out}: paste the ones you keep under \`themes:\``);
  else if (result.suggestions.length > 0) lines.push('Taxonomy entries (paste the ones you keep under `themes:`):', ...result.suggestions.map((s) => s.yaml));
  return lines.join('\n');
}
