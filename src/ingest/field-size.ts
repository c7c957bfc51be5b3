import { MAX_FIELD_BYTES } from './limits.js';

/**
 * The dotted path of the first string longer than the field limit, or undefined. Callers run
 * it only on records whose raw text is already over the limit, so the walk is rare.
 */
export function oversizedField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8') > MAX_FIELD_BYTES ? path || '(value)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = oversizedField(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const found = oversizedField(inner, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
