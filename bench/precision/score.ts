import { mulberry32 } from '../../src/core/random/mulberry32.js';
import { fnv1a } from '../../src/core/hash/fnv1a.js';
import { labelKey, type PrecisionLabel } from './labels.js';

/** One theme mention found by the analyzer in a row of a set. */
export interface Mention {
  dataset: string;
  split: 'dev' | 'test';
  row: string;
  themeId: string;
  sentence: string;
  evidence: string;
}

/** Up to this many mentions per theme, per set and split, are judged. */
export const SAMPLE_SIZE = 30;
/** A theme with fewer mentions than this in a set's split is not sampled there. */
export const MIN_MENTIONS = 5;
const SAMPLE_SEED = 0x13;

/**
 * A mention's place in the sampling order: a draw of the seeded generator keyed by the
 * mention alone, so the sample of a theme is its SAMPLE_SIZE lowest draws (bottom-k). A fix
 * that removes false mentions lets the next ones in and keeps every judged one that still
 * matches: a relabel never starts over.
 */
const sampleRank = (m: Pick<Mention, 'dataset' | 'row' | 'themeId'>): number => mulberry32(fnv1a(labelKey(m.dataset, m.row, m.themeId)) ^ SAMPLE_SEED)();

/** The sampled mentions: per (set, split, theme) with MIN_MENTIONS or more, the SAMPLE_SIZE lowest ranks. */
export function sampleMentions(mentions: readonly Mention[], size = SAMPLE_SIZE, min = MIN_MENTIONS): Mention[] {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${m.dataset}\u0000${m.split}\u0000${m.themeId}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  const out: Mention[] = [];
  for (const list of groups.values()) {
    if (list.length < min) continue;
    const ranked = list.map((m) => ({ m, r: sampleRank(m) })).sort((a, b) => a.r - b.r || (a.m.row < b.m.row ? -1 : 1));
    for (const { m } of ranked.slice(0, size)) out.push(m);
  }
  return out.sort((a, b) =>
    a.dataset < b.dataset ? -1 : a.dataset > b.dataset ? 1 : a.themeId < b.themeId ? -1 : a.themeId > b.themeId ? 1 : a.row < b.row ? -1 : 1,
  );
}

/** Precision of one theme in one set and split, over its judged sampled mentions. */
export interface PrecisionCell {
  dataset: string;
  split: 'dev' | 'test';
  themeId: string;
  /** Every current mention of the theme in the set's split. */
  mentions: number;
  judged: number;
  correct: number;
  /** correct / judged; undefined with nothing judged. */
  precision: number | undefined;
}

export interface PrecisionReport {
  cells: PrecisionCell[];
  /** Per theme over every set of the split. */
  themes: PrecisionCell[];
  /** Sampled mentions with no label yet: matches new since labelling, to judge next. */
  unjudged: Mention[];
  /** Sampled mentions judged wrong that still match: what a fix should look at next. */
  wrong: Mention[];
  /** Labels of the split whose mention no longer matches (a fix removed it): false ones fixed, true ones lost. */
  gone: { correct: number; wrong: number };
}

/**
 * Joins the current matches with the stored labels by (dataset, row, themeId). Precision
 * counts the judged mentions among the current sample; a labelled mention that no longer
 * matches drops out (reported under `gone`); a sampled one with no label is listed as unjudged.
 */
export function scorePrecision(mentions: readonly Mention[], labels: readonly PrecisionLabel[], split: 'dev' | 'test'): PrecisionReport {
  const inSplit = mentions.filter((m) => m.split === split);
  const byKey = new Map(labels.filter((l) => l.split === split).map((l) => [labelKey(l.dataset, l.row, l.themeId), l]));
  const current = new Set(inSplit.map((m) => labelKey(m.dataset, m.row, m.themeId)));
  const cells = new Map<string, PrecisionCell>();
  const themes = new Map<string, PrecisionCell>();
  const cell = (map: Map<string, PrecisionCell>, dataset: string, themeId: string): PrecisionCell => {
    const key = `${dataset}\u0000${themeId}`;
    let c = map.get(key);
    if (!c) map.set(key, (c = { dataset, split, themeId, mentions: 0, judged: 0, correct: 0, precision: undefined }));
    return c;
  };
  for (const m of inSplit) {
    cell(cells, m.dataset, m.themeId).mentions++;
    cell(themes, 'all', m.themeId).mentions++;
  }
  const unjudged: Mention[] = [];
  const wrong: Mention[] = [];
  for (const m of sampleMentions(inSplit)) {
    const label = byKey.get(labelKey(m.dataset, m.row, m.themeId));
    if (!label) {
      unjudged.push(m);
      continue;
    }
    for (const c of [cell(cells, m.dataset, m.themeId), cell(themes, 'all', m.themeId)]) {
      c.judged++;
      if (label.correct) c.correct++;
    }
    if (!label.correct) wrong.push(m);
  }
  const gone = { correct: 0, wrong: 0 };
  for (const [key, l] of byKey) {
    if (current.has(key)) continue;
    if (l.correct) gone.correct++;
    else gone.wrong++;
  }
  const finish = (list: Iterable<PrecisionCell>): PrecisionCell[] =>
    [...list]
      .map((c) => ({ ...c, precision: c.judged > 0 ? c.correct / c.judged : undefined }))
      .sort((a, b) => (a.themeId < b.themeId ? -1 : a.themeId > b.themeId ? 1 : a.dataset < b.dataset ? -1 : 1));
  return { cells: finish(cells.values()), themes: finish(themes.values()), unjudged, wrong, gone };
}
