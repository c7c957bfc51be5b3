import type { Doc, Sentence } from '../text/types.js';
import type { PatternContext, Taxonomy } from './taxonomy.js';
import { buildFuzzyIndex, fuzzyKeyword, type FuzzyIndex } from './fuzzy.js';
import {
  compilePattern,
  compilePatterns,
  MAX_GAP,
  NEGATORS,
  patternHasNegator,
  posMatches,
  preparedSentence,
  type PatternWord,
  type Pattern,
  type PreparedSentence,
} from './pattern.js';
import { SentenceWords, WordIndex, type WordIds } from './word-index.js';

/**
 * Confidence by pattern kind. A multi-word phrase or a co-occurrence is far less ambiguous
 * than one word, and a contiguous phrase less than one with gaps; a misspelt word costs a
 * little more doubt. These are rule confidences on one scale, not calibrated probabilities.
 */
const CONFIDENCE = {
  phrase: 0.9,
  phraseWithGap: 0.85,
  all: 0.8,
  allSpread: 0.7,
  /** A topic phrase names the theme without judging it: less telling evidence than a complaint. */
  topic: 0.75,
  topicWithGap: 0.7,
  lemma: 0.6,
  fuzzyPenalty: 0.15,
} as const;

/** Co-occurrence words further apart than this (in words) are weaker evidence. */
const ALL_NEAR = 8;
/** How far back from a negated match word its negator may sit to be part of the evidence. */
const NEGATOR_LOOKBACK = 2;

/**
 * What a match says beyond naming the theme, for a sentence whose words carry no tone:
 * 'phrase' and 'all' are complaint patterns, 'praise' names the theme going well, 'topic'
 * and 'lemma' only name it ("I usually wear a medium").
 */
type MatchKind = 'phrase' | 'praise' | 'topic' | 'all' | 'lemma';
type PhraseKind = 'phrase' | 'praise' | 'topic';

export interface ThemeMatch {
  themeId: string;
  sentence: number;
  /** Character offsets in doc.text of the matched words (with their negator, if negated). */
  start: number;
  end: number;
  text: string;
  confidence: number;
  kind: MatchKind;
  /**
   * A matched word sits in a negated scope the pattern does not name itself ("was not
   * helpful", "not too tight"): the mention says the opposite of its pattern.
   */
  negated: boolean;
}

/** A context phrase as word numbers; `anchored` ones must open the sentence. */
interface ContextPattern {
  ids: WordIds;
  anchored: boolean;
  /** Set when a slot names a part of speech: the words, to check it at each candidate place. */
  pos?: Pattern;
}

/** A pattern's context, compiled: one of `requires` (if any) and none of `unless` in the sentence. */
interface CompiledContext {
  requires: ContextPattern[];
  unless: ContextPattern[];
}

interface CompiledTheme {
  id: string;
  /** Per phrase / co-occurrence / single lemma: its context, or undefined (most have none). */
  phraseContexts: (CompiledContext | undefined)[];
  allContexts: (CompiledContext | undefined)[];
  lemmaContexts: (CompiledContext | undefined)[];
  /** Per single lemma: its pattern (a slot may demand a part of speech). */
  lemmaPatterns: Pattern[];
  /** The theme's own `requires`: one of these in the sentence for any mention. */
  requires: ContextPattern[];
  phrases: Pattern[];
  /** Per phrase: complaint, praise or topic. */
  phraseKinds: PhraseKind[];
  /** Per phrase / per co-occurrence: the pattern names a negator itself. */
  phraseNegated: boolean[];
  /** Per phrase, per co-occurrence: its words as numbers (word-index.ts). */
  phraseIds: WordIds[];
  all: Pattern[];
  allIds: WordIds[];
  allNegated: boolean[];
  /** The theme's `exclude`: none of these in the sentence for any mention. */
  exclude: ContextPattern[];
}

