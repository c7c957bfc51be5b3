import { averageLinkage } from './cluster.js';
import { contextSpace } from './contexts.js';
import { isFiller, wordStatistics } from './filler.js';
import { joinGroups } from './join-groups.js';
import { NameTally } from './mask.js';
import { guessParent } from './parent.js';
import { labelOf, rankPhrases, slugOf, type RankedPhrase } from './phrases.js';
import { themeSnippet } from './snippet.js';
import { describeUnit } from './terms.js';
import type { DescribedUnit, DescribeOptions, DiscoveryResult, DiscoveryUnit, SuggestOptions, ThemeSuggestion } from './types.js';
import { canonicalTerms, variantClasses } from './variants.js';
import { buildPoints, dot, type Point, type SparseVector } from './vectors.js';

export const DEFAULT_MIN_SIZE = 10;
export const DEFAULT_MAX_SUGGESTIONS = 30;
const DEFAULT_MERGE_THRESHOLD = 0.2;
/** Cosine of two groups' context profiles for them to be one complaint (join-groups.ts; tuned on the generated samples and tweeteval val.csv). */
const DEFAULT_JOIN_THRESHOLD = 0.5;
const DEFAULT_MAX_CLUSTERED = 2000;
const DEFAULT_MIN_COMPLAINT_SHARE = 0.3;
const QUOTES = 5;

/**
 * Theme discovery (DESIGN.md): groups the sentences the taxonomy did not cover into
 * candidate themes. Steps: mask source names (mask.ts), terms per sentence (terms.ts),
 * TF-IDF points (vectors.ts), average-linkage clustering of the most frequent distinct
 * points (cluster.ts), the rest joined to the group they are on average most alike, then
 * a label, a parent guess, 5 quotes and a taxonomy entry per group of at least `minSize`
 * verbatims that complain. Pure and deterministic: any order of the same units gives the same result.
 */
