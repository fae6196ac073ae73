/**
 * Scorecards: the versioned JSON document an attempt ends in. It names the trainee, the attempt, the
 * pack and scenario versions (with content hashes), the engine, analyser and rubric versions and the
 * seed, and holds the whole transcript as a hash chain, the scores with their evidence, the grade and
 * the tips. Reading one from a file is `readScorecard`; checking one by replay is `verifyScorecard`.
 */
import { z } from 'zod';
import { canonicalJson } from '../canonicalJson';
import { chainHash, contentHash } from '../contentHash';
import type { NonsenseReading } from '../engine/analyser';
import { IntentSchema, REFUSAL_REASONS } from '../engine/intents';
import { AnalyserRefSchema, ShiftRecordSchema } from '../engine/saves';
import { ShiftInputSchema, type Transcript, type TranscriptEntry } from '../engine/session';
import { CONTACT_STATUSES } from '../engine/shiftSteps';
import {
  byDimension,
  CHANNELS,
  DIMENSIONS,
  PHRASE_FAMILIES,
  PROMISE_KINDS,
  REPLY_KINDS,
} from '../scenario/schema';
import type { Scenario } from '../scenario/types';
import { EmployeeIdSchema, TraineeIdSchema } from '../trainee';
import { RUBRIC_VERSION, scoreAttempt } from './scoreAttempt';

export { EmployeeIdSchema, TraineeIdSchema };

import { GRADES } from './scoringRules';

/** The `format` tag of every scorecard. */
export const SCORECARD_FORMAT = 'escalation-desk/scorecard';
/**
 * The scorecard document's version. Version 1 (engine 1.x) recorded no analyser and only the tone and
 * families of each reply; version 2 (engines 2–5) had no critical errors and no reading of nonsense.
 * Both are still read, as far as their summary, but cannot be re-checked. Version 3 named the trainee
 * by name alone; version 4 adds the trainee's id (and an employee id when one was given). Its log is
 * the same as version 3's, so a version 3 scorecard is still read in full and re-checked: its trainee
 * simply has no id.
 */
export const SCORECARD_VERSION = 4;
/** The oldest scorecard version this build reads in full and can re-check (see {@link SCORECARD_VERSION}). */
export const OLDEST_FULL_SCORECARD_VERSION = 3;
/** Scorecards larger than this are refused before parsing. */
export const MAX_SCORECARD_CHARS = 8 * 1024 * 1024;

const DAY = 24 * 3_600_000;
const Ms = z
  .number()
  .int()
  .min(0)
  .max(60 * DAY);
/** A game time a trainee typed: it may fall before the shift began ("by 8 am" said at 9). */
const TypedMs = z
  .number()
  .int()
  .min(-60 * DAY)
  .max(400 * DAY);
const Id = z.string().min(1).max(80);
const Contact = z.string().regex(/^c\d{1,4}$/);
const Hash = z.string().regex(/^[0-9a-f]{64}$/);
const Localized = z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().max(4000));
const Offset = z.int().min(0).max(100_000);
const Span = z.strictObject({ start: Offset, end: Offset });

const NONSENSE_KINDS = [
  'markup',
  'repeated',
  'no-words',
] as const satisfies readonly NonsenseReading['kind'][];

const EffectSchema = z.strictObject({
  start: Offset,
  end: Offset,
  family: z.enum(PHRASE_FAMILIES),
  weight: z.number().min(-100).max(100),
  key: z.string().regex(/^[a-z_]+\.[a-z-]+$/),
});

const TypedPromiseSchema = z.strictObject({
  start: Offset,
  end: Offset,
  kind: z.enum(PROMISE_KINDS),
  vague: z.boolean(),
  dueAt: TypedMs.nullable(),
  deadline: Span.nullable(),
  hourInferred: z.boolean(),
});

