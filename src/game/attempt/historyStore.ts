/**
 * Every finished attempt of this browser, kept in IndexedDB (through `idb`) so none has to be dropped,
 * with the old localStorage list (the newest 100) as the fallback where IndexedDB cannot be used: a
 * private window, storage blocked, or another tab holding an older version of the database open. The
 * localStorage list an earlier build kept is moved into IndexedDB once, and only removed after every
 * entry is written there. IndexedDB is asynchronous, so the menu shows first and fills in the history
 * when it arrives. What is read back is checked entry by entry (storage is untrusted).
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { succeed } from '../../core/result';
import type { Grade } from '../../core/runtime';
import type { AttemptStore, HistoryEntry, WriteResult } from './attemptStore';
import { HistoryEntrySchema, readStored } from './attemptStore';

/** The database's name and version; each version's upgrade step is in {@link UPGRADES}, never edited. */
export const HISTORY_DB = 'escalation-desk';
export const HISTORY_DB_VERSION = 1;

interface HistorySchema extends DBSchema {
  attempts: { key: string; value: unknown; indexes: { finishedAt: string } };
}

/**
 * The upgrade from each version to the next, in order: a database at version n runs steps n.. to reach
 * {@link HISTORY_DB_VERSION}. Append only.
 */
const UPGRADES: readonly ((db: IDBPDatabase<HistorySchema>) => void)[] = [
  // 0 → 1: one record per finished attempt, by id, findable by when it finished.
  (db) => db.createObjectStore('attempts', { keyPath: 'id' }).createIndex('finishedAt', 'finishedAt'),
];

/** The few operations the history needs from a database: IndexedDB in the game, a map in tests. */
export interface AttemptDatabase {
  /** Writes the entries in one transaction, replacing any with the same id; rejects if it fails. */
  put(entries: readonly HistoryEntry[]): Promise<void>;
  /** Every record stored, unchecked. */
  getAll(): Promise<unknown[]>;
}

/**
 * Opens the attempts database, creating or upgrading it; null when IndexedDB is missing, refused, or
 * blocked by another tab that keeps an older version open.
 */
export async function openAttemptDatabase(): Promise<AttemptDatabase | null> {
  if (!('indexedDB' in globalThis)) return null;
  try {
    let blocked: () => void = () => undefined;
    const wasBlocked = new Promise<null>((resolve) => {
      blocked = () => resolve(null);
    });
    const opening = openDB<HistorySchema>(HISTORY_DB, HISTORY_DB_VERSION, {
      upgrade(db, oldVersion) {
        for (const step of UPGRADES.slice(oldVersion)) step(db);
      },
      blocked,
      blocking() {
        // A newer build in another tab wants to upgrade: step aside rather than hold it up.
        void opening.then((db) => db.close());
      },
    });
    const db = await Promise.race([opening, wasBlocked]);
    if (!db) return null;
    return {
      async put(entries) {
        const tx = db.transaction('attempts', 'readwrite');
        await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
      },
      getAll: () => db.getAll('attempts'),
    };
  } catch {
    return null;
  }
}

/** Where finished attempts are kept: the database, or the localStorage list when it cannot be used. */
export type HistoryStorage = 'database' | 'fallback';

/** Finished attempts as the menu shows them. */
export interface HistoryView {
  /** Newest first. */
  readonly entries: readonly HistoryEntry[];
  readonly storage: HistoryStorage;
}

const newestFirst = (a: HistoryEntry, b: HistoryEntry) =>
  b.finishedAt.localeCompare(a.finishedAt) || b.id.localeCompare(a.id);

/** The finished attempts of this browser, in IndexedDB or, failing that, in localStorage. */
export class HistoryStore {
  private readonly database: Promise<AttemptDatabase | null>;

