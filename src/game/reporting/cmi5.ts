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
import { type Cmi5LaunchParameters, cmi5Allowed, readCmi5Launch } from './cmi5Launch';
import {
  type DeliveringOutbox,
  deliveryOutcome,
  errorWords,
  KeptSave,
  openDeliveringOutbox,
} from './lrsSession';
import type {
  FinishedAttempt,
  Learner,
  ReportingAdapter,
  ReportingSession,
  ReportProblem,
  SuspendOutcome,
} from './reporting';
import { attemptStatements, type XapiStatement } from './xapi';
import type { XapiOutbox } from './xapiOutbox';
import type { LrsConnection } from './xapiSend';

/** cmi5's context extension for the mastery score a verdict was judged against. */
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

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
  let delivery: DeliveringOutbox | null = null;
  let scorecardBytes = new Map<string, Uint8Array>();
  const queue = async (statement: LibraryStatement) => {
    const outbox = delivery?.outbox;
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
    delivery = await openDeliveringOutbox(options.now, options.wait);
    // The handshake: the one-time token, the launch data, the learner's preferences, then
    // `initialized`, the first statement, which the outbox sends with the token.
    await cmi5.initialize();
  } catch (error) {
    return fail([
      {
        code: 'initialize-failed',
        lmsError: '0',
        message: `The learning system did not complete the cmi5 launch: ${errorWords(error)}.`,
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
  const kept = new KeptSave(
    {
      endpoint: parameters.endpoint,
      activityId: parameters.activityId,
      agent: parameters.actor,
      registration: parameters.registration,
    },
    () => connection,
    fetcher,
  );
  const resumed = await kept.read();
  const resume = resumed.ok ? resumed.value : null;

  const normal = launchData.launchMode === 'Normal';
  let terminated = false;
  let passedOrFailed = false;
  let completed = false;
  const session: ReportingSession = {
    standard: 'cmi5',
    learner,
    resume,
    masteryScore: mastery,
    suspend(save: string): SuspendOutcome {
      if (terminated) return { kept: 'nothing', chars: 0, cutAt: null };
      kept.write(save);
      const problem = kept.lastProblem;
      return { kept: 'whole', chars: save.length, cutAt: null, ...(problem ? { problem } : {}) };
    },
    whenDelivered(listener: () => void): void {
      delivery?.whenDelivered(listener);
    },
    async finish(attempt: FinishedAttempt): Promise<Result<void, ReportProblem>> {
      const outbox = delivery?.outbox;
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
        // A verdict names the mastery score it was judged against (cmi5 9.6.3.2): the launch data's,
        // or the package's where the learning system gave none.
        const verdictExtensions = { [MASTERY_EXTENSION]: passMark / 100 };
        const withOurs = (s: LibraryStatement, verdict = false): LibraryStatement => ({
          ...s,
          context: {
            ...s.context,
            extensions: {
              ...(s.context?.extensions ?? {}),
              ...(ours?.context.extensions ?? {}),
              ...(verdict ? verdictExtensions : {}),
            },
          },
        });
        const score = attempt.scorecard.score.overall;
        const raw = score === null ? null : Math.round(Math.min(100, Math.max(0, score)));
        if (raw !== null && !passedOrFailed) {
          const result = { scaled: raw / 100, raw, min: 0, max: 100 };
          const transform = (statement: LibraryStatement) => withOurs(statement, true);
          if (raw >= passMark) await cmi5.pass(result, { transform });
          else await cmi5.fail(result, { transform });
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
        kept.write(null);
        await end();
      } catch (error) {
        return fail([{ code: 'set-failed', lmsError: '0', message: errorWords(error) }]);
      }
      return deliveryOutcome(outbox.current);
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
  return succeed(session, resumed.problems);
}
