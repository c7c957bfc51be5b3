import { eachMatch, type Detector } from './detector.js';
import type { PiiSpan } from './span.js';

// Street types that name nothing but a street.
const CLEAR_SUFFIX = 'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Dr|Parkway|Pkwy|Highway|Hwy|Ct|Pl|Sq|Terr?|Cres|Cir|Strasse|Straße';
// Street types that are also ordinary words ("2 Google Drive accounts"): they need an address cue.
const AMBIGUOUS_SUFFIX =
  'Drive|Way|Place|Court|Square|Close|Hill|Row|Circle|Trail|Gardens|Grove|Terrace|Walk|Green|Crescent|Mews|Parade|Plaza|Heights|Loop|Path|Park';

const NUMBER = String.raw`(?<![\w#$€£.,/:-])\d{1,5}[A-Za-z]?(?:-\d{1,5})?`;
const DIRECTION = String.raw`(?:(?:N|S|E|W|North|South|East|West)\.?\s+)?`;
const NAME_WORD = String.raw`(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|\d{1,3}(?:st|nd|rd|th)|St\.?|of|the)`;
// A full stop after "St" is taken only when the address goes on, so the sentence keeps its own.
const TAIL =
  String.raw`(?:\.?\s+(?:NE|NW|SE|SW|N|S|E|W)\b)?` +
  String.raw`(?:\.?,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg)\.?\s*#?\s*[A-Za-z0-9-]{1,6}\b|\.?,?\s+#\s?\d{1,5}[A-Za-z]?\b)?`;

const ADDRESS_RE = new RegExp(`${NUMBER}\\s+${DIRECTION}${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}\\s+(?:(${CLEAR_SUFFIX})|(${AMBIGUOUS_SUFFIX}))\\b${TAIL}`, 'g');
// Typed in lower case ("12 oak street"): only full street words, and only after an address cue.
const LOWER_ADDRESS_RE = new RegExp(
  `${NUMBER}\\s+${DIRECTION}(?:[a-z][a-z'’]+|\\d{1,3}(?:st|nd|rd|th))(?:\\s+[a-z][a-z'’]+){0,2}\\s+(?:street|avenue|road|boulevard|lane|st|ave|rd|blvd)\\b${TAIL}`,
  'gi',
);
// Bare "at" and "on" are left out: "opened at 2 Google Drive folders" is no address.
// Street type first, as in French, Spanish, Italian and Portuguese: "12 rue de la Paix".
const ROMANCE_ADDRESS_RE = new RegExp(
  `${NUMBER}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai|calle|avenida|carrer|rua)\\s+` +
    String.raw`(?:(?:de|du|des|la|le|l'|del|della|di|da|do|dos)\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}`,
  'g',
);
const ADDRESS_CUE = /\b(?:address(?:\s+(?:is|was))?|(?:live|living|lives|located|staying)\s+(?:at|on)|to|from|into)[\s:]*$/i;
// Storage and brand "drives" share the street type.
const NOT_A_STREET = /^\d+\s+(?:Google|One|Hard|Flash|Thumb|USB|Disk|Test|Network|Shared|Cloud|Team)\s+Drive/;
const CUE_WINDOW = 40;
const UNIT_OR_CITY_AFTER = /^,?\s+(?:[A-Z][a-z]+|Apt|Suite|Unit|Flat)/;

function hasCue(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - CUE_WINDOW), start);
  return ADDRESS_CUE.test(before);
}

/** Street addresses: house number, capitalised street name, street type, optional unit. */
export function createAddressDetector(): Detector {
  return {
    type: 'ADDRESS',
    applies: (h) => h.hasDigit,
    find(text) {
      const out: PiiSpan[] = [];
      eachMatch(ADDRESS_RE, text, (m) => {
        const end = m.index + m[0].length;
        if (NOT_A_STREET.test(m[0])) return;
        if (m[2] !== undefined && !hasCue(text, m.index) && !UNIT_OR_CITY_AFTER.test(text.slice(end, end + 12))) return;
        out.push({ start: m.index, end, type: 'ADDRESS' });
      });
      eachMatch(ROMANCE_ADDRESS_RE, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' }));
      eachMatch(LOWER_ADDRESS_RE, text, (m) => {
        if (hasCue(text, m.index)) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
      });
      return out;
    },
  };
}
