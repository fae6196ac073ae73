import { lexiconAnalyser } from '../analysis/lexiconAnalyser';
import type { Analyser } from '../engine/analyser';
import type { Intent } from '../engine/intents';
import { checkPersonaStart } from '../engine/personaStart';
import { practiceShift } from '../engine/practiceShift';
import { ShiftSession } from '../engine/session';
import type { ShiftEmitted } from '../engine/shiftSteps';
import { fail, type Result, succeed } from '../result';
import { durationToMs } from '../scenario/durations';
import { type Position, type Problem, problem } from '../scenario/problems';
import { readYaml } from '../scenario/readYaml';
import { validateAgainst } from '../scenario/schemaProblems';
import type { Dimension, Pack, Scenario, Shift } from '../scenario/types';
import { CRITICAL_KEYS } from '../scoring/critical';
import { type AttemptScore, scoreAttempt } from '../scoring/scoreAttempt';
import { HumanClock } from './humanTiming';
import { PlaythroughFileSchema, type StepFile } from './schema';

/** One expectation of a playthrough, checked. */
export interface Check {
  readonly ok: boolean;
  readonly message: string;
  readonly at: Position;
}

/** A played playthrough: the session it drove, each expectation checked, and whether all of them passed. */
export interface PlaythroughRun {
  readonly file: string;
  readonly title: string;
  readonly language: string;
  /** The scenarios played, in order of arrival (one for a practice run). */
  readonly scenarios: readonly Scenario[];
  readonly session: ShiftSession;
  readonly checks: readonly Check[];
  readonly passed: boolean;
  /** The attempt scored by the rubric. */
  readonly score: AttemptScore;
  /** Played at a person's speed: the real milliseconds it took. Null when played at its written times. */
  readonly realMs: number | null;
  /** How many times a tier had answered before each step was taken (a person's run waits as long). */
  readonly tierAnswersBefore: readonly number[];
}

/** The outcome of {@link runPlaythrough}: the run, or the located problems that stopped it being played. */
export type RunPlaythroughResult = Result<PlaythroughRun, Problem>;

/** The final expectations a run timed by a person must still meet: how it came out. */
const OUTCOME_CHECKS: ReadonlySet<string> = new Set([
  'ending',
  'endings',
  'refusals',
  'grade',
  'score',
  'critical',
]);

const ACTION_KEYS = [
  'reply',
  'choice',
  'do',
  'ask',
  'offer',
  'promise',
  'fulfil',
  'withdraw',
  'escalate',
  'follow_up',
  'wait',
] as const;

/**
 * Reads a playthrough file and plays it headlessly against the pack's scenarios: each step becomes a
 * timed intent (or a wait), each `expect` is checked. The file's own problems come back located, like
 * a scenario's; failed expectations come back as checks, also located.
 */
