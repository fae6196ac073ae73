/** Canonical JSON: the same text for equal values whatever their key order, and valid JSON. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonicalJson';

/** The reference: JSON.stringify with every object's keys sorted. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, (v as Record<string, unknown>)[k]]),
    );
  });
}

describe('canonicalJson', () => {
  it('matches JSON.stringify with sorted keys, for any JSON value', () => {
    // Objects put integer-like keys first whatever the order, so the reference cannot sort those.
    const integerKeys = (v: unknown): boolean =>
      v !== null &&
      typeof v === 'object' &&
      (Object.keys(v).some((k) => /^\d+$/.test(k)) || Object.values(v).some(integerKeys));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        fc.pre(!integerKeys(value));
        expect(canonicalJson(value)).toBe(reference(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(reference(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { y: null, z: 0 }] }, b: 1 }),
    );
  });

  it('sorts every key as text, integer-like ones included', () => {
    expect(canonicalJson({ b: 1, '10': 2, '9': 3, '': 4 })).toBe('{"":4,"10":2,"9":3,"b":1}');
  });

  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });
});
