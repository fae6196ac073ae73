/** An attempts database in memory, standing in for IndexedDB in unit tests; it can be made to fail. */
import type { HistoryEntry } from '../../src/game/attempt/attemptStore';
import type { AttemptDatabase } from '../../src/game/attempt/historyStore';

export class MemoryAttemptDatabase implements AttemptDatabase {
  readonly records = new Map<string, unknown>();
  failWrites = false;
  failReads = false;

  async put(entries: readonly HistoryEntry[]): Promise<void> {
    if (this.failWrites) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    // One transaction: all or nothing.
    for (const entry of entries) this.records.set(entry.id, structuredClone(entry));
  }

  async getAll(): Promise<unknown[]> {
    if (this.failReads) throw new Error('unreadable');
    return [...this.records.values()].map((r) => structuredClone(r));
  }
}
