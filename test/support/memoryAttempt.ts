/**
 * An attempt's world kept in memory (no browser storage, no history database) on the shipped pack, and
 * a typed practice attempt's settings: what the desk's and the sound's unit tests play through.
 */
import type { Attempt, AttemptSettings, AttemptWorld } from '../../src/game/attempt/Attempt';
import { AttemptStore } from '../../src/game/attempt/attemptStore';
import { HistoryStore } from '../../src/game/attempt/historyStore';
import { loadStarterPack } from './starterPack';

/** A world on the shipped pack whose saves live in a map, with a fixed wall clock. */
export function memoryWorld(): AttemptWorld {
  const pack = loadStarterPack();
  const memory = new Map<string, string>();
  const store = new AttemptStore({
    getItem: (k) => memory.get(k) ?? null,
    setItem: (k, v) => void memory.set(k, v),
    removeItem: (k) => void memory.delete(k),
  });
  return {
    scenarios: pack.scenarios,
    shifts: pack.shifts,
    store,
    history: new HistoryStore(Promise.resolve(null), store),
    now: () => new Date('2026-12-05T10:00:00.000Z'),
  };
}

/** A typed practice attempt on `playing`, in English, without coaching. */
export function practiceSettings(playing: string): AttemptSettings {
  return {
    trainee: 'Ana Ruiz',
    traineeId: 'trainee-1',
    employeeId: null,
    language: 'en',
    mode: 'practice',
    playing,
    replyMode: 'typed',
    coaching: false,
  };
}

/** Hands the first contact to tier 2 with a note and ends it, as a trainee escalating the case does. */
export function escalateAndEnd(attempt: Attempt): void {
  attempt.tick(100);
  attempt.act({
    type: 'escalate',
    contact: 'c1',
    tier: 2,
    note: 'Needs the first-quarter invoices re-issued.',
  });
  attempt.act({ type: 'end', contact: 'c1' });
}
