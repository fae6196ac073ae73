/** The map's words: the same keys in English and Spanish, each interpolating the same values. */
import { describe, expect, it } from 'vitest';
import en from '../../../src/studio/locales/map.en.json';
import es from '../../../src/studio/locales/map.es.json';

const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('the map locale files', () => {
  it('have the same keys, every one flat under map.', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(key).toMatch(/^map\.[A-Za-z.]+$/);
  });

  it.each(Object.entries(en))('%s has a Spanish text with the same values', (key, english) => {
    const spanish = (es as Record<string, string>)[key] ?? '';
    expect(spanish.trim().length).toBeGreaterThan(0);
    expect(variables(spanish)).toEqual(variables(english));
  });
});