  /**
   * `database` is the opened database (or null when it cannot be used); `local` holds the current
   * attempt and the localStorage list, which is moved into the database the first time it opens.
   */
  constructor(
    database: Promise<AttemptDatabase | null>,
    private readonly local: AttemptStore,
  ) {
    this.database = database.then(
      (db) => (db ? this.moveLocalList(db) : null),
      () => null,
    );
  }

  /** Copies the localStorage list into the database; forgets it only once every entry is written. */
  private async moveLocalList(db: AttemptDatabase): Promise<AttemptDatabase> {
    const kept = this.local.history();
    if (kept.length === 0) return db;
    try {
      await db.put(kept);
      this.local.clearHistory();
    } catch {
      // The list stays where it is and is read alongside the database; the move is tried next time.
    }
    return db;
  }

  /** Where attempts are being kept. */
  async storage(): Promise<HistoryStorage> {
    return (await this.database) ? 'database' : 'fallback';
  }

  /** Keeps a finished attempt; falls back to the localStorage list when the database fails. */
  async add(entry: HistoryEntry): Promise<WriteResult> {
    const db = await this.database;
    if (db) {
      try {
        await db.put([entry]);
        return succeed(undefined);
      } catch {
        // Fall through: kept in the smaller list rather than not at all.
      }
    }
    return this.local.addToHistory(entry);
  }

  /**
   * Every finished attempt, newest first: the database's (records that do not read are skipped) and
   * any still in the localStorage list, once each.
   */
  async view(): Promise<HistoryView> {
    const db = await this.database;
    const local = this.local.history();
    if (!db) return { entries: local, storage: 'fallback' };
    let stored: unknown[] = [];
    try {
      stored = await db.getAll();
    } catch {
      return { entries: local, storage: 'fallback' };
    }
    const byId = new Map<string, HistoryEntry>();
    for (const record of stored) {
      const parsed = readStored(HistoryEntrySchema, record);
      if (parsed.success) byId.set(parsed.data.id, parsed.data);
    }
    for (const entry of local) if (!byId.has(entry.id)) byId.set(entry.id, entry);
    return { entries: [...byId.values()].sort(newestFirst), storage: 'database' };
  }
}

const GRADE_ORDER: readonly Grade[] = ['Unsatisfactory', 'Expected', 'Desired', 'Exceptional'];

/**
 * Each scenario's best practice grade for one trainee, for the scenario picker. Entries carry the
 * trainee's id; those kept before ids existed are matched by name, as they always were.
 */
export function bestGrades(
  entries: readonly HistoryEntry[],
  trainee: { readonly name: string; readonly id: string },
): Map<string, Grade> {
  const best = new Map<string, Grade>();
  for (const entry of entries) {
    const theirs =
      entry.traineeId === undefined ? entry.trainee === trainee.name : entry.traineeId === trainee.id;
    if (!theirs || entry.mode !== 'practice' || entry.grade === null) continue;
    const known = best.get(entry.playing);
    if (!known || GRADE_ORDER.indexOf(entry.grade) > GRADE_ORDER.indexOf(known))
      best.set(entry.playing, entry.grade);
  }
  return best;
}

/**
 * Every finished attempt as JSON Lines: one scorecard per line, oldest first, each exactly as kept but
 * on one line. An entry whose scorecard is not JSON (damaged storage) is left out and counted.
 */
export function attemptsJsonl(entries: readonly HistoryEntry[]): { text: string; skipped: number } {
  const lines: string[] = [];
  let skipped = 0;
  for (const entry of [...entries].sort(newestFirst).reverse()) {
    try {
      lines.push(JSON.stringify(JSON.parse(entry.scorecard)));
    } catch {
      skipped += 1;
    }
  }
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', skipped };
}

/** The file name of an export made on `date`: `escalation-desk-attempts-YYYY-MM-DD.jsonl`. */
export function attemptsFileName(date: Date): string {
  return `escalation-desk-attempts-${date.toISOString().slice(0, 10)}.jsonl`;
}