interface Trigger {
  theme: number;
  kind: 'phrase' | 'all' | 'lemma';
  /** Index into the theme's phrases, all or single lemmas. */
  pattern: number;
  /** For phrases: the word the pattern is indexed by (its first, unless that one is common). */
  anchor: number;
  /** Numbers the trigger (for the once-per-word marks); for 'all', the same for every group of one pattern. */
  id: number;
}

/**
 * Words too common to index a phrase by: "not work", "be so long", "can not log in" are
 * looked up under their next word instead, so the ~40 patterns that open with a negator are
 * not all tried at every "not" of every sentence.
 */
const COMMON = new Set([
  ...NEGATORS,
  'be',
  'is',
  'are',
  'was',
  'were',
  'been',
  'have',
  'has',
  'had',
  'do',
  'does',
  'did',
  'can',
  'could',
  'will',
  'would',
  'the',
  'a',
  'an',
  'i',
  'my',
  'me',
  'we',
  'you',
  'it',
  'to',
  'of',
  'in',
  'on',
  'for',
  'and',
  'at',
  'with',
  'this',
  'that',
  'so',
  'very',
  'really',
  'still',
  'get',
  'got',
  'too',
]);

/** The slot a phrase is indexed by: its first with no common word among its alternatives. */
function anchorSlot(p: Pattern): number {
  for (let w = 0; w < p.length; w++) if (![...(p[w] as PatternWord)].some((alt) => COMMON.has(alt))) return w;
  return 0;
}

