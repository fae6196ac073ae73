/**
 * What the game reads back from localStorage before the menu shows (the trainee's settings, the
 * current attempt and the finished attempts) is checked as strictly as the rest of the product checks
 * it: storage is untrusted. These checks stay out of full zod to keep the menu's first chunk small, so
 * they are pinned here, value by value, and the trainee-id checks against the core's own schemas.
 */
import { describe, expect, it } from 'vitest';
import { EmployeeIdSchema, TraineeIdSchema } from '../../../src/core/trainee';
import {
  AttemptStore,
  type HistoryEntry,
  HistoryEntrySchema,
  type KeyValueStorage,
  readStored,
  type StoredAttempt,
  StoredEmployeeId,
  StoredTraineeId,
} from '../../../src/game/attempt/attemptStore';
import { defaultSettings, type Settings, SettingsStore } from '../../../src/game/settings';

const KEY = 'escalation-desk:settings';

function memoryStorage(
  entries: Record<string, string> = {},
): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(entries));
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const defaults = defaultSettings('en', false, 'fresh-id');
const kept: Settings = {
  ...defaults,
  trainee: 'Ana Ruiz',
  traineeId: 'kept-id',
  employeeId: 'E-42',
  language: 'es',
  volume: 0.3,
  muted: true,
  textSize: 'larger',
  reducedMotion: true,
  replyMode: 'choices',
  coaching: false,
  shortcuts: false,
};

/** The settings a store opened over `stored` (serialised as given) comes up with. */
const settingsFrom = (stored: unknown) =>
  new SettingsStore(memoryStorage({ [KEY]: JSON.stringify(stored) }), defaults).value;

describe('stored settings', () => {
  it('reads back every setting the trainee kept', () => {
    expect(settingsFrom(kept)).toEqual(kept);
  });

  it('fills in a setting an older build did not store', () => {
    const { shortcuts: _, ...older } = kept;
    expect(settingsFrom(older)).toEqual({ ...kept, shortcuts: true });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a volume above 1', { volume: 1.5 }],
    ['a negative volume', { volume: -0.1 }],
    ['a volume that is text', { volume: '0.5' }],
    ['an unknown language', { language: 'fr' }],
    ['an unknown text size', { textSize: 'huge' }],
    ['an unknown reply mode', { replyMode: 'voice' }],
    ['muted as text', { muted: 'true' }],
    ['coaching as a number', { coaching: 1 }],
    ['reduced motion as null', { reducedMotion: null }],
    ['shortcuts as text', { shortcuts: 'no' }],
    ['a name longer than 80 characters', { trainee: 'x'.repeat(81) }],
    ['an employee id with a control character', { employeeId: 'E\u000742' }],
    ['an employee id longer than 64 characters', { employeeId: 'E'.repeat(65) }],
    ['a key it does not know', { theme: 'dark' }],
  ])('gives the defaults for settings with %s, keeping the trainee id', (_name, damage) => {
    expect(settingsFrom({ ...kept, ...damage })).toEqual({ ...defaults, traineeId: 'kept-id' });
  });

  it('makes a new trainee id when the stored one does not read, and keeps it at once', () => {
    for (const traineeId of ['', '-starts-with-dash', 'has space', 'x'.repeat(101), 42]) {
      const storage = memoryStorage({ [KEY]: JSON.stringify({ ...kept, traineeId }) });
      const store = new SettingsStore(storage, defaults);
      expect(store.value.traineeId).toBe('fresh-id');
      expect(JSON.parse(storage.items.get(KEY) ?? '{}').traineeId).toBe('fresh-id');
    }
  });

  it('gives the defaults for a record that is not JSON or not an object', () => {
    for (const raw of ['{"trainee":', '[]', '7', 'null']) {
      const store = new SettingsStore(memoryStorage({ [KEY]: raw }), defaults);
      expect(store.value).toEqual(defaults);
    }
  });

  it('refuses a change that would not read back, and keeps the settings as they were', () => {
    const store = new SettingsStore(memoryStorage(), defaults);
    expect(store.update({ volume: 2 })).toBe(false);
    expect(store.update({ employeeId: 'E\u0000' })).toBe(false);
    expect(store.update({ language: 'de' as Settings['language'] })).toBe(false);
    expect(store.value).toEqual(defaults);
    expect(store.update({ volume: 0, employeeId: '' })).toBe(true);
    expect(store.value.volume).toBe(0);
  });
});

const attempt: StoredAttempt = {
  format: 'escalation-desk/attempt',
  version: 2,
  trainee: 'Ana Ruiz',
  traineeId: 'kept-id',
  employeeId: 'E-42',
  language: 'es-MX',
  mode: 'practice',
  playing: 'locked-out-before-payroll',
  replyMode: 'typed',
  coaching: true,
  savedAt: '2026-11-10T10:00:00.000Z',
  save: '{}',
};

/** What reading back `stored` as the current attempt gives. */
function readBack(stored: unknown) {
  const storage = memoryStorage({
    'escalation-desk:attempt:current': 'a',
    'escalation-desk:attempt:a': JSON.stringify(stored),
  });
  return new AttemptStore(storage).readCurrent();
}

