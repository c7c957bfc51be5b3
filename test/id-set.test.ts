import { describe, expect, it } from 'vitest';
import { IdSet } from '../src/core/id-set.js';

describe('the id set that remembers every id of a run', () => {
  it('answers exactly whether an id was seen, through many resizes', () => {
    const ids = new IdSet();
    for (let i = 0; i < 50_000; i++) expect(ids.add(`sv-${i}`)).toBe(true);
    expect(ids.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(ids.has(`sv-${i}`)).toBe(true);
    expect(ids.has('sv-50000')).toBe(false);
    expect(ids.has('sv-1 ')).toBe(false);
    expect(ids.add('sv-123')).toBe(false);
    expect(ids.size).toBe(50_000);
  });

  it('tells apart ids that differ in length, case or beyond ASCII', () => {
    const ids = new IdSet();
    for (const id of ['a', 'A', 'aa', '', 'café', 'cafe', 'ü\u0000x', 'source\u0000row 12', '顧客-1', 'x'.repeat(1000)]) ids.add(id);
    expect(ids.has('a')).toBe(true);
    expect(ids.has('café')).toBe(true);
    expect(ids.has('')).toBe(true);
    expect(ids.has('source\u0000row 12')).toBe(true);
    expect(ids.has('aaa')).toBe(false);
    expect(ids.has('cafè')).toBe(false);
    expect(ids.has('顧客-1')).toBe(true);
    expect(ids.has('x'.repeat(1000))).toBe(true);
    expect(ids.has('x'.repeat(999))).toBe(false);
    expect(ids.size).toBe(10);
  });
});
