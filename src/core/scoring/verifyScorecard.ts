/**
 * Verifying a scorecard: its hash chain, then a replay of its log (every recorded event, every
 * judgement included, must come out again), then its score computed afresh from that log. Because the
 * engine, the analyser and the rubric are deterministic, an edited score or log shows exactly where.
 * A scorecard made with an engine, analyser, rubric or format this build does not have is said to be
 * so ("cannot re-check"), never "differs": an honest scorecard is not called edited because the rules
 * moved on.
 */
import { type Analyser, analyserStamp } from '../engine/analyser';
import { replayTranscript, versionProblem } from '../engine/replayTranscript';
import { ENGINE_VERSION, type ScenarioRef } from '../engine/session';
import { fail, type Result, succeed } from '../result';
import type { Scenario } from '../scenario/types';
import type { ReadScorecard } from './readScorecard';
import { isKnownRuleSet, RULE_SETS, type RuleSet } from './ruleVersions';
import { RUBRIC_VERSION, scoreAttempt } from './scoreAttempt';
import {
  chainLog,
  OLDEST_FULL_SCORECARD_VERSION,
  SCORECARD_VERSION,
  type Scorecard,
  transcriptOf,
} from './scorecard';

/** What this build can re-check: its analyser (the engine and rubric are those it was built with). */
export interface VerifyOptions {
  readonly analyser: Analyser;
  /** The rule sets builds have made scorecards with; {@link RULE_SETS} when absent. */
  readonly ruleSets?: readonly RuleSet[];
}

/** A part of the rules a scorecard records the version of. */
export type RuleComponent = 'format' | 'engine' | 'analyser' | 'rubric';

/** Why a scorecard does not verify. */
export type VerifyProblem =
  | {
      /** The scorecard disagrees with its own replay at `field` (`score.overall`, `log[12]`, `log[3].hash`). */
      readonly code: 'differs';
      readonly message: string;
      readonly field: string;
      readonly recorded: unknown;
      readonly computed: unknown;
    }
  | { readonly code: 'scenario-unavailable'; readonly message: string; readonly scenario: ScenarioRef }
  | {
      /** Made with rules this build does not have; `logVerified` when the log itself was still checked. */
      readonly code: 'cannot-recheck';
      readonly message: string;
      readonly component: RuleComponent;
      readonly made: string;
      readonly current: string;
      readonly logVerified: boolean;
    };

/** The outcome of {@link verifyScorecard}: the verified scorecard, or every reason it is not. */
export type Verification = Result<Scorecard, VerifyProblem>;

/** The one word a list of scorecards shows for a verification. */
export type Verdict = 'verified' | VerifyProblem['code'];

/** The verdict of a verification: verified, differs, cannot-recheck or scenario-unavailable. */
export function verdictOf(verification: Verification): Verdict {
  if (verification.ok) return 'verified';
  const codes = new Set(verification.problems.map((p) => p.code));
  if (codes.has('differs')) return 'differs';
  if (codes.has('cannot-recheck')) return 'cannot-recheck';
  return 'scenario-unavailable';
}

const MAX_DIFFERENCES = 20;

type Difference = Extract<VerifyProblem, { code: 'differs' }>;

function difference(field: string, recorded: unknown, computed: unknown): Difference {
  return { code: 'differs', message: `${field} differs from its replay.`, field, recorded, computed };
}

