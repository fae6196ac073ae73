/**
 * The game as a cmi5 assignable unit. The learning system launches it with an address that names its
 * learning record store, a one-time token address, the learner and the registration; `@xapi/cmi5` does
 * the handshake (token, launch data, learner preferences) and makes the statements cmi5 defines
 * (`initialized`, `passed`/`failed`, `completed`, `terminated`) in the order and with the context the
 * profile requires. Every statement, the game's `answered` ones with their evidence included, goes
 * through the outbox (`xapiOutbox.ts`), so an offline period or a failing store loses nothing.
 *
 * The launch data's mastery score decides a pass; only where the learning system gives none does the
 * pack's `mastery_score` apply. The finished scorecard rides on `completed` as an attachment. The
 * attempt's save is kept in the store's State API, so the learner resumes on another computer.
 * Loaded only in a cmi5 package.
 */
import Cmi5 from '@xapi/cmi5';
import { fail, type Result, succeed } from '../../core/result';
import { CMI5_SAVE_STATE, type Cmi5LaunchParameters, cmi5Allowed, readCmi5Launch } from './cmi5Launch';
import type {
  FinishedAttempt,
  Learner,
  ReportingAdapter,
  ReportingSession,
  ReportProblem,
  ResumeData,
  SuspendOutcome,
} from './reporting';
import { packSuspend, unpackSuspend } from './suspendData';
import { attemptStatements, type XapiStatement } from './xapi';
import { type OutboxState, openOutboxDatabase, XapiOutbox } from './xapiOutbox';
import { type LrsConnection, lrsHeaders } from './xapiSend';

function said(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { message, response } = error as { message?: unknown; response?: { status?: unknown } };
    const status = typeof response?.status === 'number' ? ` (HTTP ${response.status})` : '';
    if (typeof message === 'string') return `${message}${status}`;
  }
  return String(error);
}

/** A statement as `@xapi/cmi5` makes it. */
type LibraryStatement = Parameters<Cmi5['sendXapiStatement']>[0];

/**
 * `@xapi/cmi5` with its sending handed to the outbox: it makes each statement (id, actor, context
 * template, registration, categories) and the outbox sends it. What the library's callers get back is
 * the statement's id, as the store would answer.
 */
class QueuedCmi5 extends Cmi5 {
  constructor(
    parameters: Cmi5LaunchParameters,
    private readonly queue: (statement: LibraryStatement) => Promise<void>,
  ) {
    super(parameters as unknown as ConstructorParameters<typeof Cmi5>[0]);
  }

  override sendXapiStatement(
    statement: LibraryStatement,
    options?: Parameters<Cmi5['sendXapiStatement']>[1],
  ): ReturnType<Cmi5['sendXapiStatement']> {
    const made = options?.transform ? options.transform(statement) : statement;
    return this.queue(made).then(() => ({ data: [made.id] })) as unknown as ReturnType<
      Cmi5['sendXapiStatement']
    >;
  }
}

/** How the adapter is run. */
export interface Cmi5Options {
  readonly wait: (ms: number) => Promise<void>;
  readonly now: () => number;
  /** Where batches are kept; IndexedDB when absent. */
  readonly outbox?: (connection: LrsConnection) => Promise<XapiOutbox>;
  readonly fetcher?: typeof fetch;
}

/** The adapter for a cmi5 launch from `win`'s address. */
export function createCmi5Adapter(win: unknown, options: Cmi5Options): ReportingAdapter {
  return {
    open: () => openCmi5(win as Window, options),
  };
}