/** Every event a transcript can hold, strictly. */
const EventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('persona.said'),
    at: Ms,
    contact: Contact,
    beat: Id,
    line: Localized,
    reaction: z.enum(REPLY_KINDS).optional(),
  }),
  z.strictObject({
    type: z.literal('persona.felt'),
    at: Ms,
    contact: Contact,
    mood: z.number().min(-1).max(1),
    trust: z.number().min(0).max(1),
    patience: z.number().min(0).max(1),
  }),
  z.strictObject({ type: z.literal('persona.revealed'), at: Ms, contact: Contact, fact: Id }),
  z.strictObject({
    type: z.literal('persona.levelRaised'),
    at: Ms,
    contact: Contact,
    level: z.int().min(1).max(12),
  }),
  z.strictObject({ type: z.literal('persona.moved'), at: Ms, contact: Contact, from: Id.nullable(), to: Id }),
  z.strictObject({ type: z.literal('persona.ended'), at: Ms, contact: Contact, ending: Id }),
  z.strictObject({
    type: z.literal('contact.arrived'),
    at: Ms,
    contact: Contact,
    scenario: Id,
    channel: z.enum(CHANNELS),
  }),
  z.strictObject({
    type: z.literal('contact.status'),
    at: Ms,
    contact: Contact,
    status: z.enum(CONTACT_STATUSES),
    ending: Id.nullable(),
  }),
  z.strictObject({
    type: z.literal('intent.refused'),
    at: Ms,
    intent: IntentSchema,
    reason: z.enum(REFUSAL_REASONS),
  }),
  z.strictObject({
    type: z.literal('reply.analysed'),
    at: Ms,
    contact: Contact,
    by: z.string().max(80),
    tone: z.number().min(-1).max(1),
    families: z.array(z.enum(PHRASE_FAMILIES)).max(PHRASE_FAMILIES.length),
    effects: z.array(EffectSchema).max(2000),
    promises: z.array(TypedPromiseSchema).max(200),
    toneSpans: z
      .array(
        z.strictObject({
          start: Offset,
          end: Offset,
          key: z.string().max(200),
          weight: z.number().min(-100).max(100),
        }),
      )
      .max(5000),
    nonsense: z.strictObject({ kind: z.enum(NONSENSE_KINDS), start: Offset, end: Offset }).nullable(),
  }),
  z.strictObject({
    type: z.literal('promise.made'),
    at: Ms,
    contact: Contact,
    promise: Id,
    what: z.enum(PROMISE_KINDS),
    dueAt: TypedMs.nullable(),
    from: z.enum(['tracker', 'words']),
    span: Span.nullable(),
  }),
  ...(['promise.kept', 'promise.broken'] as const).map((type) =>
    z.strictObject({
      type: z.literal(type),
      at: Ms,
      contact: Contact,
      promise: Id,
      dueAt: TypedMs.nullable(),
      by: z.enum(['fulfilled', 'tier-resolved', 'past-due']),
    }),
  ),
  z.strictObject({
    type: z.literal('promise.withdrawn'),
    at: Ms,
    contact: Contact,
    promise: Id,
    dueAt: TypedMs.nullable(),
    free: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('handoff.sent'),
    at: Ms,
    contact: Contact,
    tier: z.int().min(1).max(12),
    answerAt: Ms,
    carries: z.array(Id).max(200),
  }),
  z.strictObject({
    type: z.literal('handoff.answered'),
    at: Ms,
    contact: Contact,
    tier: z.int().min(1).max(12),
    does: z.enum(['resolves', 'returns']),
    note: Localized.nullable(),
  }),
  z.strictObject({ type: z.literal('followUp.scheduled'), at: Ms, contact: Contact, dueAt: Ms }),
  z.strictObject({ type: z.literal('shift.over'), at: Ms }),
]);

const LogEntrySchema = z.union([
  z.strictObject({
    seq: z.int().min(0),
    at: Ms,
    kind: z.literal('input'),
    input: ShiftInputSchema,
    hash: Hash,
  }),
  z.strictObject({ seq: z.int().min(0), at: Ms, kind: z.literal('event'), event: EventSchema, hash: Hash }),
]);

const Params = z.record(z.string().max(40), z.union([z.string().max(4000), z.number()]));
const EvidenceSchema = z.strictObject({
  points: z.number().min(-1000).max(1000),
  key: z.string().max(80),
  seq: z.int().min(0).nullable(),
  span: Span.nullable(),
  params: Params,
});
const Score = z.number().min(0).max(100);
const Grade = z.enum(GRADES);
const TipSchema = z.strictObject({
  dimension: z.enum(DIMENSIONS),
  key: z.string().max(80),
  seq: z.int().min(0).nullable(),
  params: Params,
});

