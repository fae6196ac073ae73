/**
 * The game reporting to a learning record store on its own, without cmi5: an xAPI ("Tin Can") package
 * that a learning system or an organisation's portal launches with the store's address, credentials
 * and the learner in the page's address (the Tin Can launch: `endpoint`, `auth`, `actor`,
 * `registration`, `activity_id`). That is where the store and its credentials are configured: per
 * launch, so no secret is built into the package. A finished attempt's statements (`initialized`, one
 * `answered` per decision, `passed`/`failed`, `completed` with the scorecard, `terminated`) go through
 * the outbox, about the launched activity; the save is kept in the store's State API.
 */
import { fail, type Result, succeed } from '../../core/result';
import { readCmi5Actor } from './cmi5Launch';
import { deliveryOutcome, errorWords, KeptSave, openDeliveringOutbox } from './lrsSession';
import type {
  FinishedAttempt,
  ReportingAdapter,
  ReportingSession,
  ReportProblem,
  SuspendOutcome,
} from './reporting';
import { attemptStatements, type XapiActivity, type XapiActor, type XapiStatement } from './xapi';
import { endpointOf, type LrsConnection } from './xapiSend';

/** What the Tin Can launch put in the address. */
export interface XapiLaunchParameters {
  readonly connection: LrsConnection;
  readonly actor: XapiActor;
  /** The launch's registration; the game makes one per session when the launch gives none. */
  readonly registration: string | null;
  /** The activity the learning system tracks (the package's `tincan.xml` activity); null when not given. */
  readonly activityId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function problem(message: string): Result<never, ReportProblem> {
  return fail([{ code: 'no-api', lmsError: '0', message }]);
}

/** Reads and checks the Tin Can launch parameters: untrusted text, each named when wrong. */
export function readXapiLaunch(search: string): Result<XapiLaunchParameters, ReportProblem> {
  const query = new URLSearchParams(search);
  const field = (name: string) => query.get(name)?.trim() ?? '';
  const endpoint = field('endpoint');
  const auth = field('auth');
  const fix = "Ask the learning system's administrator to check how the course is launched.";
  if (!endpoint) {
    return problem(
      `The game was not launched with a learning record store: its address must carry endpoint, auth and actor. Open it from the learning system. ${fix}`,
    );
  }
  try {
    const url = new URL(endpoint);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
  } catch {
    return problem(`The launch address's endpoint is not an http(s) address. ${fix}`);
  }
  if (!auth || /[\r\n]/.test(auth) || auth.length > 4096) {
    return problem(`The launch address carries no usable auth (the store's credentials). ${fix}`);
  }
  const actor = readCmi5Actor(field('actor'));
  if (!actor.ok) return problem(`The launch address's actor ${actor.problems[0]}. ${fix}`);
  const registration = field('registration');
  if (registration && !UUID.test(registration))
    return problem(`The launch address's registration is not a UUID. ${fix}`);
  const activityId = field('activity_id');
  if (activityId && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(activityId))
    return problem(`The launch address's activity_id is not an IRI. ${fix}`);
  return succeed({
    connection: { endpoint: endpointOf(endpoint), auth },
    actor: actor.value as XapiActor,
    registration: registration || null,
    activityId: activityId || null,
  });
}

/**
 * The statements as the launch tracks them: the learner is the launch's actor, and a launch that names
 * its activity has the attempt's start, verdict, completion and end reported about that activity, with
 * the scenario or shift played beside it as their grouping; decisions stay about themselves.
 */
export function forLaunch(
  statements: readonly XapiStatement[],
  launch: Pick<XapiLaunchParameters, 'actor' | 'activityId'>,
): XapiStatement[] {
  const launched: XapiActivity | null = launch.activityId
    ? {
        objectType: 'Activity',
        id: launch.activityId,
        definition: { type: 'http://adlnet.gov/expapi/activities/course' },
      }
    : null;
  return statements.map((s) => {
    const decision = s.verb.id.endsWith('/answered');
    if (!launched || decision || s.object.id === launched.id) return { ...s, actor: launch.actor };
    const grouping = [...(s.context.contextActivities?.grouping ?? []), s.object];
    return {
      ...s,
      actor: launch.actor,
      object: launched,
      context: { ...s.context, contextActivities: { ...s.context.contextActivities, grouping } },
    };
  });
}

/** How the adapter is run. */
export interface XapiDirectOptions {
  readonly wait: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly fetcher?: typeof fetch;
}

/** The adapter for a Tin Can launch from `win`'s address. */
export function createXapiAdapter(win: unknown, options: XapiDirectOptions): ReportingAdapter {
  return { open: () => openXapi(win as Window, options) };
}

async function openXapi(
  win: Window,
  options: XapiDirectOptions,
): Promise<Result<ReportingSession, ReportProblem>> {
  const launched = readXapiLaunch(win.location?.search ?? '');
  if (!launched.ok) return launched;
  const launch = launched.value;
  const fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  const registration = launch.registration ?? crypto.randomUUID();
  const startedAt = new Date(options.now()).toISOString();
  const delivery = await openDeliveringOutbox(options.now, options.wait);
  await delivery.outbox.renewAuth(launch.connection);
  const kept = launch.activityId
    ? new KeptSave(
        {
          endpoint: launch.connection.endpoint,
          activityId: launch.activityId,
          agent: launch.actor,
          registration: launch.registration,
        },
        () => launch.connection,
        fetcher,
      )
    : null;
  const resumed = kept ? await kept.read() : succeed(null);
  let finished = false;

  const session: ReportingSession = {
    standard: 'xapi',
    learner: {
      id: launch.actor.account.name,
      name: launch.actor.name ?? null,
      language: null,
      captions: null,
    },
    resume: resumed.ok ? resumed.value : null,
    suspend(save: string): SuspendOutcome {
      if (!kept) return { kept: 'nothing', chars: 0, cutAt: null };
      kept.write(save);
      const said = kept.lastProblem;
      return { kept: 'whole', chars: save.length, cutAt: null, ...(said ? { problem: said } : {}) };
    },
    whenDelivered: (listener) => delivery.whenDelivered(listener),
    async finish(attempt: FinishedAttempt): Promise<Result<void, ReportProblem>> {
      const built = attemptStatements({
        scorecard: attempt.scorecard,
        masteryScore: attempt.masteryScore,
        sessionMs: attempt.sessionMs,
        startedAt,
        registration,
        homePage: launch.actor.account.homePage,
        newId: () => crypto.randomUUID(),
      });
      if (!built.ok) {
        return fail([{ code: 'set-failed', lmsError: '0', message: built.problems[0]?.message ?? '' }]);
      }
      try {
        const state = await delivery.outbox.add(
          launch.connection,
          forLaunch(built.value.statements, launch),
          built.value.attachments,
        );
        finished = true;
        kept?.write(null);
        return deliveryOutcome(state);
      } catch (error) {
        return fail([{ code: 'set-failed', lmsError: '0', message: errorWords(error) }]);
      }
    },
    end(): void {
      // Everything of a finished attempt went with it; an unfinished one keeps its save in the store.
      void finished;
    },
  };
  return succeed(session, resumed.problems);
}