async function openCmi5(win: Window, options: Cmi5Options): Promise<Result<ReportingSession, ReportProblem>> {
  const launched = readCmi5Launch(win.location?.search ?? '');
  if (!launched.ok) return launched;
  const parameters = launched.value;
  const fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  let connection: LrsConnection = { endpoint: parameters.endpoint, auth: null };
  let outbox: XapiOutbox | null = null;
  /** Who waits to hear that everything queued reached the store. */
  const delivered: (() => void)[] = [];
  let scorecardBytes = new Map<string, Uint8Array>();
  const queue = async (statement: LibraryStatement) => {
    if (!outbox) throw new Error('The outbox is not open.');
    const auth = `Basic ${cmi5.getAuthToken()}`;
    if (connection.auth !== auth) {
      connection = { endpoint: parameters.endpoint, auth };
      // Batches an earlier launch left waiting go with this launch's token.
      await outbox.renewAuth(connection);
    }
    const sha = (statement.attachments ?? []).map((a) => a.sha2);
    const attachments = sha.flatMap((s) => {
      const bytes = scorecardBytes.get(s);
      const attachment = statement.attachments?.find((a) => a.sha2 === s);
      return bytes && attachment
        ? [{ attachment: attachment as unknown as XapiStatement['attachments'] & object, bytes }]
        : [];
    });
    await outbox.add(
      connection,
      [statement as { id: string }],
      attachments as unknown as Parameters<XapiOutbox['add']>[2],
    );
  };
  const cmi5 = new QueuedCmi5(parameters, queue);
  try {
    outbox = options.outbox
      ? await options.outbox(connection)
      : new XapiOutbox(await openOutboxDatabase(), {
          now: options.now,
          later: (run, ms) => void options.wait(ms).then(run),
          onChange: (state) => {
            if (state.waiting > 0 || state.refused.length > 0) return;
            for (const listener of delivered.splice(0)) listener();
          },
        });
    // The handshake: the one-time token, the launch data, the learner's preferences, then
    // `initialized`, the first statement, which the outbox sends with the token.
    await cmi5.initialize();
  } catch (error) {
    return fail([
      {
        code: 'initialize-failed',
        lmsError: '0',
        message: `The learning system did not complete the cmi5 launch: ${said(error)}.`,
      },
    ]);
  }
  const launchData = cmi5.getLaunchData();
  const preferences = cmi5.getLearnerPreferences() ?? {};
  const mastery =
    typeof launchData.masteryScore === 'number' &&
    launchData.masteryScore >= 0 &&
    launchData.masteryScore <= 1
      ? Math.round(launchData.masteryScore * 1000) / 10
      : null;
  const learner: Learner = {
    id: parameters.actor.account.name,
    name: parameters.actor.name ?? null,
    language: preferences.languagePreference?.split(',')[0]?.trim() || null,
    // A learner who turned the sound off reads it instead.
    captions: preferences.audioPreference === 'off' ? true : null,
  };
  const stateUrl = (() => {
    const query = new URLSearchParams({
      activityId: parameters.activityId,
      agent: JSON.stringify(parameters.actor),
      registration: parameters.registration,
      stateId: CMI5_SAVE_STATE,
    });
    return `${parameters.endpoint}activities/state?${query}`;
  })();

  let resume: ResumeData | null = null;
  let problem: ReportProblem | null = null;
  try {
    const answer = await fetcher(stateUrl, { headers: lrsHeaders(connection) });
    if (answer.ok) {
      const kept = (await answer.json()) as { save?: unknown };
      if (typeof kept.save === 'string') {
        const unpacked = unpackSuspend(kept.save);
        if (unpacked.ok) resume = unpacked.value;
        else
          problem = {
            code: 'resume-unreadable',
            lmsError: '0',
            message: `${unpacked.problems[0]?.message ?? 'The kept save cannot be read.'} The attempt starts again.`,
          };
      }
    }
  } catch {
    // No save kept, or the store keeps no state: a first entry.
  }

  const normal = launchData.launchMode === 'Normal';
  let terminated = false;
  let passedOrFailed = false;
  let completed = false;
  let stateProblem: ReportProblem | null = null;
  const putState = (save: string | null) => {
    // The learner's state is a document of its own; only the latest matters, so a failure is said
    // with the next save, which tries again.
    void fetcher(stateUrl, {
      method: save === null ? 'DELETE' : 'PUT',
      headers: lrsHeaders(connection, { 'Content-Type': 'application/json' }),
      ...(save === null ? {} : { body: JSON.stringify({ save: packSuspend(save, null) }) }),
      keepalive: save === null || save.length < 48_000,
    }).then(
      (answer) => {
        stateProblem = answer.ok
          ? null
          : { code: 'set-failed', lmsError: String(answer.status), message: `HTTP ${answer.status}` };
      },
      (error) => {
        stateProblem = { code: 'set-failed', lmsError: '0', message: said(error) };
      },
    );
  };
  const outcomeOf = (state: OutboxState): Result<void, ReportProblem> => {
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
  };

  const session: ReportingSession = {
    standard: 'cmi5',
    learner,
    resume,
    masteryScore: mastery,
    suspend(save: string): SuspendOutcome {
      if (terminated) return { kept: 'nothing', chars: 0, cutAt: null };
      putState(save);
      return {
        kept: 'whole',
        chars: save.length,
        cutAt: null,
        ...(stateProblem ? { problem: stateProblem } : {}),
      };
    },
    whenDelivered(listener: () => void): void {
      if (outbox && outbox.current.waiting === 0 && outbox.current.refused.length === 0) listener();
      else delivered.push(listener);
    },
    async finish(attempt: FinishedAttempt): Promise<Result<void, ReportProblem>> {
      if (terminated || !outbox) {
        return fail([
          {
            code: 'closed',
            lmsError: '0',
            message:
              'This launch has ended; open the course again from the learning system to report another attempt.',
          },
        ]);
      }
      const passMark = mastery ?? attempt.masteryScore;
      if (!normal) {
        // Browse and Review launches record nothing but their start and end (cmi5 10.2.2).
        await end();
        return fail([
          {
            code: 'not-recorded',
            lmsError: '0',
            message: `The learning system opened this course in ${launchData.launchMode} mode, which records no results.`,
          },
        ]);
      }
      const built = attemptStatements({
        scorecard: attempt.scorecard,
        masteryScore: passMark,
        sessionMs: attempt.sessionMs,
        startedAt: cmi5.getInitializedDate().toISOString(),
        registration: parameters.registration,
        homePage: parameters.actor.account.homePage,
        newId: () => crypto.randomUUID(),
      });
      if (!built.ok) {
        const first = built.problems[0];
        return fail([{ code: 'set-failed', lmsError: '0', message: first?.message ?? 'No statements.' }]);
      }
      const { statements, attachments } = built.value;
      const template = launchData.contextTemplate ?? {};
      const answered = statements
        .filter((s) => s.verb.id.endsWith('/answered'))
        .map((s) => cmi5Allowed(s, parameters, template));
      try {
        await outbox.add(connection, answered);
        const ours = statements.find((s) => s.verb.id.endsWith('/completed'));
        const withOurs = (s: LibraryStatement): LibraryStatement => ({
          ...s,
          context: {
            ...s.context,
            extensions: { ...(s.context?.extensions ?? {}), ...(ours?.context.extensions ?? {}) },
          },
        });
        const score = attempt.scorecard.score.overall;
        const raw = score === null ? null : Math.round(Math.min(100, Math.max(0, score)));
        if (raw !== null && !passedOrFailed) {
          const result = { scaled: raw / 100, raw, min: 0, max: 100 };
          if (raw >= passMark) await cmi5.pass(result, { transform: withOurs });
          else await cmi5.fail(result, { transform: withOurs });
          passedOrFailed = true;
        }
        if (!completed) {
          scorecardBytes = new Map(attachments.map((a) => [a.attachment.sha2, a.bytes]));
          await cmi5.complete({
            transform: (s) =>
              ({
                ...withOurs(s),
                result: {
                  ...s.result,
                  ...(raw === null ? {} : { score: { scaled: raw / 100, raw, min: 0, max: 100 } }),
                  extensions: { ...(ours?.result?.extensions ?? {}) },
                },
                attachments: ours?.attachments ?? [],
              }) as LibraryStatement,
          });
          completed = true;
        }
        putState(null);
        await end();
      } catch (error) {
        return fail([{ code: 'set-failed', lmsError: '0', message: said(error) }]);
      }
      return outcomeOf(outbox.current);
    },
    end(): void {
      void end();
    },
  };
  async function end(): Promise<void> {
    if (terminated) return;
    terminated = true;
    await cmi5.terminate().catch(() => undefined);
  }
  return succeed(session, problem ? [problem] : []);
}
