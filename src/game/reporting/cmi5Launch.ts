/**
 * What a cmi5 launch gives the game, read without the cmi5 library (so it is tested in Node): the
 * launch address's parameters, checked as untrusted text, and the game's own statements made into
 * cmi5 "allowed" statements for that launch.
 */
import { fail, type Result, succeed } from '../../core/result';
import type { ReportProblem } from './reporting';
import type { XapiStatement } from './xapi';
import { endpointOf } from './xapiSend';

/** What the learning system put in the launch address (cmi5 section 8.1). */
export interface Cmi5LaunchParameters {
  readonly endpoint: string;
  readonly fetch: string;
  readonly actor: Cmi5Actor;
  readonly registration: string;
  readonly activityId: string;
}

/** The learner as cmi5 names them: an agent identified by an account. */
export interface Cmi5Actor {
  readonly objectType?: 'Agent';
  readonly name?: string;
  readonly account: { readonly homePage: string; readonly name: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const NOT_LAUNCHED =
  'The game was not launched by a cmi5 learning system: its address must carry endpoint, fetch, actor, registration and activityId. Open it from the learning system.';

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads and checks the launch address's parameters: untrusted text, each named when wrong. */
export function readCmi5Launch(search: string): Result<Cmi5LaunchParameters, ReportProblem> {
  const query = new URLSearchParams(search);
  const field = (name: string) => query.get(name)?.trim() ?? '';
  const [endpoint, fetchUrl, actorText, registration, activityId] = [
    'endpoint',
    'fetch',
    'actor',
    'registration',
    'activityId',
  ].map(field) as [string, string, string, string, string];
  if (!endpoint && !fetchUrl && !actorText) return launchProblem(NOT_LAUNCHED);
  const wrong = (name: string, why: string) =>
    launchProblem(
      `The launch address's ${name} ${why}. Ask the learning system's administrator to check the course.`,
    );
  if (!isHttpUrl(endpoint)) return wrong('endpoint', 'is not an http(s) address');
  if (!isHttpUrl(fetchUrl)) return wrong('fetch', 'is not an http(s) address');
  if (!UUID.test(registration)) return wrong('registration', 'is not a UUID');
  if (!isHttpUrl(activityId) && !/^[a-z][a-z0-9+.-]*:/i.test(activityId))
    return wrong('activityId', 'is not an IRI');
  const actor = readCmi5Actor(actorText);
  if (!actor.ok) return wrong('actor', actor.problems[0] ?? 'cannot be read');
  return succeed({
    endpoint: endpointOf(endpoint),
    fetch: fetchUrl,
    actor: actor.value,
    registration,
    activityId,
  });
}

/**
 * The learner from a launch's `actor` (JSON): an agent with an account, kept to its account and name.
 * The Tin Can launch's older form (`name` and `account` as lists, the account's `accountServiceHomePage`
 * and `accountName`) is read too. A problem says what is wrong with it, to follow "The actor …".
 */
export function readCmi5Actor(text: string): Result<Cmi5Actor, string> {
  let actor: unknown;
  try {
    actor = JSON.parse(text);
  } catch {
    return fail(['is not JSON']);
  }
  const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  const raw = (actor ?? {}) as { name?: unknown; account?: unknown };
  const account = first(raw.account) as
    | { homePage?: unknown; name?: unknown; accountServiceHomePage?: unknown; accountName?: unknown }
    | undefined;
  const homePage = account?.homePage ?? account?.accountServiceHomePage;
  const accountName = account?.name ?? account?.accountName;
  if (typeof homePage !== 'string' || typeof accountName !== 'string' || !accountName) {
    return fail(['does not name the learner by an account (homePage and name)']);
  }
  const name = first(raw.name);
  return succeed({
    objectType: 'Agent',
    ...(typeof name === 'string' && name.trim() ? { name: name.trim().slice(0, 200) } : {}),
    account: { homePage, name: accountName },
  });
}

function launchProblem(message: string): Result<never, ReportProblem> {
  return fail([{ code: 'no-api', lmsError: '0', message }]);
}

/**
 * The game's own statement as a cmi5 "allowed" statement: the launch's actor and registration, the
 * context template's activities and extensions (its session id) beside the game's own; no cmi5
 * category, which only cmi5's defined statements carry.
 */
export function cmi5Allowed(
  statement: XapiStatement,
  parameters: Cmi5LaunchParameters,
  template: { contextActivities?: object; extensions?: object },
): XapiStatement {
  const ours = statement.context.contextActivities ?? {};
  const theirs = (template.contextActivities ?? {}) as Record<string, unknown[] | undefined>;
  const merged: Record<string, unknown[]> = {};
  for (const key of new Set([...Object.keys(theirs), ...Object.keys(ours)])) {
    if (key === 'category') continue;
    merged[key] = [
      ...(theirs[key] ?? []),
      ...(((ours as Record<string, unknown[] | undefined>)[key] ?? []) as unknown[]),
    ];
  }
  return {
    ...statement,
    actor: parameters.actor as XapiStatement['actor'],
    context: {
      ...statement.context,
      registration: parameters.registration,
      contextActivities: merged as XapiStatement['context']['contextActivities'] & object,
      extensions: { ...(template.extensions ?? {}), ...statement.context.extensions },
    },
  };
}