const ScoreSchema = z.strictObject({
  contacts: z
    .array(
      z.strictObject({
        contact: Contact,
        scenario: Id,
        ending: Id.nullable(),
        dimensions: byDimension(
          z.strictObject({
            score: Score.nullable(),
            weight: z.number().min(0).max(100),
            evidence: z.array(EvidenceSchema).max(5000),
          }),
        ),
        critical: z.array(EvidenceSchema).max(5000),
        uncapped: Score.nullable(),
        overall: Score.nullable(),
        grade: Grade.nullable(),
        tips: z.array(TipSchema).max(20),
      }),
    )
    .max(200),
  dimensions: byDimension(z.strictObject({ score: Score.nullable(), weight: z.number().min(0).max(100) })),
  critical: z.array(EvidenceSchema.extend({ contact: Contact })).max(10_000),
  uncapped: Score.nullable(),
  overall: Score.nullable(),
  grade: Grade.nullable(),
  tips: z.array(TipSchema).max(20),
});

const RefSchema = z.strictObject({ id: Id, version: z.int().min(1), contentHash: Hash });
const Version = z.string().max(40);
const TraineeName = z.string().max(200);
/** Who played: a name (which may be shared, or blank), the id that tells people apart, and an employee id. */
const TraineeSchema = z.strictObject({
  name: TraineeName,
  id: TraineeIdSchema,
  employeeId: EmployeeIdSchema.optional(),
});
/** Version 3 scorecards named the trainee only. */
const Format3TraineeSchema = z.strictObject({ name: TraineeName });
const AttemptSchema = z.strictObject({
  id: z.string().max(100),
  mode: z.enum(['practice', 'shift']),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  finishedAt: z.string().max(40).nullable(),
});

const scorecardShape = {
  format: z.literal(SCORECARD_FORMAT),
  version: z.literal(SCORECARD_VERSION),
  engineVersion: Version,
  analyser: AnalyserRefSchema,
  rubricVersion: Version,
  trainee: TraineeSchema,
  attempt: AttemptSchema,
  pack: z.strictObject({ contentHash: Hash }),
  scenarios: z.array(RefSchema).min(1).max(200),
  seed: z.union([z.int(), z.string().max(200)]),
  shift: ShiftRecordSchema,
  log: z.array(LogEntrySchema).max(200_000),
  score: ScoreSchema,
};

/** The strict schema of a scorecard document; also published as `public/schema/scorecard.schema.json`. */
export const ScorecardSchema = z.strictObject(scorecardShape).meta({
  title: 'Escalation Desk scorecard',
  description:
    'One attempt: who, which scenario and rule versions, the hash-chained event log, and the scores.',
});

/** The strict schema of a version 3 scorecard: the same document, its trainee named by name alone. */
export const Format3ScorecardSchema = z.strictObject({
  ...scorecardShape,
  version: z.literal(3),
  trainee: Format3TraineeSchema,
});

/** Who played, as a scorecard records it; `id` is absent in version 3 scorecards, which had none. */
export interface ScorecardTrainee {
  readonly name: string;
  readonly id?: string | undefined;
  readonly employeeId?: string | undefined;
}

/**
 * A scorecard document this build reads in full: the current version, or version 3 (whose trainee has
 * no id). Readers treat a missing id as unknown and derive nothing from the name.
 */
export type Scorecard = Omit<z.infer<typeof ScorecardSchema>, 'version' | 'trainee'> & {
  version: typeof SCORECARD_VERSION | 3;
  trainee: ScorecardTrainee;
};
/** One hash-chained entry of a scorecard's log. */
export type LogEntry = Scorecard['log'][number];

/**
 * What every scorecard version has in common, and all that can be read of one made in an earlier
 * format: who, which attempt and scenarios, which rules, and the score it claimed.
 */
export const ScorecardSummarySchema = z.object({
  format: z.literal(SCORECARD_FORMAT),
  version: z.int().min(1),
  engineVersion: Version,
  analyser: AnalyserRefSchema.optional(),
  rubricVersion: Version,
  trainee: z.object({
    name: TraineeName,
    id: TraineeIdSchema.optional(),
    employeeId: EmployeeIdSchema.optional(),
  }),
  attempt: AttemptSchema,
  scenarios: z.array(RefSchema).min(1).max(200),
  score: z.object({ overall: Score.nullable(), grade: Grade.nullable() }),
});

