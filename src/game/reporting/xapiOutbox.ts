/**
 * The statements on their way to a learning record store. Every batch is written to IndexedDB before
 * it is sent and removed only once the store has taken it, so going offline, a store that is busy or
 * failing (5xx), or a reload on the way loses nothing. Batches go in the order they were made (cmi5
 * needs `initialized` first and `terminated` last), and one that must wait holds back those after it,
 * trying again after a growing pause. Each statement keeps the id it was made with, so a batch sent
 * twice (a reply lost after the store took it, or two tabs) is stored once.
 *
 * A batch the store refuses as malformed (400, 409, 413) is this game's fault: it is kept, marked, with
 * the store's words and the statement it named, and never sent again unchanged; the game says so.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { XapiAttachmentContent } from './xapi';
import { type LrsConnection, postStatements, type SendOutcome, type SentStatement } from './xapiSend';

/** One batch as the outbox keeps it. */
export interface OutboxBatch {
  /** The first statement's id: the batch's key. */
  readonly id: string;
  /** The order batches were queued in; sent lowest first. */
  readonly seq: number;
  readonly connection: LrsConnection;
  readonly statements: readonly SentStatement[];
  readonly attachments: readonly XapiAttachmentContent[];
  /** How many times sending was tried and had to wait. */
  readonly tries: number;
  /** Real time (ms) before which the batch is not tried again. */
  readonly notBefore: number;
  /** Why the last try did not go through; null before any. */
  readonly lastProblem: string | null;
  /** Set when the store refused the batch as malformed: it is kept, and never sent again. */
  readonly refused: Refusal | null;
}

/** The store's refusal of a batch: its status, its words, and the statement it named. */
export interface Refusal {
  readonly status: number;
  readonly message: string;
  readonly statement: SentStatement | null;
}

/** Where batches are kept: IndexedDB in the browser, memory in tests or where storage is refused. */
export interface OutboxDatabase {
  put(batch: OutboxBatch): Promise<void>;
  delete(id: string): Promise<void>;
  /** Every batch kept, unchecked. */
  getAll(): Promise<unknown[]>;
}

/** What the outbox holds now. */
export interface OutboxState {
  /** Batches not yet taken (refused ones not counted). */
  readonly waiting: number;
  /** Statements in those batches. */
  readonly waitingStatements: number;
  /** Why the first waiting batch is waiting; null when none is. */
  readonly problem: string | null;
  /** Batches the store refused as malformed. */
  readonly refused: readonly Refusal[];
}

/** How the outbox is run. */
export interface OutboxOptions {
  readonly send?: (
    connection: LrsConnection,
    statements: readonly SentStatement[],
    attachments: readonly XapiAttachmentContent[],
  ) => Promise<SendOutcome>;
  /** Real time in ms. */
  readonly now: () => number;
  /** Runs `run` after `ms`; the outbox uses it to try again. */
  readonly later: (run: () => void, ms: number) => void;
  /** The pauses before each next try, the last repeated. */
  readonly delaysMs?: readonly number[];
  /** Told after every change, to update what the game shows. */
  readonly onChange?: (state: OutboxState) => void;
}

/** Two seconds, then longer, up to five minutes between tries. */
export const OUTBOX_DELAYS_MS = [2_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000] as const;

function isBatch(value: unknown): value is OutboxBatch {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  const connection = b.connection as Record<string, unknown> | undefined;
  return (
    typeof b.id === 'string' &&
    typeof b.seq === 'number' &&
    typeof connection?.endpoint === 'string' &&
    (connection.auth === null || typeof connection.auth === 'string') &&
    Array.isArray(b.statements) &&
    b.statements.length > 0 &&
    Array.isArray(b.attachments) &&
    b.attachments.every(
      (a: { bytes?: unknown; attachment?: unknown }) => a?.bytes instanceof Uint8Array && !!a.attachment,
    ) &&
    typeof b.tries === 'number' &&
    typeof b.notBefore === 'number'
  );
}

/** The statements queued for learning record stores, sent in order, kept until taken. */
export class XapiOutbox {
  private readonly send: NonNullable<OutboxOptions['send']>;
  private readonly delays: readonly number[];
  private running: Promise<OutboxState> | null = null;
  private again = false;
  private timerAt: number | null = null;
  private state: OutboxState = { waiting: 0, waitingStatements: 0, problem: null, refused: [] };

  constructor(
    private readonly db: OutboxDatabase,
    private readonly options: OutboxOptions,
  ) {
    this.send = options.send ?? ((c, s, a) => postStatements(c, s, a));
    this.delays = options.delaysMs ?? OUTBOX_DELAYS_MS;
  }

  /** What the outbox held after its last run. */
  get current(): OutboxState {
    return this.state;
  }

  /**
   * Queues statements for `connection` and sends what is due. Resolves once the batch is kept (or the
   * keeping failed, when it is sent from memory alone) and one round of sending is over.
   */
  async add(
    connection: LrsConnection,
    statements: readonly SentStatement[],
    attachments: readonly XapiAttachmentContent[] = [],
  ): Promise<OutboxState> {
    const first = statements[0];
    if (!first) return this.state;
    const kept = await this.batches();
    const seq = kept.reduce((max, b) => Math.max(max, b.seq), 0) + 1;
    const batch: OutboxBatch = {
      id: first.id,
      seq,
      connection,
      statements,
      attachments,
      tries: 0,
      notBefore: 0,
      lastProblem: null,
      refused: null,
    };
    try {
      await this.db.put(batch);
    } catch {
      // Storage full or refused: the batch is sent from memory, and lost only if this page closes first.
      this.unkept.set(batch.id, batch);
    }
    return this.flush();
  }

