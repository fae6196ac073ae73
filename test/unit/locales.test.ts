/** Every interface string exists in every shipped language. */
import { describe, expect, it } from 'vitest';
import en from '../../src/game/locales/en.json';
import es from '../../src/game/locales/es.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface locales', () => {
  it('Spanish has exactly the keys English has', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });
});