export interface ThemeMatcher {
  themes: CompiledTheme[];
  index: Map<string, Trigger[]>;
  fuzzy: FuzzyIndex | undefined;
  /** The pattern words, and per key the triggers it is indexed under (as `index`). */
  words: WordIndex<Trigger[]>;
  /**
   * Scratch state of the sentence being matched, reused from sentence to sentence (marks are
   * stamped, never cleared): the matcher is not reentrant, which a synchronous call is not.
   */
  scratch: { words: SentenceWords<Trigger[]>; tried: Int32Array; stamp: number };
  /** Per theme id, the ids it supersedes (taxonomy `supersedes`); only themes that supersede any. */
  supersedes: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface CompileOptions {
  /** Match misspelt words (tokens out of wink's lexicon) to the words of themes that allow it. */
  fuzzy?: boolean;
  /** Real words wink's lexicon lacks: never taken for misspellings. */
  knownWords?: ReadonlySet<string>;
}

function addTrigger(index: Map<string, Trigger[]>, words: Iterable<string>, trigger: Trigger): void {
  for (const w of words) {
    const list = index.get(w);
    if (!list) index.set(w, [trigger]);
    else if (!list.some((t) => t.theme === trigger.theme && t.kind === trigger.kind && t.pattern === trigger.pattern)) list.push(trigger);
  }
}

const PHRASE_CONFIDENCE = {
  phrase: [CONFIDENCE.phrase, CONFIDENCE.phraseWithGap],
  praise: [CONFIDENCE.phrase, CONFIDENCE.phraseWithGap],
  topic: [CONFIDENCE.topic, CONFIDENCE.topicWithGap],
} as const;

/** Builds the lemma index once, so a sentence only tests the themes whose keys it holds. */
export function compileTaxonomy(t: Taxonomy, options: CompileOptions = {}): ThemeMatcher {
  const index = new Map<string, Trigger[]>();
  const words = new WordIndex<Trigger[]>();
  const fuzzyWords: string[] = [];
  let triggers = 0;
  const contextOf = (c: PatternContext | undefined): CompiledContext | undefined =>
    c && c.requires.length + c.unless.length > 0
      ? { requires: compileContext(c.requires, t.contexts, words), unless: compileContext(c.unless, t.contexts, words) }
      : undefined;
  const themes = t.themes.map((th, i): CompiledTheme => {
    const phrases: Pattern[] = [];
    const phraseKinds: PhraseKind[] = [];
    const phraseContexts: (CompiledContext | undefined)[] = [];
    const addPhrases = (texts: readonly string[], kind: PhraseKind, contexts: readonly (PatternContext | undefined)[]): void => {
      texts.forEach((text, j) => {
        const context = contextOf(contexts[j]);
        for (const p of compilePatterns(text)) {
          phrases.push(p);
          phraseKinds.push(kind);
          phraseContexts.push(context);
        }
      });
    };
    addPhrases(th.phrases, 'phrase', th.contexts.phrases);
    addPhrases(th.praise, 'praise', th.contexts.praise);
    addPhrases(th.topics, 'topic', th.contexts.topics);
    const all = th.all.map((groups) => groups.map((g) => compilePattern(g.join('|'))[0] as ReadonlySet<string>));
    phrases.forEach((p, j) => {
      const anchor = anchorSlot(p);
      addTrigger(index, p[anchor] ?? [], { theme: i, kind: 'phrase', pattern: j, anchor, id: triggers++ });
    });
    all.forEach((p, j) => {
      const id = triggers++;
      for (const group of p) addTrigger(index, group, { theme: i, kind: 'all', pattern: j, anchor: 0, id });
    });
    const lemmaPatterns: Pattern[] = [];
    const lemmaContexts: (CompiledContext | undefined)[] = [];
    th.lemmas.forEach((lemma, j) => {
      const pattern = compilePattern(lemma);
      const context = contextOf(th.contexts.lemmas[j]);
      // A hyphenated lemma ("auto-renew") is tokenized into words: match it as a phrase.
      if (pattern.length > 1) {
        phrases.push(pattern);
        phraseKinds.push('topic');
        phraseContexts.push(context);
        addTrigger(index, pattern[0] ?? [], { theme: i, kind: 'phrase', pattern: phrases.length - 1, anchor: 0, id: triggers++ });
        return;
      }
      const word = pattern[0] ?? new Set<string>();
      addTrigger(index, word, { theme: i, kind: 'lemma', pattern: lemmaPatterns.length, anchor: 0, id: triggers++ });
      lemmaPatterns.push(pattern);
      lemmaContexts.push(context);
    });
    // Every word a pattern of the theme can match: misspelt, it still counts (with a penalty).
    if (th.fuzzy) {
      for (const p of phrases) for (const w of p) fuzzyWords.push(...w);
      for (const p of all) for (const g of p) fuzzyWords.push(...g);
      for (const p of lemmaPatterns) for (const w of p) fuzzyWords.push(...w);
    }
    return {
      id: th.id,
      phraseContexts,
      allContexts: th.contexts.all.map(contextOf),
      lemmaContexts,
      lemmaPatterns,
      requires: compileContext(th.requires, t.contexts, words),
      phrases,
      phraseKinds,
      phraseNegated: phrases.map(patternHasNegator),
      phraseIds: phrases.map((p) => words.pattern(p)),
      all,
      allIds: all.map((p) => words.pattern(p)),
      allNegated: all.map(patternHasNegator),
      exclude: compileContext(th.exclude, t.contexts, words),
    };
  });
  const fuzzy = options.fuzzy && fuzzyWords.length > 0 ? buildFuzzyIndex(fuzzyWords, options.knownWords) : undefined;
  for (const [key, triggers] of index) words.attach(key, triggers);
  // Ids absent from the composition match nothing: keeping them is harmless.
  const supersedes = new Map(t.themes.filter((th) => th.supersedes.length > 0).map((th) => [th.id, new Set(th.supersedes)] as const));
  return { themes, index, fuzzy, words, scratch: { words: new SentenceWords(words), tried: new Int32Array(triggers), stamp: 0 }, supersedes };
}

/**
 * Compiles context phrases: "@name" stands for the taxonomy's list of that name (lists may
 * name lists), "^phrase" must open the sentence. Built once, with the taxonomy.
 */
function compileContext(
  entries: readonly string[],
  named: Readonly<Record<string, readonly string[]>>,
  words: WordIndex<Trigger[]>,
  seen = new Set<string>(),
): ContextPattern[] {
  const out: ContextPattern[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry.startsWith('@')) {
      const name = entry.slice(1);
      if (seen.has(name)) continue;
      out.push(...compileContext(named[name] ?? [], named, words, new Set([...seen, name])));
      continue;
    }
    const anchored = entry.startsWith('^');
    for (const p of compilePatterns(anchored ? entry.slice(1) : entry)) {
      out.push(p.some((w) => w.pos !== undefined) ? { ids: words.pattern(p), anchored, pos: p } : { ids: words.pattern(p), anchored });
    }
  }
  return out;
}

