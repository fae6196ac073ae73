/** A pack's scoring rules: defaults, overrides, and located errors for rules that cannot work. */
import { describe, expect, it } from 'vitest';
import { compilePack, DEFAULT_SCORING } from '../../src/core/scenario/compilePack';

const pack = (scoring: string) =>
  compilePack(`id: p\nversion: 1\ntitle: { en: P, es: P }\nlanguages: [en, es]\n${scoring}`, 'pack.yaml');

describe('pack scoring rules', () => {
  it('uses the defaults when the pack states none', () => {
    const result = pack('');
    expect(result.ok && result.value.scoring).toEqual(DEFAULT_SCORING);
  });

  it('lays the weights a pack states over the defaults', () => {
    const result = pack('scoring:\n  weights: { empathy: 5, follow_up: 0 }\n');
    expect(result.ok && result.value.scoring.weights).toMatchObject({ empathy: 5, follow_up: 0, tier: 3 });
  });

  it('gives every compiled pack a content hash that changes with its text', () => {
    const a = pack('');
    const b = pack('scoring:\n  weights: { empathy: 5 }\n');
    expect(a.ok && a.value.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.ok && b.ok && a.value.contentHash !== b.value.contentHash).toBe(true);
  });

  it.each([
    [
      'grades that do not rise',
      'scoring:\n  grades: { expected: 70, desired: 60, exceptional: 85 }\n',
      /must rise/,
    ],
    [
      'every weight 0',
      `scoring:\n  weights: { ${['empathy', 'promises', 'tier', 'availability', 'attention', 'listening', 'problem_solving', 'responsiveness', 'professionalism', 'follow_up'].map((d) => `${d}: 0`).join(', ')} }\n`,
      /above 0/,
    ],
    ['an unknown dimension', 'scoring:\n  weights: { empathie: 2 }\n', /empathie/],
  ])('refuses %s, at its line', (_name, scoring, message) => {
    const result = pack(scoring);
    expect(result.ok).toBe(false);
    const problem = result.problems[0];
    expect(problem?.message).toMatch(message);
    expect(problem?.line).toBeGreaterThanOrEqual(5);
  });
});
