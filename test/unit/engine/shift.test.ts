/** Shift files: compiled against the pack's scenarios, with arrivals sorted and durations in game ms. */
import { describe, expect, it } from 'vitest';
import { compileShift } from '../../../src/core/scenario/compileShift';
import { loadStarterPack } from '../../support/starterPack';

const { scenarios } = loadStarterPack();

describe('compileShift', () => {
  it('compiles arrivals in time order with defaults', () => {
    const text = `id: morning\ntitle: { en: Morning, es: Mañana }\nlength: 1h\ncontacts:\n  - scenario: locked-out-before-payroll\n    at: 10m\n  - scenario: charged-twice-in-public\n`;
    const result = compileShift(text, { file: 'morning.shift.yaml', scenarios });
    expect(result.ok && result.value).toEqual({
      id: 'morning',
      title: { en: 'Morning', es: 'Mañana' },
      lengthMs: 3_600_000,
      speed: 30,
      jitterMs: 0,
      arrivals: [
        { scenario: 'charged-twice-in-public', atMs: 0 },
        { scenario: 'locked-out-before-payroll', atMs: 600_000 },
      ],
    });
  });

  it('reports a scenario the pack does not have, where it is named', () => {
    const text = `id: morning\ntitle: { en: Morning, es: Mañana }\ncontacts:\n  - scenario: no-such-case\n`;
    const result = compileShift(text, { file: 'morning.shift.yaml', scenarios });
    expect(result.problems.map((p) => `${p.code} ${p.line}:${p.col}`)).toEqual(['unknown-scenario 4:15']);
  });
});