/** Whether one of the context phrases is in the sentence (with the parts of speech it names). */
function holdsAny(sw: SentenceWords<Trigger[]>, s: PreparedSentence, list: readonly ContextPattern[]): boolean {
  for (const c of list) {
    if (!sw.hasAll(c.ids)) continue;
    if (c.pos === undefined) {
      if ((c.anchored ? sw.matchAt(c.ids, 0, MAX_GAP) : sw.find(c.ids, MAX_GAP)) !== undefined) return true;
      continue;
    }
    const last = c.anchored ? 0 : sw.length - 1;
    for (let at = 0; at <= last; at++) {
      const hit = sw.matchAt(c.ids, at, MAX_GAP);
      if (hit && posHolds(s, c.pos, hit)) return true;
    }
  }
  return false;
}

/** Whether a pattern's context holds in the sentence (undefined: no context, it always does). */
function contextHolds(sw: SentenceWords<Trigger[]>, s: PreparedSentence, c: CompiledContext | undefined): boolean {
  if (!c) return true;
  if (c.requires.length > 0 && !holdsAny(sw, s, c.requires)) return false;
  return !holdsAny(sw, s, c.unless);
}

/** Whether every slot that names a part of speech has a token of it at its matched position. */
function posHolds(s: PreparedSentence, pattern: Pattern, hit: readonly number[]): boolean {
  for (let w = 0; w < pattern.length; w++) {
    const tag = (pattern[w] as PatternWord).pos;
    if (tag === undefined) continue;
    const at = hit[w] as number;
    if (!posMatches(s.tokens[at]!, tag, at)) return false;
  }
  return true;
}

interface Candidate {
  confidence: number;
  kind: MatchKind;
  positions: number[];
  /** The pattern names a negator itself ("never arrived"), so a negated scope is expected. */
  selfNegated: boolean;
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  const startA = a.positions[0] ?? 0;
  const startB = b.positions[0] ?? 0;
  if (startA !== startB) return startA < startB;
  // Same start: the tighter evidence, whichever pattern was tried first.
  return (a.positions[a.positions.length - 1] ?? 0) < (b.positions[b.positions.length - 1] ?? 0);
}

/**
 * One token per group, each group's first not yet used (and of the part of speech the group
 * names, if it names one), in group order; the positions sorted.
 */
function matchAll(sw: SentenceWords<Trigger[]>, groups: WordIds, pattern: Pattern, s: PreparedSentence): number[] | undefined {
  const used: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const tag = (pattern[g] as PatternWord).pos;
    let found = -1;
    for (let i = 0; i < sw.length && found < 0; i++) {
      if (!used.includes(i) && sw.matches(i, group) && (tag === undefined || posMatches(s.tokens[i]!, tag, i))) found = i;
    }
    if (found < 0) return undefined;
    used.push(found);
  }
  return used.sort((a, b) => a - b);
}

/** A fresh stamp for the once-per-word and once-per-sentence marks on triggers. */
function nextStamp(m: ThemeMatcher): number {
  const scratch = m.scratch;
  if (++scratch.stamp === 0x7fffffff) {
    scratch.tried.fill(0);
    scratch.stamp = 1;
  }
  return scratch.stamp;
}

