import type { AnalysisItem } from '../api.js';
import { h } from '../dom.js';
import { day, signed } from '../format.js';
import { stateHref, type ViewState } from '../state.js';

interface Range {
  start: number;
  end: number;
}

/** `text[range]` with the part inside `mark` wrapped in <mark>: the words the theme was found in. */
function marked(text: string, range: Range, mark: Range | undefined): Node[] {
  if (!mark || mark.end <= range.start || mark.start >= range.end) return [document.createTextNode(text.slice(range.start, range.end))];
  const from = Math.max(range.start, mark.start);
  const to = Math.min(range.end, mark.end);
  return [document.createTextNode(text.slice(range.start, from)), h('mark', {}, text.slice(from, to)), document.createTextNode(text.slice(to, range.end))];
}

/** Where the theme's evidence sits in the text: its span, or (older analyses.jsonl) the first place its words occur. */
function evidenceOf(item: AnalysisItem, themeId: string): Range | undefined {
  const mention = item.themes.find((t) => t.id === themeId);
  if (!mention) return undefined;
  if (mention.span) return mention.span;
  const at = item.text.indexOf(mention.evidence);
  return at < 0 ? undefined : { start: at, end: at + mention.evidence.length };
}

/**
 * The text of an analysis, sentence by sentence, each with its sentiment (tinted and written
 * after it, so the tint is not the only cue), the theme's evidence marked.
 */
function sentencesOf(item: AnalysisItem, themeId: string): HTMLElement {
  const text = item.text;
  const evidence = evidenceOf(item, themeId);
  const p = h('p', { class: 'verbatim' });
  const sentences = item.sentences && item.sentences.length > 0 ? item.sentences : [{ span: { start: 0, end: text.length }, sentiment: item.sentiment }];
  let at = 0;
  for (const s of sentences) {
    if (s.span.start > at) p.append(...marked(text, { start: at, end: s.span.start }, evidence));
    p.append(
      h(
        'span',
        { class: `sentence ${s.sentiment.label}`, 'data-sentiment': s.sentiment.label },
        ...marked(text, s.span, evidence),
        h('span', { class: 'tone', title: `sentence sentiment: ${s.sentiment.label}` }, `${s.sentiment.label} ${signed(s.sentiment.score)}`),
      ),
    );
    at = Math.max(at, s.span.end);
  }
  if (at < text.length) p.append(...marked(text, { start: at, end: text.length }, evidence));
  return p;
}

/** One analysis behind a theme's figures: where and when, its text, and every theme it mentions. */
export function analysisCard(item: AnalysisItem, themeId: string, state: ViewState, names: (id: string) => string): HTMLElement {
  return h(
    'article',
    { class: 'analysis', 'data-verbatim': item.id },
    h(
      'p',
      { class: 'meta' },
      `${item.id} \u00b7 ${item.channel} \u00b7 ${day(item.createdAt)} \u00b7 overall ${item.sentiment.label} ${signed(item.sentiment.score)}`,
    ),
    sentencesOf(item, themeId),
    h(
      'ul',
      { class: 'mentions', 'aria-label': 'Themes mentioned' },
      ...item.themes.map((t) =>
        h(
          'li',
          {},
          t.id === themeId ? h('strong', {}, names(t.id)) : h('a', { href: stateHref({ ...state, theme: t.id }), 'data-nav': true }, names(t.id)),
          ` \u201c${t.evidence}\u201d (${t.sentiment.label})`,
        ),
      ),
    ),
  );
}
