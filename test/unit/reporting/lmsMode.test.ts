/**
 * What the game takes from a learning system: the learner's name as a person reads it, the settings
 * it decides (an id only where an employee id can hold it, a language only where the game has it),
 * what a kept save plays, and when a save the learning system kept replaces this browser's.
 */
import { describe, expect, it } from 'vitest';
import { Attempt } from '../../../src/game/attempt/Attempt';
import {
  adoptResume,
  learnerName,
  learnerSettings,
  playingOfSave,
} from '../../../src/game/reporting/lmsMode';
import { defaultSettings } from '../../../src/game/settings';
import { memoryWorld, practiceSettings } from '../../support/memoryAttempt';

const learner = { id: null, name: null, language: null, captions: null };

describe('the learner from a learning system', () => {
  it('reads SCORM 1.2\'s "Family, Given" as a person says it, and leaves other names alone', () => {
    expect(learnerName({ ...learner, name: 'Castaño, Rubén' })).toBe('Rubén Castaño');
    expect(learnerName({ ...learner, name: 'Hannah Reyes' })).toBe('Hannah Reyes');
    expect(learnerName({ ...learner, name: 'Reyes, Hannah, Jr.' })).toBe('Reyes, Hannah, Jr.');
    expect(learnerName({ ...learner, name: ', ' })).toBe(',');
    expect(learnerName(learner)).toBe('');
    expect(learnerName({ ...learner, name: 'x'.repeat(300) })).toHaveLength(80);
  });

  it('takes the name, an id an employee id can hold, and a language the game speaks', () => {
    expect(learnerSettings({ id: 'emp-042', name: 'Ruiz, Ana', language: 'es-ES', captions: null })).toEqual({
      trainee: 'Ana Ruiz',
      employeeId: 'emp-042',
      language: 'es',
    });
    // Too long for an employee id, a control character, a language the game does not have: left as they were.
    expect(learnerSettings({ id: 'x'.repeat(65), name: null, language: 'fr', captions: null })).toEqual({});
    expect(learnerSettings({ id: 'a\u0007b', name: '', language: '', captions: null })).toEqual({});
  });
});

describe('a save the learning system kept', () => {
  it('says what it plays: a practice scenario or a shift', () => {
    const world = memoryWorld();
    const practice = Attempt.start(world, practiceSettings('app-closes-on-use-photo'), 7);
    const stored = world.store.readCurrent();
    if (!stored.ok || !stored.value) throw new Error('The attempt was not saved.');
    expect(playingOfSave(stored.value.save)).toEqual({
      mode: 'practice',
      playing: 'app-closes-on-use-photo',
    });
    expect(practice.isOver).toBe(false);
    const shift = Attempt.start(world, { ...practiceSettings('monday-morning'), mode: 'shift' }, 8);
    const shiftSave = world.store.readCurrent();
    if (!shiftSave.ok || !shiftSave.value) throw new Error('The shift was not saved.');
    expect(playingOfSave(shiftSave.value.save)).toEqual({ mode: 'shift', playing: 'monday-morning' });
    expect(shift.isOver).toBe(false);
    expect(playingOfSave('not json')).toBeNull();
    expect(playingOfSave('{"shift":{}}')).toBeNull();
  });

  it("is offered to resume on a computer that has none, and never replaces this browser's own", () => {
    const elsewhere = memoryWorld();
    Attempt.start(elsewhere, practiceSettings('app-closes-on-use-photo'), 11);
    const kept = elsewhere.store.readCurrent();
    if (!kept.ok || !kept.value) throw new Error('The attempt was not saved.');
    const settings = defaultSettings('en', false, 'trainee-9');

    const fresh = memoryWorld();
    expect(
      adoptResume({ save: kept.value.save, cutAt: null }, fresh.store, settings, '2026-12-06T09:00:00Z'),
    ).toBe(true);
    const adopted = fresh.store.readCurrent();
    expect(adopted.ok && adopted.value).toMatchObject({
      mode: 'practice',
      playing: 'app-closes-on-use-photo',
      traineeId: 'trainee-9',
      save: kept.value.save,
    });
    // It resumes as the attempt it was.
    const resumed = Attempt.resume(fresh);
    expect(resumed.ok && resumed.value?.attempt.session.options.seed).toBe(11);

    // This browser's own save of the same attempt is at least as far along: it stays.
    const same = memoryWorld();
    Attempt.start(same, practiceSettings('app-closes-on-use-photo'), 11);
    const before = same.store.readCurrent();
    expect(adoptResume({ save: kept.value.save, cutAt: null }, same.store, settings, 'later')).toBe(false);
    expect(same.store.readCurrent()).toEqual(before);

    // A save that does not say what it plays is not offered.
    expect(adoptResume({ save: '{"seed":3}', cutAt: null }, memoryWorld().store, settings, 'x')).toBe(false);
  });
});
