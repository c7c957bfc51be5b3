import type { PiiType } from './pii-type.js';

/**
 * A stretch of the original text a detector claims. `type: null` claims without replacing:
 * a plain URL keeps its digits from being read as a phone or card number.
 */
export interface PiiSpan {
  start: number;
  end: number;
  type: PiiType | null;
}

/** Claimed spans, sorted by start; a later (lower-priority) detector cannot claim over them. */
export class ClaimedSpans {
  readonly spans: PiiSpan[] = [];

  overlaps(start: number, end: number): boolean {
    for (const s of this.spans) if (s.start < end && start < s.end) return true;
    return false;
  }

  claim(span: PiiSpan): boolean {
    if (span.end <= span.start || this.overlaps(span.start, span.end)) return false;
    let i = this.spans.length;
    while (i > 0 && this.spans[i - 1]!.start > span.start) i--;
    this.spans.splice(i, 0, span);
    return true;
  }
}
