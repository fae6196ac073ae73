/**
 * Scorecards: the versioned JSON document an attempt ends in. It names the trainee, the attempt, the
 * pack and scenario versions (with content hashes), the engine and rubric versions and the seed, and
 * holds the whole transcript as a hash chain, the scores with their evidence, the grade and the tips.
 * Because the engine and the rubric are deterministic, {@link verifyScorecard} replays the log and
 * scores it again: a scorecard whose score or log was edited shows exactly where. Loading one is
 * untrusted input: size-capped, strictly validated, and every problem located by line and field.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { canonicalJson } from '../canonicalJson';
import { contentHash } from '../contentHash';
import { IntentSchema, type RefusalReason } from '../engine/intents';
import {
  ENGINE_VERSION,
  replayTranscript,
  type ScenarioRef,
  ShiftInputSchema,
  ShiftRecordSchema,
  type Transcript,
  type TranscriptEntry,
} from '../engine/session';
import { byDimension, CHANNELS, DIMENSIONS } from '../scenario/schema';
import type { Scenario } from '../scenario/types';
import { RUBRIC_VERSION, scoreAttempt } from './scoreAttempt';
import { GRADES } from './scoringRules';

/** The `format` tag of every scorecard. */
export const SCORECARD_FORMAT = 'escalation-desk/scorecard';
/** The scorecard document's version. */
export const SCORECARD_VERSION = 1;
/** Scorecards larger than this are refused before parsing. */
export const MAX_SCORECARD_CHARS = 8 * 1024 * 1024;

const Ms = z
  .number()
  .int()
  .min(0)
  .max(60 * 24 * 3_600_000);
const Id = z.string().min(1).max(80);
const Contact = z.string().regex(/^c\d{1,4}$/);
const Hash = z.string().regex(/^[0-9a-f]{64}$/);
const Localized = z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().max(4000));
const REFUSALS = [
  'unknown-contact',
  'contact-not-open',
  'contact-ended',
  'on-another-call',
  'clock-mismatch',
  'unknown-choice',
  'unknown-fact',
  'beyond-authority',
  'not-above-your-tier',
  'tier-outside-ladder',
  'unknown-promise',
  'promise-settled',
  'due-in-the-past',
  'not-on-hold',
  'too-many-chats',
  'invalid-intent',
  'already-on-hold',
  'shift-over',
] as const satisfies readonly RefusalReason[];

/** Every event a transcript can hold, strictly. */
const EventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('persona.said'), at: Ms, contact: Contact, beat: Id, line: Localized }),
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
    status: z.enum(['queued', 'open', 'held', 'ended']),
  }),
  z.strictObject({
    type: z.literal('intent.refused'),
    at: Ms,
    intent: IntentSchema,
    reason: z.enum(REFUSALS),
  }),
  z.strictObject({
    type: z.literal('reply.analysed'),
    at: Ms,
    contact: Contact,
    tone: z.number().min(-1).max(1),
    families: z.array(Id).max(20),
  }),
  ...(['promise.made', 'promise.kept', 'promise.broken'] as const).map((type) =>
    z.strictObject({ type: z.literal(type), at: Ms, contact: Contact, promise: Id, dueAt: Ms }),
  ),
  z.strictObject({
    type: z.literal('handoff.sent'),
    at: Ms,
    contact: Contact,
    tier: z.int().min(1).max(12),
    answerAt: Ms,
  }),
  z.strictObject({
    type: z.literal('handoff.answered'),
    at: Ms,
    contact: Contact,
    tier: z.int().min(1).max(12),
    does: z.enum(['resolves', 'returns']),
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
  span: z.strictObject({ start: z.int().min(0), end: z.int().min(0) }).nullable(),
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
        overall: Score.nullable(),
        grade: Grade.nullable(),
        tips: z.array(TipSchema).max(20),
      }),
    )
    .max(200),
  dimensions: byDimension(z.strictObject({ score: Score.nullable(), weight: z.number().min(0).max(100) })),
  overall: Score.nullable(),
  grade: Grade.nullable(),
  tips: z.array(TipSchema).max(20),
});

const RefSchema = z.strictObject({ id: Id, version: z.int().min(1), contentHash: Hash });

