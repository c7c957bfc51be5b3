/**
 * Keys "a|b" made once per (a, b): the same few come back verbatim after verbatim, and a key
 * made afresh would be hashed and internalised again at every property lookup. Bounded (the
 * parts are the user's data: facet values, theme ids): forgotten at the bound, same keys either way.
 */
export function joinedKeys(limit: number): (a: string, b: string) => string {
  const memo = new Map<string, Map<string, string>>();
  let size = 0;
  return (a, b) => {
    let inner = memo.get(a);
    if (inner === undefined) {
      if (size >= limit) {
        memo.clear();
        size = 0;
      }
      inner = new Map();
      memo.set(a, inner);
    }
    let key = inner.get(b);
    if (key === undefined) {
      key = `${a}|${b}`;
      inner.set(b, key);
      size++;
    }
    return key;
  };
}
