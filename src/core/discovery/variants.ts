import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { contextCosine, contextSpace } from './contexts.js';

/**
 * Variants of one word joined before grouping, so one complaint comes back as one group and
 * not one per wording. Two steps, both from the corpus itself and deterministic:
 *
 * 1. Forms: words with one Porter stem, one an inflection of the other, are one word
 *    ("cancelled" / "canceled" / "cancel", "bag" / "bags"; the parser's lemmas already join
 *    most inflections, and wink reads British spellings as American, but a capitalised word
 *    tagged as a name keeps its form).
 * 2. Substitutes: words used in the same contexts but rarely together ("luggage" /
 *    "baggage", "fabric" / "material" in reviews), by their context vectors (contexts.ts).
 *    Two words join when each is the other's nearest by cosine,
 *    the cosine reaches SUBSTITUTE_SIMILARITY, and they co-occur no more than chance (PMI
 *    <= 0): words that complete each other ("lost" and "bag") share contexts too, but they
 *    also share sentences; substitutes take each other's place instead.
 *
 * A class is named by its most frequent word (ties: the first in alphabetical order).
 */

/** Cosine of two context vectors for two words to be substitutes (tuned on the generated samples and tweeteval val.csv). */
const SUBSTITUTE_SIMILARITY = 0.45;

export interface VariantClasses {
  /** Each word's class name (itself when it joined nothing). */
  canonical: (word: string) => string;
  /** Each class's words, most frequent first, for classes of more than one word. */
  members: ReadonlyMap<string, readonly string[]>;
}

const byFrequency =
  (df: ReadonlyMap<string, number>) =>
  (a: string, b: string): number =>
    df.get(b)! - df.get(a)! || (a < b ? -1 : a > b ? 1 : 0);

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The alphabetically first word is the root: the same classes for any order of union.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    if (root !== child) this.parent.set(child, root);
  }
}

/** Endings that inflect a word without changing what it names: a Porter stem alone also joins "community" and "communication". */
const INFLECTIONS = ['s', 'es', 'ed', 'd', 'ing', 'ings', 'ies', 'ied'];

/**
 * Whether one word is the other inflected: the longer is the shorter (less a final "e" or
 * "y", or with its last consonant doubled) plus an inflection ("bag" / "bags", "cancel" /
 * "cancelled", "dance" / "dancing", "reply" / "replied").
 */
function inflected(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const bases = [short, short.replace(/[ey]$/, ''), short + short.slice(-1)];
  return bases.some((base) => long.startsWith(base) && INFLECTIONS.includes(long.slice(base.length)));
}

/** The words of a unit's terms: lemmas, the word of "not X", the words of phrases. */
function wordsOf(terms: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const t of terms) for (const w of t.split(' ')) if (w !== 'not') words.add(w);
  return words;
}

/** Classes of variant words over the units' terms (null: a unit with nothing to group). */
export function variantClasses(unitTerms: readonly (readonly string[] | null)[]): VariantClasses {
  const units = unitTerms.flatMap((terms) => (terms ? [wordsOf(terms)] : []));
  const df = new Map<string, number>();
  for (const words of units) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const joins = new UnionFind();

  // 1. Forms.
  const byStem = new Map<string, string[]>();
  for (const w of df.keys()) {
    const key = PorterStemmer.stem(w);
    const list = byStem.get(key);
    if (list) list.push(w);
    else byStem.set(key, [w]);
  }
  for (const list of byStem.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (inflected(list[i]!, list[j]!)) joins.union(list[i]!, list[j]!);
  }

  // 2. Substitutes, over form classes (counted once per sentence).
  const formUnits = units.map((words) => new Set([...words].map((w) => joins.find(w))));
  const space = contextSpace(formUnits);
  const V = space.words.length;
  const nearest = new Int32Array(V).fill(-1);
  const nearestSim = new Float64Array(V).fill(-1);
  for (let a = 0; a < V; a++) {
    for (let b = a + 1; b < V; b++) {
      const s = contextCosine(space, a, b);
      if (s > nearestSim[a]!) {
        nearestSim[a] = s;
        nearest[a] = b;
      }
      if (s > nearestSim[b]!) {
        nearestSim[b] = s;
        nearest[b] = a;
      }
    }
  }
  const D = space.contexts.size;
  for (let a = 0; a < V; a++) {
    const b = nearest[a]!;
    if (b <= a || nearest[b] !== a || nearestSim[a]! < SUBSTITUTE_SIMILARITY) continue;
    const wa = space.words[a]!;
    const wb = space.words[b]!;
    // How often the two meet, against chance (only known when one of them is a context word).
    const c = space.contexts.get(wb);
    const met = c === undefined ? 0 : space.together[a * D + c]!;
    if (met > (space.df.get(wa)! * space.df.get(wb)!) / space.n) continue;
    joins.union(wa, wb);
  }

  const classes = new Map<string, string[]>();
  for (const w of df.keys()) {
    const root = joins.find(w);
    const list = classes.get(root);
    if (list) list.push(w);
    else classes.set(root, [w]);
  }
  const name = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const list of classes.values()) {
    list.sort(byFrequency(df));
    for (const w of list) name.set(w, list[0]!);
    if (list.length > 1) members.set(list[0]!, list);
  }
  return { canonical: (w) => name.get(w) ?? w, members };
}

/** A unit's terms with every word replaced by its class name; a phrase of one class twice is dropped. */
export function canonicalTerms(terms: readonly string[], canonical: (word: string) => string): string[] {
  const out = new Set<string>();
  for (const t of terms) {
    const words = t.split(' ').map((w) => (w === 'not' ? w : canonical(w)));
    if (words.length === 2 && words[0] !== 'not' && words[0] === words[1]) continue;
    out.add(words.join(' '));
  }
  return [...out];
}