/** The strict schema of a scorecard document; also published as `public/schema/scorecard.schema.json`. */
export const ScorecardSchema = z
  .strictObject({
    format: z.literal(SCORECARD_FORMAT),
    version: z.literal(SCORECARD_VERSION),
    engineVersion: z.string().max(20),
    rubricVersion: z.string().max(20),
    trainee: z.strictObject({ name: z.string().max(200) }),
    attempt: z.strictObject({
      id: z.string().max(100),
      mode: z.enum(['practice', 'shift']),
      language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
      finishedAt: z.string().max(40).nullable(),
    }),
    pack: z.strictObject({ contentHash: Hash }),
    scenarios: z.array(RefSchema).min(1).max(200),
    seed: z.union([z.int(), z.string().max(200)]),
    shift: ShiftRecordSchema,
    log: z.array(LogEntrySchema).max(200_000),
    score: ScoreSchema,
  })
  .meta({
    title: 'Escalation Desk scorecard',
    description: 'One attempt: who, which scenario versions, the hash-chained event log, and the scores.',
  });

/** A scorecard document. */
export type Scorecard = z.infer<typeof ScorecardSchema>;
/** One hash-chained entry of a scorecard's log. */
export type LogEntry = Scorecard['log'][number];

/** Who played and which attempt this was; the rest of a scorecard comes from the transcript. */
export interface AttemptInfo {
  readonly trainee: string;
  readonly attemptId: string;
  readonly language: string;
  /** When the attempt finished, as an ISO date from the injected clock; null if unknown. */
  readonly finishedAt: string | null;
}

type Header = Omit<Scorecard, 'log' | 'score'>;

function genesis(header: Header): string {
  return contentHash(canonicalJson(header));
}

function chain(header: Header, entries: readonly TranscriptEntry[]): LogEntry[] {
  let previous = genesis(header);
  return entries.map((entry) => {
    previous = contentHash(previous + canonicalJson(entry));
    return { ...entry, hash: previous } as LogEntry;
  });
}

function headerOf(transcript: Transcript, scenarios: readonly Scenario[], info: AttemptInfo): Header {
  const played = scenarios.filter((s) => transcript.scenarios.some((r) => r.id === s.id));
  const first = played[0];
  if (!first) throw new RangeError('None of the transcript’s scenarios is loaded.');
  return {
    format: SCORECARD_FORMAT,
    version: SCORECARD_VERSION,
    engineVersion: transcript.engineVersion,
    rubricVersion: RUBRIC_VERSION,
    trainee: { name: info.trainee },
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
    shift: transcript.shift as Header['shift'],
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
    log: chain(header, transcript.entries),
    score: scoreAttempt(scenarios, transcript) as Scorecard['score'],
  };
}

/** A scorecard as pretty-printed JSON, ready to save or export. */
export function scorecardToJson(scorecard: Scorecard): string {
  return `${JSON.stringify(scorecard, null, 2)}\n`;
}

/** A problem with a scorecard file: where it is (line, field) and what to do. */
export interface ScorecardProblem {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** The outcome of {@link parseScorecard}. */
export type ParseScorecardResult =
  | { readonly ok: true; readonly scorecard: Scorecard }
  | { readonly ok: false; readonly problem: ScorecardProblem };

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The line a JSON path starts on, found by reading the text again with positions (only on failure). */
function lineOfPath(text: string, path: readonly PropertyKey[]): number {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * Reads a scorecard from untrusted text: size-capped, parsed, and validated strictly. A problem names
 * the file, the line and the field, and says what is wrong.
 */
export function parseScorecard(text: string, file: string): ParseScorecardResult {
  const fail = (line: number, field: string, message: string): ParseScorecardResult => ({
    ok: false,
    problem: { file, line, field, message },
  });
  if (typeof text !== 'string' || text.trim() === '')
    return fail(1, '', 'The file is empty; export the scorecard again.');
  if (text.length > MAX_SCORECARD_CHARS) {
    return fail(
      1,
      '',
      `The file is larger than ${MAX_SCORECARD_CHARS / 1024 / 1024} MiB; it is not a scorecard.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    return fail(
      at ? lineOf(text, Number(at[1])) : 1,
      '',
      'The file is not valid JSON (it may have been cut short or edited by hand); export the scorecard again.',
    );
  }
  if (
    raw !== null &&
    typeof raw === 'object' &&
    !Array.isArray(raw) &&
    (raw as { format?: unknown }).format !== SCORECARD_FORMAT
  ) {
    return fail(
      lineOfPath(text, ['format']),
      'format',
      `This is not a scorecard: \`format\` must be "${SCORECARD_FORMAT}".`,
    );
  }
  const parsed = ScorecardSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const { path, message } = issue ? deepestIssue(issue, []) : { path: [], message: 'Invalid value' };
    return fail(
      lineOfPath(text, path),
      fieldName(path),
      `${message}. A scorecard is written by the game; export it again rather than editing it.`,
    );
  }
  return { ok: true, scorecard: parsed.data };
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly errors?: readonly (readonly IssueLike[])[];
}

/** For a value that fits none of a union's shapes, the problem in the shape it came closest to. */
function deepestIssue(
  issue: IssueLike,
  prefix: readonly PropertyKey[],
): { path: PropertyKey[]; message: string } {
  const here = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return { path: here, message: issue.message };
  let best: { path: PropertyKey[]; message: string } | null = null;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    const candidate = deepestIssue(first, here);
    if (!best || candidate.path.length > best.path.length) best = candidate;
  }
  return best ?? { path: here, message: issue.message };
}

