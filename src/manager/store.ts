/**
 * The manager's imported team, kept in IndexedDB (through idb) so a reload keeps it. One record per
 * scorecard, keyed by the hash of its document; the schema is versioned, and `upgrade` is where a later
 * version moves older records on. "Clear" removes everything.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Trust } from './trust';

/** One stored scorecard: its document as imported, where it came from, and what verification said. */
export interface StoredAttempt {
  readonly hash: string;
  readonly attemptId: string;
  readonly file: string;
  /** The scorecard's JSON text, exactly as imported (read again, strictly, on every load). */
  readonly text: string;
  readonly trust: Trust;
  readonly fields: readonly string[];
  readonly importedAt: string;
}

interface ManagerDb extends DBSchema {
  attempts: { key: string; value: StoredAttempt; indexes: { attemptId: string } };
}

const NAME = 'escalation-desk-manager';
/** Raised with every change to the stores; `upgrade` moves older databases on. */
const VERSION = 1;

/** The stored team; every call is a transaction of its own. */
export class TeamStore {
  private constructor(private readonly db: IDBPDatabase<ManagerDb>) {}

  /** Opens (and if needed creates or upgrades) the database; null where IndexedDB is unavailable. */
  static async open(): Promise<TeamStore | null> {
    try {
      const db = await openDB<ManagerDb>(NAME, VERSION, {
        upgrade(database, oldVersion) {
          if (oldVersion < 1) {
            const attempts = database.createObjectStore('attempts', { keyPath: 'hash' });
            attempts.createIndex('attemptId', 'attemptId');
          }
        },
      });
      return new TeamStore(db);
    } catch {
      return null;
    }
  }

  all(): Promise<StoredAttempt[]> {
    return this.db.getAll('attempts');
  }

  async add(records: readonly StoredAttempt[]): Promise<void> {
    const tx = this.db.transaction('attempts', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  }

  clear(): Promise<void> {
    return this.db.clear('attempts');
  }
}
