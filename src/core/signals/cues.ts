import { z } from 'zod';
import { parseYamlDocument } from '../parse-yaml.js';
import { compilePatterns, patternHasNegator, type Pattern } from '../themes/pattern.js';

/**
 * Signal cues are data (models/signals.yaml): phrases in the taxonomy's pattern language
 * (lemma or surface words, "a|b", "not", "#num", "#ord", small gaps). A cue in `cues` fires
 * anywhere; a cue in `whenNegative` / `whenPositive` only in a sentence of that sentiment
 * ("again" is repeat contact when complaining, not in "would buy again").
 */
const CueList = z.array(z.string().trim().min(1, 'empty cue')).default([]);
const SignalSpec = z.object({
  cues: CueList,
  whenNegative: CueList,
  whenPositive: CueList,
  /** Fires on sentence sentiment alone at or beyond this score (delight at +0.8, say). */
  sentimentAtLeast: z.number().min(-1).max(1).optional(),
  sentimentAtMost: z.number().min(-1).max(1).optional(),
});
type SignalSpec = z.infer<typeof SignalSpec>;

const SIGNAL_IDS = ['churnIntent', 'repeatContact', 'transfer', 'longWait', 'anger', 'frustration', 'confusion', 'delight'] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

export const SignalCueSpec = z.object({
  churnIntent: SignalSpec,
  repeatContact: SignalSpec,
  transfer: SignalSpec,
  longWait: SignalSpec,
  emotions: z.object({ anger: SignalSpec, frustration: SignalSpec, confusion: SignalSpec, delight: SignalSpec }),
});
export type SignalCueSpec = z.infer<typeof SignalCueSpec>;

type CueMood = 'any' | 'negative' | 'positive';

export interface CompiledCue {
  signal: SignalId;
  pattern: Pattern;
  mood: CueMood;
  /** The cue names its own negation ("never order again"), so a negated scope is expected. */
  expectsNegation: boolean;
}

export interface SignalCues {
  /** Cues by every alternative of their first word. */
  index: Map<string, CompiledCue[]>;
  bySentiment: Array<{ signal: SignalId; atLeast?: number; atMost?: number }>;
}

export function compileSignalCues(spec: SignalCueSpec): SignalCues {
  const index = new Map<string, CompiledCue[]>();
  const bySentiment: SignalCues['bySentiment'] = [];
  const specs: Array<[SignalId, SignalSpec]> = [
    ['churnIntent', spec.churnIntent],
    ['repeatContact', spec.repeatContact],
    ['transfer', spec.transfer],
    ['longWait', spec.longWait],
    ['anger', spec.emotions.anger],
    ['frustration', spec.emotions.frustration],
    ['confusion', spec.emotions.confusion],
    ['delight', spec.emotions.delight],
  ];
  for (const [signal, s] of specs) {
    const add = (text: string, mood: CueMood): void => {
      for (const pattern of compilePatterns(text)) {
        const cue: CompiledCue = { signal, pattern, mood, expectsNegation: patternHasNegator(pattern) };
        for (const w of pattern[0] ?? []) index.set(w, [...(index.get(w) ?? []), cue]);
      }
    };
    for (const c of s.cues) add(c, 'any');
    for (const c of s.whenNegative) add(c, 'negative');
    for (const c of s.whenPositive) add(c, 'positive');
    if (s.sentimentAtLeast !== undefined || s.sentimentAtMost !== undefined) {
      bySentiment.push({ signal, atLeast: s.sentimentAtLeast, atMost: s.sentimentAtMost });
    }
  }
  return { index, bySentiment };
}

/** Validates signal cue YAML; the message names the path of every problem. */
export function parseSignalCues(yamlText: string): SignalCueSpec {
  return parseYamlDocument(yamlText, SignalCueSpec, 'signals');
}
