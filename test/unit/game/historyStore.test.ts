/**
 * Finished attempts in IndexedDB (an in-memory stand-in here; the browser test uses the real one): the
 * localStorage list an earlier build kept moves in once without loss, a database that cannot be used
 * falls back to that list and says so, damaged records are skipped, and "Export my attempts" gives one
 * scorecard per line.
 */
import { describe, expect, it } from 'vitest';
import { parseScorecard } from '../../../src/core/scoring/readScorecard';
import {
  AttemptStore,
  type HistoryEntry,
  type KeyValueStorage,
} from '../../../src/game/attempt/attemptStore';
import {
  attemptsFileName,
  attemptsJsonl,
  bestGrades,
  HistoryStore,
} from '../../../src/game/attempt/historyStore';
import { MemoryAttemptDatabase } from '../../support/memoryAttemptDatabase';
import { playedScorecard } from '../../support/playedScorecard';

const FILE = 'scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml';
const card = playedScorecard(FILE);

function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const entry = (i: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: `a${i}`,
  trainee: 'Ana Ruiz',
  traineeId: card.trainee.id,
  mode: 'practice',
  playing: 'locked-out-before-payroll',
  scenarios: ['locked-out-before-payroll'],
  grade: 'Expected',
  overall: 60,
  finishedAt: `2026-11-${String(10 + i).padStart(2, '0')}T10:00:00.000Z`,
  scorecard: JSON.stringify({ ...card, attempt: { ...card.attempt, id: `a${i}` } }),
  ...extra,
});

/** A store whose localStorage list holds `count` entries, as an earlier build left it. */
function withLocalList(count: number) {
  const storage = memoryStorage();
  const local = new AttemptStore(storage);
  for (let i = 0; i < count; i += 1) local.addToHistory(entry(i));
  return { storage, local };
}

describe('the history of finished attempts', () => {
  it('moves the localStorage list into the database once, losing nothing, then forgets the list', async () => {
    const { storage, local } = withLocalList(12);
    const database = new MemoryAttemptDatabase();
    const history = new HistoryStore(Promise.resolve(database), local);
    const view = await history.view();
    expect(view.storage).toBe('database');
    expect(view.entries.map((e) => e.id)).toEqual(Array.from({ length: 12 }, (_, i) => `a${11 - i}`));
    expect(database.records.size).toBe(12);
    expect(storage.items.has('escalation-desk:history')).toBe(false);
    // Opened again (the next visit): nothing to move, nothing doubled.
    const again = await new HistoryStore(Promise.resolve(database), new AttemptStore(storage)).view();
    expect(again.entries).toHaveLength(12);
  });

  it('keeps every attempt, well past the 100 the localStorage list held', async () => {
    const history = new HistoryStore(Promise.resolve(new MemoryAttemptDatabase()), withLocalList(0).local);
    for (let i = 0; i < 130; i += 1)
      expect(
        (await history.add(entry(i, { finishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }))).ok,
      ).toBe(true);
    expect((await history.view()).entries).toHaveLength(130);
  });

  it('leaves the list in place when the move fails, and still shows it', async () => {
    const { storage, local } = withLocalList(3);
    const database = new MemoryAttemptDatabase();
    database.failWrites = true;
    const view = await new HistoryStore(Promise.resolve(database), local).view();
    expect(view.entries).toHaveLength(3);
    expect(storage.items.has('escalation-desk:history')).toBe(true);
  });

  it('falls back to the localStorage list, and says so, when IndexedDB cannot be used', async () => {
    for (const database of [Promise.resolve(null), Promise.reject(new Error('blocked'))]) {
      const { local } = withLocalList(2);
      const history = new HistoryStore(database, local);
      expect(await history.storage()).toBe('fallback');
      expect((await history.add(entry(5))).ok).toBe(true);
      const view = await history.view();
      expect(view.storage).toBe('fallback');
      expect(view.entries.map((e) => e.id)).toEqual(['a5', 'a1', 'a0']);
    }
  });

  it('keeps an attempt in the list when the database refuses the write', async () => {
    const { local } = withLocalList(0);
    const database = new MemoryAttemptDatabase();
    const history = new HistoryStore(Promise.resolve(database), local);
    database.failWrites = true;
    expect((await history.add(entry(1))).ok).toBe(true);
    expect(local.history().map((e) => e.id)).toEqual(['a1']);
  });

  it('skips records that do not read (storage is untrusted)', async () => {
    const database = new MemoryAttemptDatabase();
    database.records.set('x', { id: 'x', grade: 'Superb' });
    database.records.set('__proto__', { __proto__: { polluted: true } });
    await database.put([entry(1)]);
    const view = await new HistoryStore(Promise.resolve(database), withLocalList(0).local).view();
    expect(view.entries.map((e) => e.id)).toEqual(['a1']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('gives best grades by trainee id; entries from before ids match by name', () => {
    const entries = [
      entry(1, { grade: 'Exceptional', traineeId: 'other' }),
      entry(2, { grade: 'Desired' }),
      entry(3, { grade: 'Exceptional', traineeId: undefined }),
    ];
    const { traineeId: _drop, ...old } = entries[2] as HistoryEntry;
    entries[2] = old;
    expect(
      bestGrades(entries, { name: 'Ana Ruiz', id: card.trainee.id ?? '' }).get('locked-out-before-payroll'),
    ).toBe('Exceptional');
    expect(
      bestGrades(entries.slice(0, 2), { name: 'Ana Ruiz', id: card.trainee.id ?? '' }).get(
        'locked-out-before-payroll',
      ),
    ).toBe('Desired');
  });
});

describe('Export my attempts', () => {
  it('is one scorecard per line, oldest first, each reading back as the scorecard it was', () => {
    const { text, skipped } = attemptsJsonl([entry(2), entry(1), entry(3, { scorecard: '{"cut short' })]);
    expect(skipped).toBe(1);
    const lines = text.trimEnd().split('\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(2);
    const read = lines.map((line, i) => parseScorecard(line, `line ${i + 1}`));
    expect(read.map((r) => r.ok && r.value.current && r.value.scorecard.attempt.id)).toEqual(['a1', 'a2']);
    expect(
      read.every((r) => r.ok && r.value.current && r.value.scorecard.trainee.id === card.trainee.id),
    ).toBe(true);
  });

  it('is empty when nothing was finished, and named for the day', () => {
    expect(attemptsJsonl([])).toEqual({ text: '', skipped: 0 });
    expect(attemptsFileName(new Date('2026-12-05T23:30:00.000Z'))).toBe(
      'escalation-desk-attempts-2026-12-05.jsonl',
    );
  });
});