/** One place where a scorecard disagrees with its own replay. */
export interface Difference {
  /** The field, as a path into the scorecard (`score.overall`, `log[12].event`, `log[3].hash`). */
  readonly field: string;
  readonly recorded: unknown;
  readonly computed: unknown;
}

/** The outcome of {@link verifyScorecard}. */
export type Verification =
  | { readonly status: 'verified' }
  | { readonly status: 'differs'; readonly differences: readonly Difference[] }
  | { readonly status: 'scenario-unavailable'; readonly missing: readonly ScenarioRef[] }
  | { readonly status: 'engine-version'; readonly recorded: string; readonly current: string };

const MAX_DIFFERENCES = 20;

function compare(recorded: unknown, computed: unknown, field: string, out: Difference[]): void {
  if (out.length >= MAX_DIFFERENCES) return;
  if (recorded === computed) return;
  const bothObjects =
    recorded !== null && computed !== null && typeof recorded === 'object' && typeof computed === 'object';
  if (!bothObjects || Array.isArray(recorded) !== Array.isArray(computed)) {
    out.push({ field, recorded, computed });
    return;
  }
  if (Array.isArray(recorded) && Array.isArray(computed)) {
    if (recorded.length !== computed.length) {
      out.push({ field: `${field}.length`, recorded: recorded.length, computed: computed.length });
    }
    for (let i = 0; i < Math.min(recorded.length, computed.length); i += 1) {
      compare(recorded[i], computed[i], `${field}[${i}]`, out);
    }
    return;
  }
  const a = recorded as Record<string, unknown>;
  const b = computed as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    compare(a[key], b[key], field ? `${field}.${key}` : key, out);
  }
}

/**
 * Checks a scorecard against the scenarios it names: the hash chain, then a replay of its inputs (every
 * recorded event must come out again), then the score computed afresh. Returns verified, the exact
 * differences, or that a scenario version (or the engine version) it needs is not available.
 */
export function verifyScorecard(scorecard: Scorecard, scenarios: readonly Scenario[]): Verification {
  if (scorecard.engineVersion !== ENGINE_VERSION) {
    return { status: 'engine-version', recorded: scorecard.engineVersion, current: ENGINE_VERSION };
  }
  const missing = scorecard.scenarios.filter(
    (ref) =>
      !scenarios.some(
        (s) =>
          s.id === ref.id && s.contentHash === ref.contentHash && s.packHash === scorecard.pack.contentHash,
      ),
  );
  if (missing.length > 0) return { status: 'scenario-unavailable', missing };

  const { log, score, ...header } = scorecard;
  const differences: Difference[] = [];
  if (scorecard.rubricVersion !== RUBRIC_VERSION) {
    differences.push({ field: 'rubricVersion', recorded: scorecard.rubricVersion, computed: RUBRIC_VERSION });
  }
  const entries = log.map(({ hash: _hash, ...entry }) => entry as TranscriptEntry);
  const rechained = chain(header, entries);
  const broken = rechained.findIndex((entry, i) => entry.hash !== log[i]?.hash);
  if (broken >= 0) {
    differences.push({
      field: `log[${broken}].hash`,
      recorded: log[broken]?.hash,
      computed: rechained[broken]?.hash,
    });
  }
  const transcript: Transcript = {
    engineVersion: scorecard.engineVersion,
    seed: scorecard.seed,
    shift: scorecard.shift,
    scenarios: scorecard.scenarios,
    entries,
  };
  const replay = replayTranscript(transcript, scenarios);
  if (!replay.ok) {
    if (replay.reason === 'diverged') {
      differences.push({ field: `log[${replay.seq}]`, recorded: replay.expected, computed: replay.actual });
    } else if (replay.reason === 'scenario-unavailable') {
      return { status: 'scenario-unavailable', missing: replay.missing };
    }
    return { status: 'differs', differences };
  }
  compare(score, scoreAttempt(scenarios, transcript), 'score', differences);
  return differences.length === 0 ? { status: 'verified' } : { status: 'differs', differences };
}
