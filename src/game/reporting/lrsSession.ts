/**
 * What a session with a learning record store needs whoever launched it (cmi5, or xAPI on its own):
 * the attempt's save kept as a State API document so another computer resumes it, an outbox that says
 * when everything queued has arrived, and the outbox's state said as the game's report problems.
 */
import { fail, type Result, succeed } from '../../core/result';
import type { ReportProblem, ResumeData } from './reporting';
import { packSuspend, unpackSuspend } from './suspendData';
import { type OutboxState, openOutboxDatabase, XapiOutbox } from './xapiOutbox';
import { type LrsConnection, lrsHeaders } from './xapiSend';

/** The State API document the game keeps the attempt's save in. */
export const SAVE_STATE_ID = 'https://w3id.org/escalation-desk/xapi/state/save';

/** An error as plain words: its message, and the HTTP status when it carries one. */
export function errorWords(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { message, response } = error as { message?: unknown; response?: { status?: unknown } };
    const status = typeof response?.status === 'number' ? ` (HTTP ${response.status})` : '';
    if (typeof message === 'string') return `${message}${status}`;
  }
  return String(error);
}

/** Where the learner's save is kept for one activity and registration. */
export interface SaveDocument {
  readonly endpoint: string;
  readonly activityId: string;
  readonly agent: object;
  /** Omitted from the document's address when the launch gave none. */
  readonly registration: string | null;
}

/** The save kept in the store's State API: read once at launch, written with every save. */
export class KeptSave {
  private problem: ReportProblem | null = null;

  constructor(
    private readonly where: SaveDocument,
    private readonly connection: () => LrsConnection,
    private readonly fetcher: typeof fetch,
  ) {}

  private get url(): string {
    const query = new URLSearchParams({
      activityId: this.where.activityId,
      agent: JSON.stringify(this.where.agent),
      ...(this.where.registration ? { registration: this.where.registration } : {}),
      stateId: SAVE_STATE_ID,
    });
    return `${this.where.endpoint}activities/state?${query}`;
  }

  /**
   * The save kept for this learner, or null on a first entry (or a store that keeps no state); a
   * damaged one is a warning, and the attempt starts afresh.
   */
  async read(): Promise<Result<ResumeData | null, ReportProblem>> {
    try {
      const answer = await this.fetcher(this.url, { headers: lrsHeaders(this.connection()) });
      if (!answer.ok) return succeed(null);
      const kept = (await answer.json()) as { save?: unknown };
      if (typeof kept.save !== 'string') return succeed(null);
      const unpacked = unpackSuspend(kept.save);
      if (unpacked.ok) return succeed(unpacked.value);
      return succeed(null, [
        {
          code: 'resume-unreadable',
          lmsError: '0',
          message: `${unpacked.problems[0]?.message ?? 'The kept save cannot be read.'} The attempt starts again.`,
        },
      ]);
    } catch {
      return succeed(null);
    }
  }

  /**
   * Keeps `save` (null: forgets it, once the attempt is finished). Only the latest matters, so this
   * does not wait: a failure is said with the next save ({@link lastProblem}), which tries again.
   */
  write(save: string | null): void {
    void this.fetcher(this.url, {
      method: save === null ? 'DELETE' : 'PUT',
      headers: lrsHeaders(this.connection(), { 'Content-Type': 'application/json' }),
      ...(save === null ? {} : { body: JSON.stringify({ save: packSuspend(save, null) }) }),
      // A save sent as the page closes still goes, while it is small enough for the browser to carry.
      keepalive: save === null || save.length < 48_000,
    }).then(
      (answer) => {
        this.problem = answer.ok
          ? null
          : { code: 'set-failed', lmsError: String(answer.status), message: `HTTP ${answer.status}` };
      },
      (error) => {
        this.problem = { code: 'set-failed', lmsError: '0', message: errorWords(error) };
      },
    );
  }

  /** Why the last save was not kept; null when it was, or before any. */
  get lastProblem(): ReportProblem | null {
    return this.problem;
  }
}

/** An outbox that tells whoever waits once everything queued has been taken. */
export interface DeliveringOutbox {
  readonly outbox: XapiOutbox;
  /** Calls `listener` once nothing waits (at once when nothing does). */
  whenDelivered(listener: () => void): void;
}

/** Opens the browser's outbox with real time, and delivery listeners. */
export async function openDeliveringOutbox(
  now: () => number,
  wait: (ms: number) => Promise<void>,
): Promise<DeliveringOutbox> {
  const listeners: (() => void)[] = [];
  const done = (state: OutboxState) => state.waiting === 0 && state.refused.length === 0;
  const outbox = new XapiOutbox(await openOutboxDatabase(), {
    now,
    later: (run, ms) => void wait(ms).then(run),
    onChange: (state) => {
      if (done(state)) for (const listener of listeners.splice(0)) listener();
    },
  });
  // Back online: what waits goes now rather than after its pause.
  globalThis.addEventListener?.('online', () => void outbox.retryNow());
  return {
    outbox,
    whenDelivered(listener) {
      if (done(outbox.current)) listener();
      else listeners.push(listener);
    },
  };
}

/**
 * The outbox's state as the game reports it: delivered, waiting (`queued`: kept, and sent when the
 * store answers), or refused as malformed (`refused`: this game's fault, with the statement).
 */
export function deliveryOutcome(state: OutboxState): Result<void, ReportProblem> {
  const refused = state.refused[0];
  if (refused) {
    return fail([
      {
        code: 'refused',
        lmsError: String(refused.status),
        message: `The learning record store refused a statement as malformed, which is a fault in Escalation Desk: ${refused.message}. Statement: ${JSON.stringify(refused.statement).slice(0, 2000)}`,
      },
    ]);
  }
  if (state.waiting > 0) {
    return fail([
      {
        code: 'queued',
        lmsError: '0',
        message: `${state.waitingStatements} statements wait to be sent (${state.problem ?? 'no answer yet'}).`,
      },
    ]);
  }
  return succeed(undefined);
}