/** The common part of every scorecard version (see {@link ScorecardSummarySchema}). */
export type ScorecardSummary = z.infer<typeof ScorecardSummarySchema>;

/** Who played and which attempt this was; the rest of a scorecard comes from the transcript. */
export interface AttemptInfo {
  /** Who played: their name, id and (when they gave one) employee id. */
  readonly trainee: { readonly name: string; readonly id: string; readonly employeeId?: string | null };
  readonly attemptId: string;
  readonly language: string;
  /** When the attempt finished, as an ISO date from the injected clock; null if unknown. */
  readonly finishedAt: string | null;
}

/** Everything in a scorecard but its log and score: what the hash chain starts from. */
export type ScorecardHeader = Omit<Scorecard, 'log' | 'score'>;

function genesis(header: ScorecardHeader): string {
  return contentHash(canonicalJson(header));
}

/** Hashes the log into a chain starting from the header: each entry's hash covers all before it. */
export function chainLog(header: ScorecardHeader, entries: readonly TranscriptEntry[]): LogEntry[] {
  let previous = genesis(header);
  return entries.map((entry) => {
    previous = chainHash(previous, canonicalJson(entry));
    return { ...entry, hash: previous } as LogEntry;
  });
}

function headerOf(
  transcript: Transcript,
  scenarios: readonly Scenario[],
  info: AttemptInfo,
): ScorecardHeader {
  const played = scenarios.filter((s) => transcript.scenarios.some((r) => r.id === s.id));
  const first = played[0];
  if (!first) throw new RangeError('None of the transcript’s scenarios is loaded.');
  return {
    format: SCORECARD_FORMAT,
    version: SCORECARD_VERSION,
    engineVersion: transcript.engineVersion,
    analyser: { id: transcript.analyser.id, version: transcript.analyser.version },
    rubricVersion: RUBRIC_VERSION,
    trainee: {
      name: info.trainee.name,
      id: info.trainee.id,
      ...(info.trainee.employeeId ? { employeeId: info.trainee.employeeId } : {}),
    },
    attempt: {
      id: info.attemptId,
      mode: transcript.shift.id.startsWith('practice-') ? 'practice' : 'shift',
      language: info.language,
      finishedAt: info.finishedAt,
    },
    pack: { contentHash: first.packHash },
    scenarios: transcript.scenarios.map((r) => ({
      id: r.id,
      version: r.version,
      contentHash: r.contentHash,
    })),
    seed: transcript.seed,
    shift: transcript.shift as ScorecardHeader['shift'],
  };
}

/** Builds the scorecard of a transcript: its header, its hash-chained log and its scores. */
export function createScorecard(
  transcript: Transcript,
  scenarios: readonly Scenario[],
  info: AttemptInfo,
): Scorecard {
  const header = headerOf(transcript, scenarios, info);
  return {
    ...header,
    log: chainLog(header, transcript.entries),
    score: scoreAttempt(scenarios, transcript) as unknown as Scorecard['score'],
  };
}

/**
 * The id a trainee known only by name is given (the simulator's test teams): `named-` and the first 32
 * hex digits of the SHA-256 of the name, so the same name always gives the same id and no random UUID
 * (8-4-4-4-12 hex digits) can ever be mistaken for one.
 */
export function traineeIdFromName(name: string): string {
  return `named-${contentHash(name.normalize('NFC')).slice(0, 32)}`;
}

/** The transcript a scorecard's log holds. */
export function transcriptOf(scorecard: Scorecard): Transcript {
  return {
    engineVersion: scorecard.engineVersion,
    analyser: scorecard.analyser,
    seed: scorecard.seed,
    shift: scorecard.shift,
    scenarios: scorecard.scenarios,
    entries: scorecard.log.map(({ hash: _hash, ...entry }) => entry as TranscriptEntry),
  };
}

/** A scorecard as pretty-printed JSON, ready to save or export. */
export function scorecardToJson(scorecard: Scorecard): string {
  return `${JSON.stringify(scorecard, null, 2)}\n`;
}
