/**
 * The manager's imported team, kept in IndexedDB (through idb) so a reload keeps it: one record per
 * scorecard, keyed by the hash of its document, and the scenario versions the manager loaded from pack
 * folders, so scorecards made on them still verify after a reload, and the attempts read from a
 * learning record store without their scorecard, each kept as its completed statement. The schema is
 * versioned, and `upgradeTeamDb` is where a later version moves older databases on. "Clear" removes
 * everything. The store's endpoint is remembered by the page; its key and secret are never kept.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { scenarioVersionKey } from '../core/engine/released';
import type { Scenario } from '../core/scenario/types';
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

/**
 * An attempt known by its completed statement alone: kept apart from the scorecards, since its text
 * is a statement, read again on every load as strictly as when it arrived, and never re-checked.
 */
export interface StoredStatement {
  /** The hash of the statement as the store sent it. */
  readonly hash: string;
  readonly attemptId: string;
  /** Where it came from (the store's host and the statement's id). */
  readonly file: string;
  /** The statement's JSON text. */
  readonly text: string;
  readonly importedAt: string;
}

/** One scenario version a manager loaded, keyed by what a scorecard names it by (`scenarioVersionKey`). */
export interface StoredScenario {
  readonly key: string;
  readonly scenario: Scenario;
  /** The file or folder it was loaded from, as the manager picked it. */
  readonly loadedFrom: string;
  readonly loadedAt: string;
}

interface TeamDb extends DBSchema {
  attempts: { key: string; value: StoredAttempt; indexes: { attemptId: string } };
  scenarios: { key: string; value: StoredScenario };
  statements: { key: string; value: StoredStatement; indexes: { attemptId: string } };
}

const NAME = 'escalation-desk-manager';
/** Raised with every change to the stores; `upgradeTeamDb` moves older databases on. */
const VERSION = 3;

/**
 * Brings a database at `oldVersion` (0 when new) up to {@link VERSION}, one version at a time, so a
 * manager's team kept by an earlier page is kept: version 1 held the attempts; version 2 adds the
 * scenario versions loaded from pack folders; version 3 the attempts read from a learning record store
 * without their scorecard.
 */
export function upgradeTeamDb(database: IDBPDatabase<TeamDb>, oldVersion: number): void {
  if (oldVersion < 1) {
    const attempts = database.createObjectStore('attempts', { keyPath: 'hash' });
    attempts.createIndex('attemptId', 'attemptId');
  }
  if (oldVersion < 2) database.createObjectStore('scenarios', { keyPath: 'key' });
  if (oldVersion < 3) {
    const statements = database.createObjectStore('statements', { keyPath: 'hash' });
    statements.createIndex('attemptId', 'attemptId');
  }
}

/** The stored team and loaded scenario versions; every call is a transaction of its own. */
export class TeamStore {
  private constructor(private readonly db: IDBPDatabase<TeamDb>) {}

  /** Opens (and if needed creates or upgrades) the database; null where IndexedDB is unavailable. */
  static async open(): Promise<TeamStore | null> {
    try {
      const db = await openDB<TeamDb>(NAME, VERSION, {
        upgrade: (database, oldVersion) => upgradeTeamDb(database, oldVersion),
      });
      return new TeamStore(db);
    } catch {
      return null;
    }
  }

  all(): Promise<StoredAttempt[]> {
    return this.db.getAll('attempts');
  }

  /** Keeps imported scorecards; one already kept (same hash) is replaced. */
  add(records: readonly StoredAttempt[]): Promise<void> {
    return this.putAttempts(records);
  }

  /** Keeps what verifying kept scorecards again said (after more scenario versions were loaded). */
  update(records: readonly StoredAttempt[]): Promise<void> {
    return this.putAttempts(records);
  }

  /** The attempts kept as their completed statement alone. */
  statements(): Promise<StoredStatement[]> {
    return this.db.getAll('statements');
  }

  /**
   * Keeps attempts known by their statement alone, and forgets those that a scorecard has since
   * replaced (`replaced`, by hash), in one transaction: the team never holds both.
   */
  async keepStatements(records: readonly StoredStatement[], replaced: readonly string[] = []): Promise<void> {
    const tx = this.db.transaction('statements', 'readwrite');
    await Promise.all([
      ...replaced.map((hash) => tx.store.delete(hash)),
      ...records.map((r) => tx.store.put(r)),
      tx.done,
    ]);
  }

  /** The scenario versions loaded from pack folders, in no particular order. */
  async scenarios(): Promise<Scenario[]> {
    return (await this.db.getAll('scenarios')).map((record) => record.scenario);
  }

  /** Keeps scenario versions loaded from `loadedFrom`; one already kept is replaced. */
  async addScenarios(list: readonly Scenario[], loadedFrom: string): Promise<void> {
    const loadedAt = new Date().toISOString();
    const tx = this.db.transaction('scenarios', 'readwrite');
    await Promise.all([
      ...list.map((scenario) =>
        tx.store.put({ key: scenarioVersionKey(scenario), scenario, loadedFrom, loadedAt }),
      ),
      tx.done,
    ]);
  }

  /** Removes the team and the scenario versions loaded with it. */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['attempts', 'scenarios', 'statements'], 'readwrite');
    await Promise.all([
      tx.objectStore('attempts').clear(),
      tx.objectStore('scenarios').clear(),
      tx.objectStore('statements').clear(),
      tx.done,
    ]);
  }

  private async putAttempts(records: readonly StoredAttempt[]): Promise<void> {
    const tx = this.db.transaction('attempts', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  }
}
