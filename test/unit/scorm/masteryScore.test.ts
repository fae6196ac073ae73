/**
 * The pack's mastery score: what a SCORM package tells the learning management system a trainee needs
 * to pass. It defaults to the Desired line, follows a pack that moves that line, and is checked like
 * every other pack field.
 */
import { describe, expect, it } from 'vitest';
import { compilePack, DEFAULT_PACK } from '../../../src/core/scenario/compilePack';

const pack = (extra: string) =>
  compilePack(`id: p\nversion: 1\ntitle: { en: P, es: P }\nlanguages: [en, es]\n${extra}`, 'pack.yaml');

describe('the pack’s mastery score', () => {
  it('is the lowest Desired score when the pack states none', () => {
    const result = pack('');
    expect(result.ok && result.value.masteryScore).toBe(70);
    expect(DEFAULT_PACK.masteryScore).toBe(DEFAULT_PACK.scoring.grades.desired);
  });

  it('follows a pack that moves the Desired line', () => {
    const result = pack('scoring:\n  grades: { expected: 40, desired: 60, exceptional: 80 }\n');
    expect(result.ok && result.value.masteryScore).toBe(60);
  });

  it('is the pack’s own mastery_score when it states one, whatever the grades', () => {
    const result = pack(
      'mastery_score: 80\nscoring:\n  grades: { expected: 40, desired: 60, exceptional: 80 }\n',
    );
    expect(result.ok && result.value.masteryScore).toBe(80);
    expect(pack('mastery_score: 0\n').ok).toBe(true);
  });

  it.each([
    ['above 100', 'mastery_score: 101\n', 'out-of-range', /at most 100/],
    ['below 0', 'mastery_score: -1\n', 'out-of-range', /at least 0/],
    ['not whole', 'mastery_score: 70.5\n', 'wrong-type', /whole number/],
    ['text', 'mastery_score: "80"\n', 'wrong-type', /must be a number/],
  ])('refuses a mastery_score %s, at its line', (_, extra, code, message) => {
    const result = pack(extra);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ code, file: 'pack.yaml', line: 5, col: 16 });
    expect(result.problems[0]?.message).toMatch(message);
  });
});