function sentenceCandidates(m: ThemeMatcher, s: PreparedSentence, sw: SentenceWords<Trigger[]>, fuzzyAt: ReadonlySet<number>): Map<number, Candidate> {
  const best = new Map<number, Candidate>();
  const tried = m.scratch.tried;
  // A co-occurrence pattern is tried once per sentence, whichever of its words comes first.
  const sentenceStamp = nextStamp(m);
  const offer = (theme: number, c: Candidate): void => {
    if (fuzzyAt.size > 0 && c.positions.some((p) => fuzzyAt.has(p))) c.confidence -= CONFIDENCE.fuzzyPenalty;
    if (better(c, best.get(theme))) best.set(theme, c);
  };
  for (let i = 0; i < s.keys.length; i++) {
    // "n't" is looked up as "not" and as written: one pattern is tried once per word.
    const wordStamp = (s.keys[i] as string[]).length > 1 ? nextStamp(m) : 0;
    // The triggers of the word's keys, in key order (sw read them when it read the sentence).
    for (let k = sw.payloadStarts[i]!; k < sw.payloadStarts[i + 1]!; k++) {
      for (const tr of sw.payloads[k]!) {
        if (tr.kind === 'all') {
          if (tried[tr.id] === sentenceStamp) continue;
          tried[tr.id] = sentenceStamp;
        } else if (wordStamp !== 0) {
          if (tried[tr.id] === wordStamp) continue;
          tried[tr.id] = wordStamp;
        }
        const theme = m.themes[tr.theme] as CompiledTheme;
        if (tr.kind === 'lemma') {
          if (!posHolds(s, theme.lemmaPatterns[tr.pattern] as Pattern, [i]) || !contextHolds(sw, s, theme.lemmaContexts[tr.pattern])) continue;
          offer(tr.theme, { confidence: CONFIDENCE.lemma, kind: 'lemma', positions: [i], selfNegated: false });
        } else if (tr.kind === 'phrase') {
          const pattern = theme.phraseIds[tr.pattern] as WordIds;
          // A pattern with a word the sentence lacks cannot match: one integer test per word.
          if (!sw.hasAll(pattern)) continue;
          const kind = theme.phraseKinds[tr.pattern] ?? 'phrase';
          // Indexed by a later word: every start its first word may have is tried.
          const first = tr.anchor === 0 ? i : Math.max(0, i - tr.anchor * (MAX_GAP + 1));
          const last = tr.anchor === 0 ? i : i - tr.anchor;
          // The context depends on the sentence only: read once, at the first start that matches.
          let context: boolean | undefined;
          for (let start = first; start <= last; start++) {
            const hit = sw.matchAt(pattern, start, MAX_GAP);
            if (!hit || !posHolds(s, theme.phrases[tr.pattern] as Pattern, hit)) continue;
            context ??= contextHolds(sw, s, theme.phraseContexts[tr.pattern]);
            if (!context) break;
            const contiguous = (hit[hit.length - 1] as number) - (hit[0] as number) === hit.length - 1;
            const confidence = PHRASE_CONFIDENCE[kind][contiguous ? 0 : 1];
            offer(tr.theme, { confidence, kind, positions: hit, selfNegated: theme.phraseNegated[tr.pattern] === true });
          }
        } else {
          const groups = theme.allIds[tr.pattern] as WordIds;
          if (!sw.hasAll(groups)) continue;
          const hit = matchAll(sw, groups, theme.all[tr.pattern] as Pattern, s);
          if (!hit || !contextHolds(sw, s, theme.allContexts[tr.pattern])) continue;
          const near = (hit[hit.length - 1] as number) - (hit[0] as number) <= ALL_NEAR;
          offer(tr.theme, {
            confidence: near ? CONFIDENCE.all : CONFIDENCE.allSpread,
            kind: 'all',
            positions: hit,
            selfNegated: theme.allNegated[tr.pattern] === true,
          });
        }
      }
    }
  }
  return best;
}

const NO_FUZZY: ReadonlySet<number> = new Set();

/**
 * The shared prepared sentence, or a copy with the keywords misspelt words stand for. Most
 * sentences hold no unknown word: they are returned as they are, without a copy.
 */