function compare(recorded: unknown, computed: unknown, field: string, out: Difference[]): void {
  if (out.length >= MAX_DIFFERENCES) return;
  if (recorded === computed) return;
  const bothObjects =
    recorded !== null && computed !== null && typeof recorded === 'object' && typeof computed === 'object';
  if (!bothObjects || Array.isArray(recorded) !== Array.isArray(computed)) {
    out.push(difference(field, recorded, computed));
    return;
  }
  if (Array.isArray(recorded) && Array.isArray(computed)) {
    if (recorded.length !== computed.length) {
      out.push(difference(`${field}.length`, recorded.length, computed.length));
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

function cannotRecheck(
  component: RuleComponent,
  made: string,
  current: string,
  logVerified: boolean,
): Extract<VerifyProblem, { code: 'cannot-recheck' }> {
  const what = component === 'format' ? 'scorecard format' : component;
  return {
    code: 'cannot-recheck',
    message: logVerified
      ? `Its log verifies, but its score was made with ${what} ${made}, which this build (${what} ${current}) cannot re-check.`
      : `Made with ${what} ${made}, which this build (${what} ${current}) cannot re-check.`,
    component,
    made,
    current,
    logVerified,
  };
}

function rulesOf(card: {
  readonly version: number;
  readonly engineVersion: string;
  readonly analyser?: { readonly id: string; readonly version: string } | undefined;
  readonly rubricVersion: string;
}): RuleSet {
  return {
    format: card.version,
    engine: card.engineVersion,
    analyser: card.analyser ? analyserStamp(card.analyser) : null,
    rubric: card.rubricVersion,
  };
}

/** The difference a claim of rules no build ever had makes: the versions themselves were edited. */
function unknownRules(rules: RuleSet): Difference {
  return {
    code: 'differs',
    message: `No build made scorecards in format ${rules.format} with engine ${rules.engine}, analyser ${rules.analyser ?? 'none'} and rubric ${rules.rubric}: the versions were edited.`,
    field: 'version',
    recorded: rules,
    computed: 'a set of rules a build had',
  };
}

/**
 * Checks a scorecard against the scenarios it names (found among `scenarios` by id, content hash and
 * pack): its claimed rules, its hash chain, a replay of its inputs, the header fields the replay can
 * vouch for, and the score computed again from the exact scenario versions played. Returns the
 * scorecard when all agree; otherwise the exact differences, the scenario versions that are missing,
 * or the rules it was made with that this build cannot re-check.
 *
 * The hash chain is not signed: it catches a log or header edited without the hashes being worked out
 * again. An edit that recomputes them is caught wherever the replay or the rescoring disagrees; who
 * played and when (the trainee's name, the attempt's id and dates) cannot be proved by replay at all.
 */
export function verifyScorecard(
  read: ReadScorecard | Scorecard,
  scenarios: readonly Scenario[],
  options: VerifyOptions,
): Verification {
  if ('current' in read && !read.current) {
    const { summary } = read;
    const rules = rulesOf(summary);
    if (!isKnownRuleSet(rules, options.ruleSets)) return fail([unknownRules(rules)]);
    if (summary.version < OLDEST_FULL_SCORECARD_VERSION) {
      const problem = cannotRecheck('format', String(summary.version), String(SCORECARD_VERSION), false);
      return fail([
        {
          ...problem,
          message: `Made in scorecard format ${summary.version} by engine ${summary.engineVersion}, which this build (format ${SCORECARD_VERSION}, engine ${ENGINE_VERSION}) cannot re-check.`,
        },
      ]);
    }
    return fail([cannotRecheck('engine', summary.engineVersion, ENGINE_VERSION, false)]);
  }
  const scorecard = 'current' in read ? read.scorecard : read;
  const rules = rulesOf(scorecard);
  if (!isKnownRuleSet(rules, options.ruleSets)) return fail([unknownRules(rules)]);
  const { log, score, ...header } = scorecard;
  const differences: Difference[] = [];
  // The chain depends on the format alone, so it is checked whatever rules made the scorecard.
  const transcript = transcriptOf(scorecard);
  const rechained = chainLog(header, transcript.entries);
  const broken = rechained.findIndex((entry, i) => entry.hash !== log[i]?.hash);
  if (broken >= 0)
    differences.push(difference(`log[${broken}].hash`, log[broken]?.hash, rechained[broken]?.hash));
  const version = versionProblem(scorecard, options.analyser);
  if (version) {
    if (differences.length > 0) return fail(differences);
    const component = version.code === 'engine-version' ? 'engine' : 'analyser';
    return fail([cannotRecheck(component, version.made, version.current, false)]);
  }
  const ofPack = scenarios.filter((s) => s.packHash === scorecard.pack.contentHash);
  const replay = replayTranscript(transcript, ofPack, options.analyser);
  if (!replay.ok) {
    for (const p of replay.problems) {
      if (p.code === 'diverged') differences.push(difference(`log[${p.seq}]`, p.expected, p.actual));
    }
    if (differences.length > 0) return fail(differences);
    return fail(
      replay.problems.flatMap((p) =>
        p.code === 'scenario-unavailable' ? [{ code: p.code, message: p.message, scenario: p.scenario }] : [],
      ),
    );
  }
  // Scored with the exact versions the replay played, not any other version of the same scenario.
  const played = replay.value.options.scenarios;
  scorecard.scenarios.forEach((ref, i) => {
    const version = played.find((s) => s.id === ref.id)?.version;
    if (version !== ref.version) compare(ref.version, version, `scenarios[${i}].version`, differences);
  });
  const mode = scorecard.shift.id.startsWith('practice-') ? 'practice' : 'shift';
  compare(scorecard.attempt.mode, mode, 'attempt.mode', differences);
  if (scorecard.rubricVersion !== RUBRIC_VERSION) {
    if (differences.length > 0) return fail(differences);
    return fail([cannotRecheck('rubric', scorecard.rubricVersion, RUBRIC_VERSION, true)]);
  }
  compare(score, scoreAttempt(played, transcript), 'score', differences);
  return differences.length === 0 ? succeed(scorecard) : fail(differences);
}