describe('the stored attempt', () => {
  it('reads back a current save, an older one without ids, and one without an employee id', () => {
    expect(readBack(attempt)).toEqual({ ok: true, value: attempt, problems: [] });
    const { traineeId: _, employeeId: __, ...v1 } = attempt;
    expect(readBack({ ...v1, version: 1 })).toEqual({ ok: true, value: { ...v1, version: 1 }, problems: [] });
    expect(readBack({ ...attempt, employeeId: null }).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['another format', { format: 'someone-else/attempt' }, 'format'],
    ['version 0', { version: 0 }, 'version'],
    ['a version as text', { version: '2' }, 'version'],
    ['a trainee id that does not read', { traineeId: 'has space' }, 'traineeId'],
    ['an empty employee id', { employeeId: '' }, 'employeeId'],
    ['a language that is not a tag', { language: 'spanish' }, 'language'],
    ['an unknown mode', { mode: 'exam' }, 'mode'],
    ['nothing being played', { playing: '' }, 'playing'],
    ['a playing id longer than 80', { playing: 'p'.repeat(81) }, 'playing'],
    ['an unknown reply mode', { replyMode: 'voice' }, 'replyMode'],
    ['coaching as text', { coaching: 'yes' }, 'coaching'],
    ['a saved time longer than 40', { savedAt: 't'.repeat(41) }, 'savedAt'],
    ['a save that is not text', { save: {} }, 'save'],
    ['a trainee name longer than 200', { trainee: 'x'.repeat(201) }, 'trainee'],
  ])('says a save with %s is damaged, and where', (_name, damage, where) => {
    const read = readBack({ ...attempt, ...damage });
    expect(read.ok).toBe(false);
    expect(read.problems[0]).toMatchObject({ code: 'damaged', reason: where });
  });

  it('says a save with a key it does not know, or a missing one, is damaged', () => {
    expect(readBack({ ...attempt, extra: 1 }).problems[0]?.code).toBe('damaged');
    const { save: _, ...missing } = attempt;
    expect(readBack(missing).problems[0]).toMatchObject({ code: 'damaged', reason: 'save' });
    expect(readBack([attempt]).problems[0]).toMatchObject({ code: 'damaged', reason: 'shape' });
    expect(readBack(null).problems[0]).toMatchObject({ code: 'damaged', reason: 'shape' });
  });
});

const finished: HistoryEntry = {
  id: 'a1',
  trainee: 'Ana Ruiz',
  traineeId: 'kept-id',
  mode: 'shift',
  playing: 'monday',
  scenarios: ['one', 'two'],
  grade: 'Desired',
  overall: 72.5,
  finishedAt: '2026-11-10T10:00:00.000Z',
  scorecard: '{}',
};

describe('a finished attempt as kept', () => {
  it('reads back whole, with or without a trainee id, with or without a grade', () => {
    expect(readStored(HistoryEntrySchema, finished)).toMatchObject({ success: true, data: finished });
    const { traineeId: _, ...older } = finished;
    expect(readStored(HistoryEntrySchema, older).success).toBe(true);
    expect(readStored(HistoryEntrySchema, { ...finished, grade: null, overall: null }).success).toBe(true);
    expect(readStored(HistoryEntrySchema, { ...finished, overall: 0 }).success).toBe(true);
    expect(readStored(HistoryEntrySchema, { ...finished, overall: 100 }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown grade', { grade: 'Great' }],
    ['an overall above 100', { overall: 100.5 }],
    ['a negative overall', { overall: -1 }],
    ['an overall as text', { overall: '60' }],
    ['more than 200 scenarios', { scenarios: Array.from({ length: 201 }, () => 's') }],
    ['a scenario id longer than 80', { scenarios: ['s'.repeat(81)] }],
    ['scenarios that are not a list', { scenarios: 'one' }],
    ['an id longer than 100', { id: 'i'.repeat(101) }],
    ['an unknown mode', { mode: 'exam' }],
    ['a trainee id that does not read', { traineeId: '' }],
    ['a key it does not know', { note: 'hi' }],
  ])('is skipped with %s', (_name, damage) => {
    expect(readStored(HistoryEntrySchema, { ...finished, ...damage }).success).toBe(false);
  });

  it('skips a damaged entry in the localStorage list and keeps the rest', () => {
    const list = [finished, { ...finished, id: 'a2', overall: 400 }, { ...finished, id: 'a3' }];
    const store = new AttemptStore(memoryStorage({ 'escalation-desk:history': JSON.stringify(list) }));
    expect(store.history().map((e) => e.id)).toEqual(['a1', 'a3']);
  });
});

describe('the trainee ids storage is checked against', () => {
  const samples: unknown[] = [
    'a',
    'A9._:-',
    'x'.repeat(100),
    'x'.repeat(101),
    '',
    ' a',
    '-a',
    '.a',
    'a b',
    'a/b',
    'ñandu',
    '3f2c1e8a-1b2c-4d5e-8f90-123456789abc',
    'E-42',
    'E\u000742',
    'E\u007f',
    'E'.repeat(64),
    'E'.repeat(65),
    'Ana Ruiz (Bogotá) #7',
    '😀',
    42,
    null,
    undefined,
  ];

  it('accept and refuse exactly what the core’s schemas do', () => {
    for (const sample of samples) {
      expect(readStored(StoredTraineeId, sample).success, String(sample)).toBe(
        TraineeIdSchema.safeParse(sample).success,
      );
      expect(readStored(StoredEmployeeId, sample).success, String(sample)).toBe(
        EmployeeIdSchema.safeParse(sample).success,
      );
    }
  });
});
