/** The studio's strings exist in Spanish for every English key, and every key the page asks for exists. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../src/studio/locales/en.json';
import es from '../../../src/studio/locales/es.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("the studio's locales", () => {
  it('Spanish has exactly the keys English has', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('has every key the page names', () => {
    const source = readFileSync('src/studio/studioPage.ts', 'utf8');
    const named = [...source.matchAll(/\bt\('([a-zA-Z.]+)'/g)].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(30);
    const known = new Set(keys(en).map((k) => k.replace(/_(one|other)$/, '')));
    expect(named.filter((k) => !known.has(k))).toEqual([]);
  });
});