function withFuzzyKeys(m: ThemeMatcher, shared: PreparedSentence): { s: PreparedSentence; fuzzyAt: ReadonlySet<number> } {
  if (!m.fuzzy) return { s: shared, fuzzyAt: NO_FUZZY };
  let s: PreparedSentence | undefined;
  let fuzzyAt: Set<number> | undefined;
  for (let i = 0; i < shared.keys.length; i++) {
    const token = shared.tokens[i];
    // Names are not misspellings ("Tracy" is no "tracking").
    if (token?.type !== 'word' || token.known || token.pos === 'PROPN') continue;
    const keys = shared.keys[i] as string[];
    if (keys.some((k) => m.index.has(k))) continue;
    const k = fuzzyKeyword(m.fuzzy, token.normal);
    if (!k) continue;
    s ??= { tokens: shared.tokens, keys: shared.keys.slice() };
    fuzzyAt ??= new Set();
    s.keys[i] = [...keys, k];
    fuzzyAt.add(i);
  }
  return { s: s ?? shared, fuzzyAt: fuzzyAt ?? NO_FUZZY };
}

function toMatch(doc: Doc, sentence: number, s: PreparedSentence, themeId: string, c: Candidate): ThemeMatch {
  const first = c.positions[0] as number;
  const negatedAt = c.positions.find((p) => s.tokens[p]?.negated === true);
  let from = first;
  // The quote of a negated mention must carry its negator ("wasn't helpful", not "helpful").
  const last = c.positions[c.positions.length - 1] as number;
  const holdsNegator = s.keys.slice(first, last + 1).some((keys) => keys.some((k) => NEGATORS.has(k)));
  if (negatedAt !== undefined && !holdsNegator) {
    for (let j = negatedAt - 1; j >= 0 && j >= negatedAt - NEGATOR_LOOKBACK; j--) {
      if ((s.keys[j] as string[]).some((k) => NEGATORS.has(k))) {
        from = Math.min(first, j);
        break;
      }
    }
  }
  const start = s.tokens[from]?.start ?? 0;
  const end = Math.max(...c.positions.map((p) => s.tokens[p]?.end ?? start));
  const confidence = Math.round(c.confidence * 100) / 100;
  return { themeId, sentence, start, end, text: doc.text.slice(start, end), confidence, kind: c.kind, negated: negatedAt !== undefined && !c.selfNegated };
}

/** Themes of one sentence: at most one match per theme (the strongest), vetoed by `exclude`. */
function matchSentence(m: ThemeMatcher, doc: Doc, sentence: Sentence, sentenceIndex: number): ThemeMatch[] {
  const { s, fuzzyAt } = withFuzzyKeys(m, preparedSentence(sentence));
  const sw = m.scratch.words.read(m.words, s);
  let out: ThemeMatch[] = [];
  for (const [theme, c] of sentenceCandidates(m, s, sw, fuzzyAt)) {
    const th = m.themes[theme] as CompiledTheme;
    if (holdsAny(sw, s, th.exclude)) continue;
    if (th.requires.length > 0 && !holdsAny(sw, s, th.requires)) continue;
    out.push(toMatch(doc, sentenceIndex, s, th.id, c));
  }
  // A theme another match of the sentence supersedes is the same complaint read twice.
  if (out.length > 1 && m.supersedes.size > 0) out = out.filter((a) => !out.some((b) => b !== a && m.supersedes.get(b.themeId)?.has(a.themeId)));
  return out.sort((a, b) => a.start - b.start || b.confidence - a.confidence || (a.themeId < b.themeId ? -1 : 1));
}

/** Per-sentence, multi-label theme matches of a document, in text order. */
export function matchThemes(m: ThemeMatcher, doc: Doc): ThemeMatch[] {
  const out: ThemeMatch[] = [];
  doc.sentences.forEach((sentence, i) => {
    for (const match of matchSentence(m, doc, sentence, i)) out.push(match);
  });
  return out;
}