  /**
   * A learning system that launches the game again gives new credentials (a cmi5 token is good for one
   * session): batches still waiting for the same endpoint take them, so they can go at last.
   */
  async renewAuth(connection: LrsConnection): Promise<void> {
    for (const batch of await this.batches()) {
      if (batch.connection.endpoint !== connection.endpoint || batch.refused) continue;
      await this.keep({ ...batch, connection, notBefore: 0 });
    }
  }

  /**
   * Tries every waiting batch at once, whatever its pause: for when the browser says it is back online,
   * so a learner does not wait out a five-minute pause after the connection returns.
   */
  async retryNow(): Promise<OutboxState> {
    for (const batch of await this.batches()) {
      if (!batch.refused && batch.notBefore > 0) await this.keep({ ...batch, notBefore: 0 });
    }
    return this.flush();
  }

  /** Sends every batch that is due, in order, stopping at the first that must wait. */
  flush(): Promise<OutboxState> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Batches kept in memory because storage would not take them. */
  private readonly unkept = new Map<string, OutboxBatch>();

  private async batches(): Promise<OutboxBatch[]> {
    let stored: unknown[] = [];
    try {
      stored = await this.db.getAll();
    } catch {
      stored = [];
    }
    const byId = new Map<string, OutboxBatch>();
    for (const b of stored) if (isBatch(b)) byId.set(b.id, b);
    for (const b of this.unkept.values()) byId.set(b.id, b);
    return [...byId.values()].sort((a, b) => a.seq - b.seq);
  }

  private async keep(batch: OutboxBatch): Promise<void> {
    if (this.unkept.has(batch.id)) {
      this.unkept.set(batch.id, batch);
      return;
    }
    try {
      await this.db.put(batch);
    } catch {
      this.unkept.set(batch.id, batch);
    }
  }

  private async drop(id: string): Promise<void> {
    this.unkept.delete(id);
    await this.db.delete(id).catch(() => undefined);
  }

  private async run(): Promise<OutboxState> {
    do {
      this.again = false;
      await this.round();
    } while (this.again);
    return this.state;
  }

  private async round(): Promise<void> {
    let problem: string | null = null;
    for (const batch of await this.batches()) {
      if (batch.refused) continue;
      const now = this.options.now();
      if (batch.notBefore > now) {
        problem = batch.lastProblem;
        this.wake(batch.notBefore - now);
        break;
      }
      const outcome = await this.send(batch.connection, batch.statements, batch.attachments);
      if (outcome.kind === 'sent') {
        await this.drop(batch.id);
        continue;
      }
      if (outcome.kind === 'refused') {
        const { status, message, statement } = outcome;
        await this.keep({ ...batch, refused: { status, message, statement }, lastProblem: message });
        continue;
      }
      const delay = this.delays[Math.min(batch.tries, this.delays.length - 1)] ?? 60_000;
      const said = outcome.status === null ? outcome.message : `HTTP ${outcome.status}: ${outcome.message}`;
      await this.keep({ ...batch, tries: batch.tries + 1, notBefore: now + delay, lastProblem: said });
      problem = said;
      this.wake(delay);
      break;
    }
    const left = await this.batches();
    const waiting = left.filter((b) => !b.refused);
    this.state = {
      waiting: waiting.length,
      waitingStatements: waiting.reduce((n, b) => n + b.statements.length, 0),
      problem: waiting.length > 0 ? (problem ?? waiting[0]?.lastProblem ?? null) : null,
      refused: left.flatMap((b) => (b.refused ? [b.refused] : [])),
    };
    this.options.onChange?.(this.state);
  }

  /** Asks to run again after `ms`, unless a run is already asked for sooner. */
  private wake(ms: number): void {
    const at = this.options.now() + ms;
    if (this.timerAt !== null && this.timerAt <= at) return;
    this.timerAt = at;
    this.options.later(() => {
      this.timerAt = null;
      void this.flush();
    }, ms);
  }
}

/** Batches in memory: for tests, and where IndexedDB is missing. */
export class MemoryOutboxDatabase implements OutboxDatabase {
  readonly batches = new Map<string, OutboxBatch>();
  failWrites = false;

  async put(batch: OutboxBatch): Promise<void> {
    if (this.failWrites) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.batches.set(batch.id, structuredClone(batch));
  }

  async delete(id: string): Promise<void> {
    this.batches.delete(id);
  }

  async getAll(): Promise<unknown[]> {
    return [...this.batches.values()].map((b) => structuredClone(b));
  }
}

interface OutboxSchema extends DBSchema {
  batches: { key: string; value: OutboxBatch };
}

/** The database's name and version; a later version moves this one's batches on. */
const OUTBOX_DB = 'escalation-desk-xapi-outbox';
const OUTBOX_DB_VERSION = 1;

/** Opens the outbox's IndexedDB; batches are kept in memory where it cannot be opened. */
export async function openOutboxDatabase(): Promise<OutboxDatabase> {
  if (!('indexedDB' in globalThis)) return new MemoryOutboxDatabase();
  try {
    const db: IDBPDatabase<OutboxSchema> = await openDB<OutboxSchema>(OUTBOX_DB, OUTBOX_DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('batches', { keyPath: 'id' });
      },
    });
    return {
      put: async (batch) => {
        await db.put('batches', batch);
      },
      delete: (id) => db.delete('batches', id),
      getAll: () => db.getAll('batches'),
    };
  } catch {
    return new MemoryOutboxDatabase();
  }
}