export function suggestThemes(input: readonly DescribedUnit[], options: SuggestOptions): DiscoveryResult {
  const minSize = options.minSize ?? DEFAULT_MIN_SIZE;
  const threshold = options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD;
  const units = [...input].sort((a, b) => (a.verbatimId < b.verbatimId ? -1 : a.verbatimId > b.verbatimId ? 1 : a.sentence - b.sentence));
  // One word per complaint: forms and substitutes of a word count as the word (variants.ts).
  const variants = variantClasses(units.map((u) => u.terms));
  const terms = units.map((u) => (u.terms ? canonicalTerms(u.terms, variants.canonical) : null));
  const complaintShare = (members: readonly number[]): number => members.filter((u) => units[u]!.complaint).length / members.length;
  const minComplaintShare = options.minComplaintShare ?? DEFAULT_MIN_COMPLAINT_SHARE;
  const complainingVerbatims = (members: readonly number[]): number =>
    new Set(members.filter((u) => units[u]!.complaint).map((u) => units[u]!.verbatimId)).size;
  const { vocabulary, points } = buildPoints(terms);
  const termId = new Map(vocabulary.terms.map((t, i) => [t, i]));
  const unitTermIds = terms.map((ts) => (ts ?? []).flatMap((t) => (termId.has(t) ? [termId.get(t)!] : [])));
  const unitPoint = new Map<number, Point>();
  for (const p of points) for (const u of p.units) unitPoint.set(u, p);

  const clustered = points.slice(0, options.maxClustered ?? DEFAULT_MAX_CLUSTERED);
  const wordGroups = averageLinkage(clustered, threshold).map((members) => members.flatMap((i) => clustered[i]!.units));
  joinRest(points.slice(clustered.length), wordGroups, unitPoint, threshold);
  // Groups of one complaint in other words, joined by the contexts their words are used in.
  const unitWords = terms.map((ts) => [...new Set((ts ?? []).flatMap((t) => t.split(' ')).filter((w) => w !== 'not'))]);
  const space = contextSpace(unitWords.filter((ws) => ws.length > 0).map((ws) => new Set(ws)));
  const wordIdf = (w: string): number => Math.log(1 + space.n / (space.df.get(w) ?? 1));
  const verbatimsOf = (members: readonly number[]): number => new Set(members.map((u) => units[u]!.verbatimId)).size;
  const eligible = (members: readonly number[]): boolean =>
    verbatimsOf(members) >= Math.max(3, Math.ceil(minSize / 2)) && complaintShare(members) >= minComplaintShare;
  const groups = joinGroups(wordGroups, unitWords, space, wordIdf, eligible, options.joinThreshold ?? DEFAULT_JOIN_THRESHOLD);

  const complaintsWith = new Map<string, number>();
  let complaining = 0;
  unitWords.forEach((ws, u) => {
    if (ws.length === 0 || !units[u]!.complaint) return;
    complaining++;
    for (const w of ws) complaintsWith.set(w, (complaintsWith.get(w) ?? 0) + 1);
  });
  const stats = wordStatistics(space, complaintsWith, complaining / (space.n || 1));
  const drafts = groups
    .map((members) => ({ members: members.sort((a, b) => a - b), verbatims: new Set(members.map((u) => units[u]!.verbatimId)) }))
    // Discovery is for friction: the size that counts is that of the verbatims whose sentences in
    // the group complain. A group of chatter with a few sour remarks among it ("miss you", "so
    // tired of ...") reaches `minSize` verbatims long before it reaches `minSize` complaints.
    .filter((g) => g.verbatims.size >= minSize && complainingVerbatims(g.members) >= minSize && complaintShare(g.members) >= minComplaintShare)
    .map((g) => ({ ...g, phrases: rankPhrases(g.members, unitTermIds, vocabulary), complaints: complaintShare(g.members) * g.verbatims.size }))
    // A group held together by a word that carries no complaint is filler, not a theme (filler.ts).
    .filter((g) => g.phrases.length > 0 && !isFiller(labelOf(g.phrases)[0]!, stats))
    // Most complaining verbatims first: a large group of mild remarks ranks after a smaller, sharper one.
    .sort((a, b) => b.complaints - a.complaints || a.members[0]! - b.members[0]!)
    .slice(0, options.maxSuggestions ?? DEFAULT_MAX_SUGGESTIONS);

  const taken = new Set(options.existingIds);
  const variantsOf = (w: string): readonly string[] => variants.members.get(w) ?? [w];
  const suggestions = drafts.map((g): ThemeSuggestion => {
    const label = labelOf(g.phrases);
    const id = freeId(`suggested.${slugOf(label)}`, taken);
    const { family, nearest } = guessParent(g.phrases, options.families, variantsOf);
    const quotes = quotesOf(g.members, units, unitPoint);
    const name = capitalise(label.join(' / '));
    const members = [...g.verbatims].sort();
    const description = `Suggested by theme discovery from ${members.length} verbatims no theme covered, e.g. "${quotes[0]?.sentence ?? ''}"`;
    return {
      id,
      label: label.join(' / '),
      parent: family.id,
      owner: family.owner,
      nearestTheme: nearest,
      size: members.length,
      sentences: g.members.length,
      complaintShare: complaintShare(g.members),
      phrases: g.phrases.slice(0, 8).map((p) => ({ phrase: p.term, count: p.count })),
      quotes,
      members,
      yaml: themeSnippet({ id, name, parent: family.id, description, phrases: coveringFirst(g.phrases, g.members, unitTermIds, termId), variantsOf }),
    };
  });
  return { uncovered: units.length, grouped: terms.filter((t) => t?.some((x) => termId.has(x))).length, suggestions };
}

/**
 * Both steps on parsed sentences held in memory (tests, small inputs): names tallied over all
 * of them, then each described and grouped. The CLI streams the two steps over a store instead.
 */
