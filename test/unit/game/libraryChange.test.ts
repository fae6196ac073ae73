/**
 * What a live edit of the library means for an attempt in play (the dev server's reload): a practice
 * restarts only when its own scenario is a new version or gone; a shift when any scenario it plays,
 * or the shift itself, changed. And the game only swaps in a library that has no errors.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, Shift } from '../../../src/core/scenario/types';
import { attemptLibraryChange } from '../../../src/game/attempt/libraryChange';
import { usableLibrary } from '../../../src/game/devReload';
import { loadStarterPack } from '../../support/starterPack';

const pack = loadStarterPack();
const PLAYING = 'locked-out-before-payroll';
const practice = { mode: 'practice', playing: PLAYING } as const;
const shift = pack.shifts[0] as Shift;
const inShift = shift.arrivals[0]?.scenario ?? '';
const notInShift = pack.scenarios.find((s) => !shift.arrivals.some((a) => a.scenario === s.id))?.id ?? '';

/** The library with scenario `id` edited (a new file hash), or removed. */
function edited(id: string, remove = false) {
  const scenarios = pack.scenarios.flatMap((s): Scenario[] =>
    s.id !== id
      ? [s]
      : remove
        ? []
        : [{ ...s, title: { ...s.title, en: 'Edited' }, contentHash: 'f'.repeat(64) }],
  );
  return { scenarios, shifts: pack.shifts };
}

describe('an edit of the library, for an attempt in play', () => {
  it('leaves a practice alone when its scenario is the same version', () => {
    expect(
      attemptLibraryChange(practice, pack, { scenarios: [...pack.scenarios], shifts: pack.shifts }),
    ).toBeNull();
    expect(attemptLibraryChange(practice, pack, edited('invoices-for-the-accountant'))).toBeNull();
  });

  it('restarts a practice whose scenario changed, naming it by its new title', () => {
    expect(attemptLibraryChange(practice, pack, edited(PLAYING))).toEqual({
      title: expect.objectContaining({ en: 'Edited' }),
      id: PLAYING,
    });
  });

  it('ends a practice whose scenario is gone, naming it by its old title', () => {
    expect(attemptLibraryChange(practice, pack, edited(PLAYING, true))?.title?.en).toBe(
      pack.scenarios.find((s) => s.id === PLAYING)?.title.en,
    );
  });

  it('restarts a shift when one of its scenarios or the shift itself changed, and only then', () => {
    const settings = { mode: 'shift', playing: shift.id } as const;
    expect(notInShift).not.toBe('');
    expect(attemptLibraryChange(settings, pack, edited(notInShift))).toBeNull();
    expect(attemptLibraryChange(settings, pack, edited(inShift))).toEqual({
      title: shift.title,
      id: shift.id,
    });
    const slower = { scenarios: pack.scenarios, shifts: [{ ...shift, speed: shift.speed + 1 }] };
    expect(attemptLibraryChange(settings, pack, slower)?.id).toBe(shift.id);
  });
});

describe('a library sent by the dev server', () => {
  it('is used only when it has no errors', () => {
    expect(usableLibrary(pack)).toBe(true);
    const error = {
      file: 'x.yaml',
      line: 1,
      column: 1,
      severity: 'error',
      code: 'unknown-beat',
      message: 'x',
    };
    expect(usableLibrary({ ...pack, problems: [error] } as unknown as typeof pack)).toBe(false);
    expect(
      usableLibrary({ ...pack, problems: [{ ...error, severity: 'warning' }] } as unknown as typeof pack),
    ).toBe(true);
    expect(usableLibrary(null)).toBe(false);
    expect(usableLibrary({ scenarios: [] } as unknown as typeof pack)).toBe(false);
  });
});
