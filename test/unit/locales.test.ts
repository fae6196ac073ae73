/**
 * Every interface string exists in every shipped language, including a text for every scorecard key
 * and every reason the engine can refuse an intent for.
 */
import { describe, expect, it } from 'vitest';
import { REFUSAL_REASONS } from '../../src/core/engine/intents';
import { DIMENSIONS } from '../../src/core/scenario/schema';
import { EVIDENCE_KEYS, TIP_KEYS } from '../../src/core/scoring/rubric';
import en from '../../src/game/locales/en.json';
import es from '../../src/game/locales/es.json';
import managerEn from '../../src/manager/locales/en.json';
import managerEs from '../../src/manager/locales/es.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface locales', () => {
  it('Spanish has exactly the keys English has', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it("the manager's review has the same keys in Spanish as in English", () => {
    expect(keys(managerEs).sort()).toEqual(keys(managerEn).sort());
  });

  it.each([
    ['en', en],
    ['es', es],
  ])('%s says why for every refusal the engine can make', (_lang, locale) => {
    const refusals = (locale as unknown as { refusals: Record<string, string> }).refusals;
    for (const reason of REFUSAL_REASONS) expect(refusals[reason], reason).toBeTruthy();
  });
});

describe('scorecard texts', () => {
  const texts = (locale: typeof en, section: 'evidence' | 'tips') =>
    (locale as unknown as { scorecard: Record<string, Record<string, string>> }).scorecard[section] ?? {};

  it.each([
    ['en', en],
    ['es', es],
  ])('%s explains every piece of evidence and every tip the rubric can give', (_lang, locale) => {
    for (const key of EVIDENCE_KEYS) expect(texts(locale, 'evidence')[key], key).toBeTruthy();
    for (const key of TIP_KEYS) expect(texts(locale, 'tips')[key], key).toBeTruthy();
    for (const dimension of DIMENSIONS) {
      expect(
        (locale as unknown as { scorecard: { dimensions: Record<string, string> } }).scorecard.dimensions[
          dimension
        ],
      ).toBeTruthy();
    }
  });

  it('names only parameters the rubric gives', () => {
    const allowed = new Set([
      'words',
      'family',
      'due',
      'what',
      'needed',
      'chosen',
      'minutes',
      'fact',
      'ending',
      'kind',
      'amount',
      'tone',
    ]);
    for (const locale of [en, es]) {
      for (const section of ['evidence', 'tips'] as const) {
        for (const text of Object.values(texts(locale, section))) {
          for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) expect(allowed, text).toContain(name);
        }
      }
    }
  });
});
