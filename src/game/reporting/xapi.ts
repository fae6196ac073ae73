/**
 * The xAPI statements of a finished attempt, built from its scorecard and nothing else: `initialized`,
 * one `answered` per decision (the same decisions SCORM reports as interactions), `passed` or `failed`
 * against the mastery score, `completed` with the finished scorecard attached, and `terminated`. The
 * builder is pure: it sends nothing and stores nothing. Every statement gets its id when it is made,
 * so a sender that retries (or a queue that survives a reload) sends the same statement again and the
 * learning record store keeps it once.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fail, type Result, succeed } from '../../core/result';
import type { Scorecard } from '../../core/runtime';
import { scorecardToJson } from '../../core/scoring/scorecard';
import { type Decision, type DecisionKind, decisionsOf } from './decisions';
import { scorm2004Duration } from './scorm';

/**
 * Where every IRI this project mints begins: activities, extensions and the attachment's usage type.
 * A w3id.org path is a permanent identifier that a project claims (a pull request to perma-id/w3id.org
 * redirects it to the project's pages), so it outlives any host name the game is served from. An
 * organisation that keeps its own vocabulary passes its base to {@link attemptStatements} instead.
 */
export const XAPI_IRI_BASE = 'https://w3id.org/escalation-desk/xapi/';

/** The ADL verbs the game reports, by their last segment (`http://adlnet.gov/expapi/verbs/<verb>`). */
export const XAPI_VERBS = ['initialized', 'answered', 'passed', 'failed', 'completed', 'terminated'] as const;

/** A verb the game reports. */
export type XapiVerbName = (typeof XAPI_VERBS)[number];

/**
 * The longest `result.response` an `answered` statement carries, in UTF-16 units. A learning record
 * store shows the response in a report's table cell and many index it, while a shift can hold a
 * hundred decisions; the desk accepts replies of up to 2,000 characters. The whole words are never
 * lost: they travel in the scorecard attached to the `completed` statement, which the review replays.
 */
export const XAPI_RESPONSE_LIMIT = 1000;

