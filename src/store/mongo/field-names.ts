/**
 * Record keys that come from user data (attribute names) may hold "." or start with "$",
 * which FerretDB refuses in field names ("key must not contain '.' sign") and MongoDB makes
 * awkward to query. They are stored with the full-width look-alikes and restored on read.
 */
const ENCODE: Array<[RegExp, string]> = [
  [/\./g, '\uff0e'],
  [/^\$/, '\uff04'],
];
const DECODE: Array<[RegExp, string]> = [
  [/\uff0e/g, '.'],
  [/^\uff04/, '$'],
];

const mapKeys = (record: Record<string, string>, rules: Array<[RegExp, string]>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) out[rules.reduce((k, [re, to]) => k.replace(re, to), key)] = value;
  return out;
};

export const encodeKeys = (record: Record<string, string>): Record<string, string> => mapKeys(record, ENCODE);
export const decodeKeys = (record: Record<string, string>): Record<string, string> => mapKeys(record, DECODE);
