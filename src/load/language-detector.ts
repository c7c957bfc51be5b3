import { createRequire } from 'node:module';
import type { NgramDetector } from '../core/language/detect.js';

let detector: NgramDetector | undefined;

/**
 * tinyld's n-gram detector, loaded on the first text that needs it: its tables are ~30 MB
 * of memory, and in an English feed the core's function-word check settles nearly every
 * text without it. One instance per process, shared by every analyzer.
 */
export function tinyldDetector(): NgramDetector {
  return (text) => {
    detector ??= (createRequire(import.meta.url)('tinyld') as { detectAll: NgramDetector }).detectAll;
    return detector(text);
  };
}