export function suggestFromUnits(units: readonly DiscoveryUnit[], options: SuggestOptions & DescribeOptions): DiscoveryResult {
  const tally = new NameTally();
  for (const u of units) tally.add(u.text);
  const names = tally.names(options.maskWords);
  return suggestThemes(
    units.map((u) => describeUnit(u, names, options)),
    options,
  );
}

/**
 * Points past the clustering bound join the group they are on average most alike, if at
 * least `threshold` (the same criterion as a merge: the mean cosine to the group's
 * sentences, which is the dot product with the group's mean vector).
 */
function joinRest(rest: readonly Point[], groups: number[][], unitPoint: ReadonlyMap<number, Point>, threshold: number): void {
  if (rest.length === 0) return;
  const centroids = groups.map((members) => meanVector(members.map((u) => unitPoint.get(u)!.vector)));
  for (const p of rest) {
    let best = -1;
    let bestSim = threshold;
    centroids.forEach((c, g) => {
      let s = 0;
      for (let i = 0; i < p.vector.ids.length; i++) s += p.vector.values[i]! * (c.get(p.vector.ids[i]!) ?? 0);
      if (s >= bestSim && (best < 0 || s > bestSim)) {
        best = g;
        bestSim = s;
      }
    });
    if (best >= 0) groups[best]!.push(...p.units);
  }
}

function meanVector(vectors: readonly SparseVector[]): Map<number, number> {
  const sum = new Map<number, number>();
  for (const v of vectors) {
    v.ids.forEach((id, i) => {
      sum.set(id, (sum.get(id) ?? 0) + v.values[i]!);
    });
  }
  for (const [id, s] of sum) sum.set(id, s / vectors.length);
  return sum;
}

/**
 * The sentences nearest the group's mean vector, ties by verbatim id: one per distinct term
 * vector, so five quotes show five wordings rather than one template five times.
 */
function quotesOf(members: readonly number[], units: readonly DescribedUnit[], unitPoint: ReadonlyMap<number, Point>): ThemeSuggestion['quotes'] {
  const mean = meanVector(members.map((u) => unitPoint.get(u)!.vector));
  const centre: SparseVector = { ids: Int32Array.from([...mean.keys()].sort((a, b) => a - b)), values: new Float64Array(0) };
  centre.values = Float64Array.from(centre.ids, (id) => mean.get(id)!);
  const seen = new Set<Point>();
  return members
    .map((u) => ({ u, s: dot(unitPoint.get(u)!.vector, centre) }))
    .sort((a, b) => b.s - a.s || a.u - b.u)
    .filter(({ u }) => {
      const point = unitPoint.get(u)!;
      return !seen.has(point) && seen.add(point);
    })
    .slice(0, QUOTES)
    .map(({ u }) => ({ verbatimId: units[u]!.verbatimId, sentence: units[u]!.text }));
}

/**
 * The phrases in the order that covers most of the group: each next phrase the one held by
 * most member sentences no earlier phrase holds (ties: the better ranked). A group joined
 * from two wordings (join-groups.ts) then gets patterns for both, not five for the larger.
 */
function coveringFirst(
  phrases: readonly RankedPhrase[],
  members: readonly number[],
  unitTermIds: readonly (readonly number[])[],
  termId: ReadonlyMap<string, number>,
): RankedPhrase[] {
  const holders = new Map(phrases.map((p) => [p, new Set(members.filter((u) => unitTermIds[u]!.includes(termId.get(p.term)!)))]));
  const covered = new Set<number>();
  const rest = [...phrases];
  const out: RankedPhrase[] = [];
  while (rest.length > 0) {
    let best = 0;
    let bestGain = -1;
    rest.forEach((p, i) => {
      let gain = 0;
      for (const u of holders.get(p)!) if (!covered.has(u)) gain++;
      if (gain > bestGain) {
        best = i;
        bestGain = gain;
      }
    });
    const [p] = rest.splice(best, 1);
    for (const u of holders.get(p!)!) covered.add(u);
    out.push(p!);
  }
  return out;
}

function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
