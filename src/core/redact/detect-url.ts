import { eachMatch, type Detector } from './detector.js';
import type { PiiSpan } from './span.js';

// A trailing full stop or bracket belongs to the sentence, not the link.
const TRAILING = new Set('.,;:!?)]}\'"’”');
// A bare domain starts where a run of domain characters starts: tried from inside the run
// (as `\b` allowed, after each dot or dash), a long dotted run was rescanned from every label.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+|(?<![\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,24}\/[^\s<>"'`]*/gi;
// The user name cannot hold the ':' that ends it (else every ':' after it was a place to split).
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]+:[^/?#@\s]*@/i;
const PARAM_NAME = /[?&#;]([^=&#;?]{1,40})=/g;
const SECRET_PARAM = /token|auth|key|secret|passw|pwd|^pass$|session|^sid$|^sig|signature|^code$|otp|jwt|reset|nonce|credential|^hash$|^ticket$/i;
const SECRET_PATH =
  /\/(?:reset|password|passwd|recover|verify|verification|confirm|activate|activation|magic|invite|login|signin|unsubscribe|auth|session)[\w-]*\/[A-Za-z0-9._~-]{12,}/i;
// An opaque path segment long and mixed enough to be a token rather than a slug.
const TOKEN_SEGMENT = /\/(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{24,}(?=[/?#]|$)/;

function carriesSecret(url: string): boolean {
  if (USERINFO.test(url) || url.includes('@')) return true;
  if (SECRET_PATH.test(url) || TOKEN_SEGMENT.test(url)) return true;
  PARAM_NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARAM_NAME.exec(url)) !== null) {
    if (SECRET_PARAM.test(m[1]!)) return true;
  }
  return false;
}

function withoutTrailing(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING.has(url[end - 1]!)) end--;
  return url.slice(0, end);
}

/**
 * URLs carrying credentials, tokens, reset links or an email address become [URL].
 * Plain URLs stay but are still claimed, so their ids are not mistaken for phone numbers.
 */
export function createUrlDetector(): Detector {
  return {
    type: 'URL',
    applies: (h) => h.hasLink,
    find(text) {
      const out: PiiSpan[] = [];
      eachMatch(URL_RE, text, (m) => {
        const url = withoutTrailing(m[0]);
        if (url.length === 0) return;
        out.push({ start: m.index, end: m.index + url.length, type: carriesSecret(url) ? 'URL' : null });
      });
      return out;
    },
  };
}
