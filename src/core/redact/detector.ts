import type { PiiType } from './pii-type.js';
import type { PiiSpan } from './span.js';

/** What one cheap pass over the text tells, so detectors that cannot match are skipped. */
export interface TextHints {
  hasDigit: boolean;
  hasAt: boolean;
  hasLink: boolean;
}

export interface Detector {
  readonly type: PiiType;
  applies(hints: TextHints): boolean;
  /** Candidate spans in text order; the redactor keeps those not claimed by an earlier detector. */
  find(text: string): PiiSpan[];
}

/** Runs a compiled global regex from the start without allocating a clone of it. */
export function eachMatch(re: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    onMatch(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}
