/**
 * The studio's play request as the game reads it: a good request comes back whole; every way storage
 * can hold something else (nothing, not JSON, another format or version, a damaged scenario, a start
 * at a beat or fact the draft lacks) is a problem with a code, never an exception. A draft replaces a
 * shipped scenario of its id, and a draft play is scored without touching the trainee's save or history.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core/scenario/types';
import { Attempt, type AttemptSettings } from '../../../src/game/attempt/Attempt';
import { AttemptStore, type KeyValueStorage } from '../../../src/game/attempt/attemptStore';
import { HistoryStore } from '../../../src/game/attempt/historyStore';
import {
  libraryWithDraft,
  MAX_STUDIO_PLAY_CHARS,
  parseStudioPlay,
  readStudioPlay,
  STUDIO_PLAY_KEY,
  studioPlayText,
  writeStudioPlay,
} from '../../../src/game/studioPlay';
import { MemoryAttemptDatabase } from '../../support/memoryAttemptDatabase';
import { loadStarterPack } from '../../support/starterPack';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const pack = loadStarterPack();
const shipped = pack.scenarios.find((s) => s.id === 'locked-out-before-payroll');
if (!shipped) throw new Error('the shipped scenario is missing');
const draft: Scenario = { ...shipped, title: { en: 'Draft: locked out', es: 'Borrador: sin acceso' } };
const request = (changes: Record<string, unknown> = {}) =>
  JSON.stringify({ ...JSON.parse(studioPlayText(draft, 'en')), ...changes });
const codeOf = (raw: string | null) => {
  const read = parseStudioPlay(raw);
  return read.ok ? 'ok' : read.problems[0]?.code;
};

describe('a studio play request', () => {
  it('reads back what the studio wrote, with its start', () => {
    const storage = new MemoryStorage();
    const from = { beat: shipped.beats[1]?.id ?? shipped.start, mood: -0.4, trust: 0.3, facts: [] };
    expect(writeStudioPlay(storage, draft, 'es', from).ok).toBe(true);
    const read = readStudioPlay(storage);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.scenario).toEqual(draft);
    expect(read.value.language).toBe('es');
    expect(read.value.from).toEqual(from);
    expect(storage.getItem(STUDIO_PLAY_KEY)).toContain('"format":"escalation-desk.studio-play"');
  });

  it.each([
    ['nothing stored', null, 'missing'],
    ['an empty string', '  ', 'missing'],
    ['text that is not JSON', '{"format": "escalation-desk.studio-play",', 'not-json'],
    [
      'another kind of file',
      JSON.stringify({ format: 'escalation-desk/attempt', version: 1 }),
      'not-a-request',
    ],
    ['a JSON array', '[]', 'not-a-request'],
    ['a newer version', request({ version: 2 }), 'other-version'],
    ['an unknown language', request({ language: 'fr' }), 'damaged'],
    ['an extra field', request({ extra: true }), 'damaged'],
    ['no from at all', JSON.stringify({ ...JSON.parse(request()), from: undefined }), 'damaged'],
    ['a mood out of range', request({ from: { beat: shipped.start, mood: 3 } }), 'damaged'],
    ['a scenario that is not one', request({ scenario: { id: 'x' } }), 'damaged-scenario'],
    ['a scenario without beats', request({ scenario: { ...draft, beats: [] } }), 'damaged-scenario'],
    [
      'a scenario whose start is no beat',
      request({ scenario: { ...draft, start: 'nowhere' } }),
      'damaged-scenario',
    ],
    ['a scenario without a persona', request({ scenario: { ...draft, persona: null } }), 'damaged-scenario'],
    [
      'a language the draft lacks',
      request({ scenario: { ...draft, languages: ['en'] }, language: 'es' }),
      'language',
    ],
    ['a start at an unknown beat', request({ from: { beat: 'nowhere' } }), 'unknown-beat'],
    [
      'a start knowing an unknown fact',
      request({ from: { beat: shipped.start, facts: ['ghost'] } }),
      'unknown-fact',
    ],
    ['too much text', 'x'.repeat(MAX_STUDIO_PLAY_CHARS + 1), 'too-large'],
  ])('refuses %s', (_name, raw, code) => {
    expect(codeOf(raw)).toBe(code);
  });

  it('says which version it was given', () => {
    const read = parseStudioPlay(request({ version: 7 }));
    expect(read.ok ? null : read.problems[0]).toEqual({ code: 'other-version', detail: '7' });
  });

  it('survives storage that throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      },
      removeItem: () => undefined,
    };
    expect(readStudioPlay(broken).ok).toBe(false);
    expect(readStudioPlay(null).ok).toBe(false);
    const written = writeStudioPlay(broken, draft, 'en');
    expect(written.ok ? null : written.problems[0]?.code).toBe('full');
  });
});

describe('a draft in the library', () => {
  it('replaces the shipped scenario of its id, once', () => {
    const library = libraryWithDraft(pack, draft);
    expect(library.scenarios.filter((s) => s.id === draft.id)).toEqual([draft]);
    expect(library.scenarios).toHaveLength(pack.scenarios.length);
    expect(pack.scenarios.find((s) => s.id === draft.id)?.title.en).not.toBe('Draft: locked out');
  });

  it('joins the library when its id is new', () => {
    const fresh = { ...draft, id: 'a-brand-new-draft' };
    expect(libraryWithDraft(pack, fresh).scenarios).toHaveLength(pack.scenarios.length + 1);
  });
});

describe('a draft play', () => {
  it('is scored without touching the trainee saved attempt or history', async () => {
    const storage = new MemoryStorage();
    const database = new MemoryAttemptDatabase();
    const traineeStore = new AttemptStore(storage);
    const history = new HistoryStore(Promise.resolve(database), traineeStore);
    const settings: AttemptSettings = {
      trainee: 'Ana Ruiz',
      traineeId: '3f1c2a9e-0000-4000-8000-000000000001',
      employeeId: null,
      language: 'en',
      mode: 'practice',
      playing: 'locked-out-before-payroll',
      replyMode: 'typed',
      coaching: false,
    };
    const now = () => new Date('2026-12-05T10:00:00.000Z');
    // The trainee's own attempt in progress.
    const library = { scenarios: pack.scenarios, shifts: pack.shifts, now };
    Attempt.start({ ...library, store: traineeStore, history }, settings, 3);
    const traineeSave = traineeStore.readCurrent();

    const studioStore = new AttemptStore(storage, 'escalation-desk:studio:');
    const drafted = libraryWithDraft(pack, draft);
    const world = {
      scenarios: drafted.scenarios,
      shifts: drafted.shifts,
      store: studioStore,
      history: null,
      now,
    };
    const play = Attempt.start(world, settings, 5);
    play.act({ type: 'lookup', contact: 'c1' });
    expect(studioStore.readCurrent().ok && studioStore.readCurrent()).toMatchObject({
      value: { playing: draft.id },
    });
    expect(traineeStore.readCurrent()).toEqual(traineeSave);

    const { scorecard, kept } = play.finish('draft-1');
    expect(scorecard.scenarios[0]?.id).toBe(draft.id);
    expect((await kept).ok).toBe(true);
    expect(database.records.size).toBe(0);
    expect(traineeStore.history()).toEqual([]);
    // The draft's save is forgotten, the trainee's is where it was.
    expect(studioStore.readCurrent()).toEqual({ ok: true, value: null, problems: [] });
    expect(traineeStore.readCurrent()).toEqual(traineeSave);
  });
});