export function runPlaythrough(
  text: string,
  options: {
    file: string;
    pack: Pack;
    scenarios: readonly Scenario[];
    shifts?: readonly Shift[];
    /** The analyser that reads the trainee's words; the shipped one when absent. */
    analyser?: Analyser;
    /**
     * `human`: play each step when a person would get to it (see `humanTiming`), at the shift's
     * pace, instead of at its written time; only the outcome is checked (endings, refusals, grade
     * and score), since the moments in between move with the timing.
     */
    timing?: 'written' | 'human';
  },
): RunPlaythroughResult {
  const read = readYaml(text, options.file);
  if (!read.ok) return read;
  const valid = validateAgainst(PlaythroughFileSchema, read.value);
  if (!valid.ok) return valid;
  const source = valid.value;
  const yaml = read.value;
  const problems: Problem[] = [];
  const missing = (what: 'scenario' | 'shift', id: string) => {
    problems.push(
      problem(
        'unknown-scenario',
        `There is no ${what} \`${id}\` in the pack.`,
        options.file,
        yaml.locate([what]),
      ),
    );
  };
  let shift: Shift | null = null;
  if ((source.scenario === undefined) === (source.shift === undefined)) {
    problems.push(
      problem(
        'missing-field',
        'Name the `scenario` played, or the `shift`, not both.',
        options.file,
        yaml.locate([]),
      ),
    );
  } else if (source.scenario !== undefined) {
    const scenario = options.scenarios.find((s) => s.id === source.scenario);
    const start = scenario && source.from && checkPersonaStart(scenario, source.from);
    for (const p of start && !start.ok ? start.problems : []) {
      const path = ['from', p.field, ...(p.index === undefined ? [] : [p.index])];
      const code = p.code === 'ending-beat' ? 'invalid-value' : p.code;
      problems.push(problem(code, p.message, options.file, yaml.locate(path)));
    }
    if (scenario) shift = practiceShift(scenario, source.from);
    else missing('scenario', source.scenario);
  } else {
    shift = options.shifts?.find((s) => s.id === source.shift) ?? null;
    if (!shift) missing('shift', source.shift ?? '');
    if (source.from !== undefined) {
      problems.push(
        problem(
          'invalid-value',
          '`from` starts one scenario from a beat; a shift always starts at the beginning. Name the `scenario` instead, or remove `from`.',
          options.file,
          yaml.locateKey([], 'from'),
        ),
      );
    }
  }
  source.steps.forEach((step, index) => {
    const actions = ACTION_KEYS.filter((k) => step[k] !== undefined);
    if (actions.length > 1) {
      problems.push(
        problem(
          'step-conflict',
          `This step does ${actions.map((a) => `\`${a}\``).join(' and ')}; a step does one thing. Split it into steps.`,
          options.file,
          actions
            .map((a) => yaml.locateKey(['steps', index], a))
            .reduce((last, at) =>
              at.line > last.line || (at.line === last.line && at.col > last.col) ? at : last,
            ),
        ),
      );
    }
  });
  if (!shift || problems.length > 0) return fail(problems);
  const played = shift.arrivals.flatMap((a) => options.scenarios.filter((s) => s.id === a.scenario));

  const language = source.language ?? options.pack.languages[0] ?? 'en';
  const session = new ShiftSession({
    scenarios: played,
    shift,
    seed: source.seed ?? 1,
    analyser: options.analyser ?? lexiconAnalyser,
  });
  const human = options.timing === 'human';
  const checks: Check[] = [];
  const check = (ok: boolean, message: string, path: (string | number)[]) => {
    // Timed by a person, only the outcome is held to the file: the moments in between move.
    if (human && (path[0] === 'steps' || !OUTCOME_CHECKS.has(String(path[1])))) return;
    checks.push({ ok, message, at: yaml.locate(path) });
  };
  const person = human ? new HumanClock(session, language) : null;
  // Timed by a person, the written times give way to reading and typing, but what the file waited for
  // still comes first: before each step, the tiers have answered as often as they had when it was
  // played at its written times.
  const answersBefore = human ? tierAnswersBeforeEachStep(text, options) : [];
  const tierAnswersBefore: number[] = [];
  const keptLater = (from: number) =>
    new Set(source.steps.slice(from).flatMap((s) => (s.fulfil === undefined ? [] : [s.fulfil])));

  for (const [index, step] of source.steps.entries()) {
    const path = ['steps', index];
    const emitted: ShiftEmitted[] = [];
    if (person) {
      emitted.push(...person.getTo(step));
      const answered = () => session.events.filter((e) => e.type === 'handoff.answered').length;
      for (let at = session.nextEventAt; answered() < (answersBefore[index] ?? 0) && at !== null; ) {
        person.waits(at - session.now);
        emitted.push(...advance(session, at - session.now));
        at = session.nextEventAt;
      }
    }
    if (step.at !== undefined && !human) {
      const target = durationToMs(step.at);
      if (target < session.now) {
        check(false, `This step is at ${clock(target)}, but the clock already reads ${clock(session.now)}.`, [
          ...path,
          'at',
        ]);
      }
      emitted.push(...advance(session, target - session.now));
    }
    if (step.wait !== undefined) {
      const ms = durationToMs(step.wait);
      const gap = person ? waitLimit(session, keptLater(index), ms) : ms;
      person?.waits(gap);
      emitted.push(...advance(session, gap));
    }
    tierAnswersBefore.push(session.events.filter((e) => e.type === 'handoff.answered').length);
    const contact = step.contact ?? 'c1';
    const intent = toIntent(step, session, contact, language);
    if (intent) emitted.push(...session.send({ type: 'trainee.intent', intent }));
    if (step.expect) checkStep(step.expect, emitted, session, contact, language, [...path, 'expect'], check);
  }

  const expect = source.expect;
  for (const [contactId, ending] of Object.entries(expect.endings ?? {})) {
    const contact = session.context.contacts.find((c) => c.id === contactId);
    const actual = contact?.ending ? `ended ${contact.ending}` : 'has not ended';
    check(contact?.ending === ending, `${contactId} should end ${ending}; it ${actual}.`, [
      'expect',
      'endings',
      contactId,
    ]);
  }
  const c1 = session.context.contacts.find((c) => c.id === 'c1');
  const path = session.events.flatMap((e) =>
    e.type === 'persona.moved' && e.contact === 'c1' ? [e.to] : [],
  );
  if (expect.ending !== undefined) {
    check(
      c1?.ending === expect.ending,
      `The contact should end ${expect.ending}; it ${c1?.ending ? `ended ${c1.ending}` : 'has not ended'}.`,
      ['expect', 'ending'],
    );
  }
  if (expect.path !== undefined) {
    check(
      JSON.stringify(path) === JSON.stringify(expect.path),
      `The path should be ${expect.path.join(' → ')}; it was ${path.join(' → ')}.`,
      ['expect', 'path'],
    );
  }
  for (const [i, beat] of (expect.never ?? []).entries()) {
    check(!path.includes(beat), `Beat \`${beat}\` should never be reached; it was.`, ['expect', 'never', i]);
  }
  if (expect.level !== undefined) {
    const level = c1?.persona.context.level;
    check(
      level === expect.level,
      `The case should need level ${expect.level} at the end; it needs ${level}.`,
      ['expect', 'level'],
    );
  }
  if (expect.refusals !== undefined) {
    const refusals = session.events.filter((e) => e.type === 'intent.refused').length;
    check(
      refusals === expect.refusals,
      `There should be ${expect.refusals} refused steps; there were ${refusals}.`,
      ['expect', 'refusals'],
    );
  }
  const score = scoreAttempt(options.scenarios, session.transcript);
  if (expect.grade !== undefined) {
    const grades = Array.isArray(expect.grade) ? expect.grade : [expect.grade];
    check(
      score.grade !== null && grades.includes(score.grade),
      `The grade should be ${grades.join(' or ')}; it is ${score.grade ?? 'none'} (${score.overall ?? '–'}).`,
      ['expect', 'grade'],
    );
  }
  const inBand = (value: number | null, band: { min?: number; max?: number }) =>
    value !== null && value >= (band.min ?? 0) && value <= (band.max ?? 100);
  const describeBand = (band: { min?: number; max?: number }) => `${band.min ?? 0}–${band.max ?? 100}`;
  if (expect.score !== undefined) {
    check(
      inBand(score.overall, expect.score),
      `The overall score should be ${describeBand(expect.score)}; it is ${score.overall ?? 'none'}.`,
      ['expect', 'score'],
    );
  }
  if (expect.critical !== undefined) {
    const made = [...new Set(score.critical.map((e) => CRITICAL_KEYS[e.key]))].sort();
    const wanted = [...new Set(expect.critical)].sort();
    check(
      made.join() === wanted.join(),
      `The critical errors should be ${wanted.join(', ') || 'none'}; they are ${made.join(', ') || 'none'}.`,
      ['expect', 'critical'],
    );
  }
  for (const [dimension, band] of Object.entries(expect.dimensions ?? {}) as [
    Dimension,
    { min?: number; max?: number },
  ][]) {
    const value = score.dimensions[dimension].score;
    check(
      inBand(value, band),
      `The ${dimension.replace('_', ' ')} score should be ${describeBand(band)}; it is ${value ?? 'not applicable'}.`,
      ['expect', 'dimensions', dimension],
    );
  }
  return succeed({
    score,
    realMs: person?.realMs ?? null,
    tierAnswersBefore,
    file: options.file,
    title: source.title,
    language,
    scenarios: played,
    session,
    checks,
    passed: checks.every((c) => c.ok),
  });
}

/** A playthrough is written in game time: it moves the clock exactly, whatever the pace. */
function advance(session: ShiftSession, gameMs: number): ShiftEmitted[] {
  if (gameMs <= 0) return [];
  return session.send({ type: 'clock.advance', ms: gameMs });
}

/** Plays the file at its written times and counts, for each step, the tiers' answers before it. */
function tierAnswersBeforeEachStep(text: string, options: Parameters<typeof runPlaythrough>[1]): number[] {
  const played = runPlaythrough(text, { ...options, timing: 'written' });
  return played.ok ? [...played.value.tierAnswersBefore] : [];
}

/** Real time a person leaves themselves to keep a promise they are watching: read a line, click. */
const KEEPING_MS = 20_000;

/**
 * How far a person's deliberate wait may go: however far behind the written times they are, a person
 * keeps the promises the file keeps, watching the tracker, so a wait stops in time to keep an open
 * promise that a later step keeps.
 */
function waitLimit(session: ShiftSession, keptLater: ReadonlySet<string>, gameMs: number): number {
  let limit = gameMs;
  for (const p of session.context.promises) {
    if (p.status === 'open' && p.dueAt !== null && keptLater.has(p.id))
      limit = Math.min(limit, Math.max(0, p.dueAt - session.now - KEEPING_MS * session.pace));
  }
  return limit;
}

function toIntent(step: StepFile, session: ShiftSession, contact: string, language: string): Intent | null {
  const at = session.now;
  const state = session.context.contacts.find((c) => c.id === contact);
  const scenario = session.options.scenarios.find((s) => s.id === state?.scenario);
  const base = { at, contact };
  if (step.reply !== undefined) return { type: 'reply', ...base, text: step.reply, choice: null, language };
  if (step.choice !== undefined) {
    const current = state?.persona.context.beat;
    const choice = scenario?.beats.find((b) => b.id === current)?.choices.find((c) => c.id === step.choice);
    const text = choice?.text[language] ?? step.choice;
    return { type: 'reply', ...base, text, choice: step.choice, language };
  }
  if (step.do !== undefined) return { type: step.do, ...base };
  if (step.ask !== undefined) return { type: 'ask', ...base, fact: step.ask };
  if (step.offer !== undefined)
    return { type: 'offer', ...base, kind: step.offer.kind, amount: step.offer.amount ?? null };
  if (step.promise !== undefined) {
    return {
      type: 'promise',
      ...base,
      what: step.promise.what,
      dueAt: at + durationToMs(step.promise.due),
      text: step.promise.text ?? null,
    };
  }
  if (step.fulfil !== undefined) return { type: 'fulfil', ...base, promise: step.fulfil };
  if (step.withdraw !== undefined) return { type: 'withdraw', ...base, promise: step.withdraw };
  if (step.escalate !== undefined)
    return { type: 'escalate', ...base, tier: step.escalate.tier, note: step.escalate.note ?? '' };
  if (step.follow_up !== undefined)
    return { type: 'follow_up', ...base, dueAt: at + durationToMs(step.follow_up) };
  return null;
}

type CheckFn = (ok: boolean, message: string, path: (string | number)[]) => void;

function checkStep(
  expect: NonNullable<StepFile['expect']>,
  emitted: readonly ShiftEmitted[],
  session: ShiftSession,
  contactId: string,
  language: string,
  path: (string | number)[],
  check: CheckFn,
): void {
  const contact = session.context.contacts.find((c) => c.id === contactId);
  if (expect.beat !== undefined) {
    const beat = contact?.persona.context.beat;
    check(beat === expect.beat, `The persona should be in beat \`${expect.beat}\`; it is in \`${beat}\`.`, [
      ...path,
      'beat',
    ]);
  }
  if (expect.says !== undefined) {
    const lines = emitted.flatMap((e) =>
      e.type === 'persona.said' && e.contact === contactId ? [e.line[language] ?? ''] : [],
    );
    const wanted = Array.isArray(expect.says) ? expect.says : [expect.says];
    wanted.forEach((words, i) => {
      check(
        lines.some((line) => line.includes(words)),
        `The customer should say "${words}"; they said ${lines.length ? lines.map((l) => `"${l}"`).join(' ') : 'nothing'}.`,
        [...path, 'says', ...(Array.isArray(expect.says) ? [i] : [])],
      );
    });
  }
  if (expect.refused !== undefined) {
    const refusal = emitted.find((e) => e.type === 'intent.refused');
    const reason = refusal?.type === 'intent.refused' ? refusal.reason : 'nothing (accepted)';
    check(
      reason === expect.refused,
      `The step should be refused for ${expect.refused}; it was refused for ${reason}.`,
      [...path, 'refused'],
    );
  }
  if (expect.ended !== undefined) {
    check(
      contact?.ending === expect.ended,
      `The contact should have ended ${expect.ended}; ending: ${contact?.ending ?? 'none yet'}.`,
      [...path, 'ended'],
    );
  }
  const mood = contact?.persona.context.mood ?? 0;
  if (expect.mood_above !== undefined)
    check(mood > expect.mood_above, `Mood should be above ${expect.mood_above}; it is ${mood}.`, [
      ...path,
      'mood_above',
    ]);
  if (expect.mood_below !== undefined)
    check(mood < expect.mood_below, `Mood should be below ${expect.mood_below}; it is ${mood}.`, [
      ...path,
      'mood_below',
    ]);
}

/** Game time as h:mm:ss or m:ss. */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