const ELLIPSIS = '…';
const ADL_VERBS = 'http://adlnet.gov/expapi/verbs/';
const ACTIVITY_TYPES = {
  /** ADL's type for an activity that imitates a real situation: a scenario or a shift at the desk. */
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;
/** The dimensions the product promises, each reported in an extension of the `completed` statement. */
const HEADLINE_DIMENSIONS = ['empathy', 'promises', 'tier'] as const;

/** A language map: words by language tag. */
export type LanguageMap = Readonly<Record<string, string>>;

/** The learner, by an account in the learning system; never by e-mail, which is personal data. */
export interface XapiActor {
  readonly objectType: 'Agent';
  readonly name?: string;
  readonly account: { readonly homePage: string; readonly name: string };
}

/** An activity: a scenario, a shift, or one decision within a scenario. */
export interface XapiActivity {
  readonly objectType: 'Activity';
  readonly id: string;
  readonly definition: {
    readonly type: string;
    readonly name?: LanguageMap;
    readonly description?: LanguageMap;
    readonly interactionType?: 'long-fill-in' | 'performance';
    readonly steps?: readonly { readonly id: string; readonly description: LanguageMap }[];
  };
}

/** An attachment's description inside a statement; its bytes go beside the statement. */
export interface XapiAttachment {
  readonly usageType: string;
  readonly display: LanguageMap;
  readonly description?: LanguageMap;
  readonly contentType: string;
  /** The bytes' count. */
  readonly length: number;
  /** SHA-256 of the bytes, as lowercase hex. */
  readonly sha2: string;
}

export interface XapiResult {
  readonly score?: { readonly raw: number; readonly min: 0; readonly max: 100; readonly scaled: number };
  readonly success?: boolean;
  readonly completion?: boolean;
  readonly response?: string;
  readonly duration?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface XapiContext {
  readonly registration: string;
  readonly language: string;
  readonly contextActivities?: {
    readonly parent?: readonly XapiActivity[];
    readonly grouping?: readonly XapiActivity[];
  };
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** One xAPI 1.0.3 statement as the game sends it. */
export interface XapiStatement {
  /** A UUID fixed when the statement is made. */
  readonly id: string;
  readonly actor: XapiActor;
  readonly verb: { readonly id: string; readonly display: LanguageMap };
  readonly object: XapiActivity;
  readonly result?: XapiResult;
  readonly context: XapiContext;
  /** ISO 8601, when it happened in real time. */
  readonly timestamp: string;
  readonly attachments?: readonly XapiAttachment[];
}

/** An attachment's description and the exact bytes its length and SHA-256 are of. */
export interface XapiAttachmentContent {
  readonly attachment: XapiAttachment;
  readonly bytes: Uint8Array;
}

/** The statements of one attempt, in the order they are sent, and the bytes of their attachments. */
export interface XapiStatementBatch {
  readonly statements: readonly XapiStatement[];
  readonly attachments: readonly XapiAttachmentContent[];
}

/** What {@link attemptStatements} is given. */
export interface AttemptStatementsInput {
  readonly scorecard: Scorecard;
  /** The overall score (0–100) a pass needs. */
  readonly masteryScore: number;
  /** Real time the learner spent in this session, in milliseconds. */
  readonly sessionMs: number;
  /** When the session began in real time, as an ISO 8601 date. */
  readonly startedAt: string;
  /** The registration (a UUID) the learning system launched this attempt under. */
  readonly registration: string;
  /** The home page of the system the learner's account belongs to (the LMS, or the organisation's site). */
  readonly homePage: string;
  /** Makes a fresh UUID; the game passes `crypto.randomUUID`, tests a counter. */
  readonly newId: () => string;
  /** The IRI base to mint activities and extensions under; {@link XAPI_IRI_BASE} when absent. */
  readonly iriBase?: string;
}

/** Why no statements could be made. */
export interface XapiProblem {
  /** `no-learner-id`: a version 3 scorecard names its trainee by name alone, and a name is no account. */
  readonly code: 'no-learner-id';
  readonly message: string;
}

/**
 * The extension IRIs, under `base`. Their values:
 * - `ext/evidence` (answered result): `{ keys, points }`, the decision's evidence keys (most points
 *   either way first) and the points they sum to.
 * - `ext/empathy`, `ext/promises`, `ext/tier` (completed result): a {@link DimensionReport}.
 * - `ext/grade` (completed result): the scorecard's grade (`Unsatisfactory` … `Exceptional`), when it has one.
 * - `ext/game-time` (answered context): the desk clock's milliseconds since the shift began, when the
 *   decision was made; game time runs faster than real time and can pause, so it is no timestamp.
 * - `ext/scenario-sha256` (every context): `[{ id, version, sha256 }]`, the scenarios played (an
 *   answered statement: its own scenario), each with the SHA-256 of its content.
 * - `ext/pack-sha256` (every context): the SHA-256 of the scenario pack's content.
 * - `ext/attempt` (every context): the attempt's id in the game, to find its scorecard.
 */
export function xapiExtensions(base = XAPI_IRI_BASE) {
  return {
    evidence: `${base}ext/evidence`,
    empathy: `${base}ext/empathy`,
    promises: `${base}ext/promises`,
    tier: `${base}ext/tier`,
    grade: `${base}ext/grade`,
    gameTime: `${base}ext/game-time`,
    scenarioSha256: `${base}ext/scenario-sha256`,
    packSha256: `${base}ext/pack-sha256`,
    attempt: `${base}ext/attempt`,
  } as const;
}

/** The usage type of the attached scorecard. */
export function scorecardUsageType(base = XAPI_IRI_BASE): string {
  return `${base}attachments/scorecard`;
}

/**
 * One headline dimension of an attempt, as the `completed` statement reports it: the attempt's score
 * (0–100, null where the dimension did not apply) and weight, each contact's score, and its evidence
 * gathered by key (how many times, how many points in all), the most points either way first. Each
 * piece of evidence is in the attached scorecard; this is the summary a report can sort and filter on.
 */
export interface DimensionReport {
  readonly score: number | null;
  readonly weight: number;
  readonly contacts: readonly {
    readonly contact: string;
    readonly scenario: string;
    readonly score: number | null;
  }[];
  readonly evidence: readonly { readonly key: string; readonly count: number; readonly points: number }[];
}

function dimensionReport(
  scorecard: Scorecard,
  dimension: (typeof HEADLINE_DIMENSIONS)[number],
): DimensionReport {
  const byKey = new Map<string, { key: string; count: number; points: number }>();
  for (const contact of scorecard.score.contacts) {
    for (const e of contact.dimensions[dimension].evidence) {
      const seen = byKey.get(e.key) ?? { key: e.key, count: 0, points: 0 };
      seen.count += 1;
      seen.points += e.points;
      byKey.set(e.key, seen);
    }
  }
  const attempt = scorecard.score.dimensions[dimension];
  return {
    score: attempt.score,
    weight: attempt.weight,
    contacts: scorecard.score.contacts.map((c) => ({
      contact: c.contact,
      scenario: c.scenario,
      score: c.dimensions[dimension].score,
    })),
    evidence: [...byKey.values()]
      .map((e) => ({ ...e, points: Math.round(e.points * 10) / 10 }))
      .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.key.localeCompare(b.key)),
  };
}

/**
 * A response as an `answered` statement carries it: trimmed at both ends and, past `limit` UTF-16
 * units, cut with an ellipsis, never between the two halves of a character outside the BMP. Line
 * breaks stay: JSON carries them, and a reply's paragraphs are part of how it reads.
 */
export function xapiResponse(text: string, limit = XAPI_RESPONSE_LIMIT): string {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed;
  let end = Math.max(0, limit - ELLIPSIS.length);
  const code = trimmed.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${trimmed.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

function verb(name: XapiVerbName): XapiStatement['verb'] {
  return { id: `${ADL_VERBS}${name}`, display: { 'en-US': name } };
}

/** An id from the scenario language (any text up to 80 characters) made safe as a path segment. */
function segment(id: string): string {
  return encodeURIComponent(id);
}

const DECISION_WORDS: Readonly<Record<DecisionKind, string>> = {
  reply: 'Reply',
  promise: 'Promise',
  escalation: 'Escalation',
  resolution: 'Resolution',
};

/**
 * A decision as a `cmi.interaction`. A reply is words the trainee wrote or chose, several sentences
 * often, so `long-fill-in`; a promise, an escalation or a resolution is a task done on the case, so a
 * one-step `performance` whose step is the kind of task, as SCORM 2004 reports it.
 */
function decisionActivity(base: string, decision: Decision): XapiActivity {
  const words = DECISION_WORDS[decision.kind];
  const name = { 'en-US': `${words} (${decision.contact}, ${decision.scenario})` };
  const id = `${base}scenarios/${segment(decision.scenario)}/decisions/${segment(decision.id)}`;
  if (decision.kind === 'reply') {
    return {
      objectType: 'Activity',
      id,
      definition: { type: ACTIVITY_TYPES.interaction, name, interactionType: 'long-fill-in' },
    };
  }
  return {
    objectType: 'Activity',
    id,
    definition: {
      type: ACTIVITY_TYPES.interaction,
      name,
      interactionType: 'performance',
      steps: [{ id: decision.kind, description: { 'en-US': words } }],
    },
  };
}

/**
 * A performance's response is `step[.]answer`, records split on `[,]`; the same brackets in the
 * trainee's words would read as more steps, so they become look-alike plain text.
 */
function performanceResponse(decision: Decision): string {
  const answer = xapiResponse(decision.response, XAPI_RESPONSE_LIMIT - decision.kind.length - 3);
  return `${decision.kind}[.]${answer.replace(/\[([,.:])\]/g, '($1)')}`;
}

/**
 * The statements of a finished attempt, in the order a learning record store should receive them:
 * `initialized` (at `startedAt`), one `answered` per decision of {@link decisionsOf}, `passed` or
 * `failed` when the scorecard has an overall score (a scorecard with none neither passed nor failed),
 * `completed` carrying the headline dimensions, the grade and the attached scorecard, and
 * `terminated`. The end statements are stamped when the attempt finished (or `startedAt` plus the
 * session's time when the scorecard does not say); an `answered` statement is stamped with them too,
 * since the desk's clock is no wall clock, and carries its game time in an extension. Ids come from
 * `newId`, once per statement.
 */
export function attemptStatements(input: AttemptStatementsInput): Result<XapiStatementBatch, XapiProblem> {
  const { scorecard, newId } = input;
  const base = input.iriBase ?? XAPI_IRI_BASE;
  const ext = xapiExtensions(base);
  const { trainee, attempt } = scorecard;
  const accountName = trainee.employeeId || trainee.id;
  if (!accountName) {
    return fail([
      {
        code: 'no-learner-id',
        message: `The scorecard names its trainee (${trainee.name || 'no name'}) but gives no id, so the learning record store cannot be told who played.`,
      },
    ]);
  }
  const name = trainee.name.trim();
  const actor: XapiActor = {
    objectType: 'Agent',
    ...(name ? { name } : {}),
    account: { homePage: input.homePage, name: accountName },
  };

  const scenarioActivity = (id: string): XapiActivity => ({
    objectType: 'Activity',
    id: `${base}scenarios/${segment(id)}`,
    definition: { type: ACTIVITY_TYPES.simulation },
  });
  const title = scorecard.shift.title;
  const named = Object.keys(title).length > 0 ? { name: title } : {};
  // A practice attempt plays one scenario: the scenario is what was attempted. A shift is its own
  // activity, and the scenarios its customers came with group under it.
  const practiced = attempt.mode === 'practice' ? scorecard.scenarios[0]?.id : undefined;
  const attempted: XapiActivity =
    practiced === undefined
      ? {
          objectType: 'Activity',
          id: `${base}shifts/${segment(scorecard.shift.id)}`,
          definition: { type: ACTIVITY_TYPES.simulation, ...named },
        }
      : { ...scenarioActivity(practiced), definition: { type: ACTIVITY_TYPES.simulation, ...named } };

  const hashes = (ids: readonly string[] | null) =>
    scorecard.scenarios
      .filter((s) => ids === null || ids.includes(s.id))
      .map((s) => ({ id: s.id, version: s.version, sha256: s.contentHash }));
  const context = (
    extra: {
      readonly language?: string;
      readonly contextActivities?: XapiContext['contextActivities'];
      readonly scenario?: string;
      readonly gameTime?: number;
    } = {},
  ): XapiContext => {
    const { scenario, gameTime, language, contextActivities } = extra;
    return {
      registration: input.registration,
      language: language ?? attempt.language,
      ...(contextActivities ? { contextActivities } : {}),
      extensions: {
        [ext.attempt]: attempt.id,
        [ext.packSha256]: scorecard.pack.contentHash,
        [ext.scenarioSha256]: hashes(scenario === undefined ? null : [scenario]),
        ...(gameTime === undefined ? {} : { [ext.gameTime]: gameTime }),
      },
    };
  };

  const finishedAt =
    attempt.finishedAt ?? new Date(Date.parse(input.startedAt) + Math.max(0, input.sessionMs)).toISOString();
  const statement = (fields: Omit<XapiStatement, 'id' | 'actor'>): XapiStatement => ({
    id: newId(),
    actor,
    ...fields,
  });

  const statements: XapiStatement[] = [
    statement({
      verb: verb('initialized'),
      object: attempted,
      context: context(),
      timestamp: input.startedAt,
    }),
  ];

  for (const decision of decisionsOf(scorecard)) {
    const parent = scenarioActivity(decision.scenario);
    statements.push(
      statement({
        verb: verb('answered'),
        object: decisionActivity(base, decision),
        result: {
          // A decision its evidence neither credited nor cost was not judged right or wrong.
          ...(decision.result === 'neutral' ? {} : { success: decision.result === 'correct' }),
          response:
            decision.kind === 'reply' ? xapiResponse(decision.response) : performanceResponse(decision),
          extensions: { [ext.evidence]: { keys: decision.evidenceKeys, points: decision.points } },
        },
        context: context({
          // A reply is in the language the trainee wrote it in, which may not be the attempt's.
          ...(decision.language ? { language: decision.language } : {}),
          contextActivities: {
            parent: [parent],
            ...(practiced === undefined ? { grouping: [attempted] } : {}),
          },
          scenario: decision.scenario,
          gameTime: decision.at,
        }),
        timestamp: finishedAt,
      }),
    );
  }

  const overall = scorecard.score.overall;
  // Rounded as SCORM reports it, so two learning systems fed the same attempt show the same score.
  const raw = overall === null ? null : Math.round(Math.min(100, Math.max(0, overall)));
  const success = raw === null ? null : raw >= input.masteryScore;
  const outcome: XapiResult = {
    ...(raw === null ? {} : { score: { raw, min: 0, max: 100, scaled: raw / 100 } }),
    ...(success === null ? {} : { success }),
    completion: true,
    duration: scorm2004Duration(input.sessionMs),
  };
  if (success !== null) {
    statements.push(
      statement({
        verb: verb(success ? 'passed' : 'failed'),
        object: attempted,
        result: outcome,
        context: context(),
        timestamp: finishedAt,
      }),
    );
  }

  const card = scorecardAttachment(scorecard, base);
  const dimensions = Object.fromEntries(
    HEADLINE_DIMENSIONS.map((d) => [ext[d], dimensionReport(scorecard, d)] as const),
  );
  statements.push(
    statement({
      verb: verb('completed'),
      object: attempted,
      result: {
        ...outcome,
        extensions: {
          ...dimensions,
          ...(scorecard.score.grade === null ? {} : { [ext.grade]: scorecard.score.grade }),
        },
      },
      context: context(),
      timestamp: finishedAt,
      attachments: [card.attachment],
    }),
    statement({ verb: verb('terminated'), object: attempted, context: context(), timestamp: finishedAt }),
  );

  return succeed({ statements, attachments: [card] });
}

/**
 * The scorecard as an attachment: its exported JSON (what "export" saves to a file, so the review
 * reads it as it reads any exported scorecard), in UTF-8, with the length and SHA-256 of those bytes.
 */
export function scorecardAttachment(scorecard: Scorecard, base = XAPI_IRI_BASE): XapiAttachmentContent {
  const bytes = new TextEncoder().encode(scorecardToJson(scorecard));
  return {
    attachment: {
      usageType: scorecardUsageType(base),
      display: { 'en-US': `Scorecard of attempt ${scorecard.attempt.id}` },
      description: {
        'en-US':
          'The finished scorecard: the hash-chained event log, the scores and their evidence, for replay.',
      },
      contentType: 'application/json',
      length: bytes.length,
      sha2: bytesToHex(sha256(bytes)),
    },
    bytes,
  };
}
