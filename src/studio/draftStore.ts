/**
 * The studio's open files, kept in IndexedDB (through idb) so a reload keeps every unsaved edit: one
 * record per file with its text, the text last saved or opened (so the page can mark unsaved files),
 * and, in Chromium, the file's handle so "Save" still writes back after the reload.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** One open file as kept. */
export interface Draft {
  /** The name problems and the list show (with its folder when it came from a dropped folder). */
  readonly name: string;
  readonly text: string;
  /** The text as last opened or saved: `text !== savedText` means unsaved edits. */
  readonly savedText: string;
  /** Where "Save" writes, when the file came through the File System Access API. */
  readonly handle?: FileSystemFileHandle;
  /** The order files were opened in, kept across reloads. */
  readonly order: number;
}

interface StudioDb extends DBSchema {
  drafts: { key: string; value: Draft };
}

const NAME = 'escalation-desk-studio';
const VERSION = 1;

/** The kept drafts; every call is a transaction of its own. Null where IndexedDB is unavailable. */
export class DraftStore {
  private constructor(private readonly db: IDBPDatabase<StudioDb>) {}

  static async open(): Promise<DraftStore | null> {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const db = await openDB<StudioDb>(NAME, VERSION, {
        upgrade(database) {
          database.createObjectStore('drafts', { keyPath: 'name' });
        },
        blocking() {
          db.close();
        },
      });
      return new DraftStore(db);
    } catch {
      return null;
    }
  }

  /** Every kept draft, in the order they were opened. */
  async all(): Promise<Draft[]> {
    const drafts = await this.db.getAll('drafts');
    return drafts.sort((a, b) => a.order - b.order);
  }

  /**
   * Keeps a draft. A handle the browser will not store (not every browser can) is dropped rather than
   * losing the text.
   */
  async put(draft: Draft): Promise<void> {
    try {
      await this.db.put('drafts', draft);
    } catch {
      const { handle: _, ...text } = draft;
      await this.db.put('drafts', text);
    }
  }

  async remove(name: string): Promise<void> {
    await this.db.delete('drafts', name);
  }
}
