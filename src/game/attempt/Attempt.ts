/**
 * One attempt as the game plays it: a shift session (a practice run is a shift of one), fed by the
 * frame clock and the trainee's intents, saved after every intent, and scored into a scorecard when it
 * ends. It holds no DOM and no Phaser, so the desk, the tests and the resume path share it; scenes
 * only render what it reports.
 */
import {
  type Analyser,
  createScorecard,
  fail,
  type Intent,
  lexiconAnalyser,
  type PersonaStart,
  practiceShift,
  type Result,
  restoreSession,
  type Scenario,
  type Scorecard,
  type Shift,
  type ShiftEmitted,
  ShiftSession,
  saveSession,
  succeed,
} from '../../core/runtime';
import type { AttemptStore, ReadProblem, StoredAttempt, WriteResult } from './attemptStore';
import { ATTEMPT_FORMAT, ATTEMPT_VERSION } from './attemptStore';
import type { HistoryStore } from './historyStore';

/** Who plays what, and how; stored with every save. */
export interface AttemptSettings {
  readonly trainee: string;
  /** The trainee's id (made once per browser), carried into the scorecard and kept on resume. */
  readonly traineeId: string;
  /** The employee id the trainee typed in the menu; null when they gave none. */
  readonly employeeId: string | null;
  readonly language: string;
  readonly mode: 'practice' | 'shift';
  /** The scenario of a practice attempt, or the id of the shift. */
  readonly playing: string;
  readonly replyMode: 'typed' | 'choices';
  readonly coaching: boolean;
  /**
   * Where a practice attempt's persona starts, when not at its scenario's start (a trainer's "Play
   * from ‹beat›"). Not stored beside the save: the save's shift carries it, and a resume reads it there.
   */
  readonly from?: PersonaStart | null;
}

/** What the attempt needs from outside: the compiled pack, storage, and a clock for timestamps. */
export interface AttemptWorld {
  readonly scenarios: readonly Scenario[];
  readonly shifts: readonly Shift[];
  readonly store: AttemptStore;
  /**
   * Where finished attempts are kept; null for attempts that are not the trainee's (a trainer's draft
   * play from the studio), which are scored but never kept.
   */
  readonly history: HistoryStore | null;
  /** Wall-clock time for `savedAt` and `finishedAt` only; game time comes from the session. */
  readonly now: () => Date;
  /** What reads the trainee's words; the shipped lexicon analyser when absent. */
  readonly analyser?: Analyser;
}

/** An intent as the desk makes it: the attempt stamps the game time. */
export type DeskIntent = Intent extends infer I ? (I extends Intent ? Omit<I, 'at'> : never) : never;

/** What one intent did: the events it caused and whether the save that followed it was written. */
export interface ActResult {
  readonly events: readonly ShiftEmitted[];
  readonly saved: WriteResult;
}

/**
 * Why a stored attempt cannot be resumed: it is damaged or newer (see {@link ReadProblem}), or its
 * save does not restore (its scenario versions are gone, or it does not replay). `raw` is kept so the
 * trainee can download it.
 */
export interface ResumeProblem {
  readonly code: string;
  readonly reason: string;
  readonly raw: string;
}

/** A resumed attempt, and the rules it was saved under when they were not this build's. */
export interface Resumed {
  readonly attempt: Attempt;
  /**
   * The engine or analyser version the attempt was saved under, when it was played again under this
   * build's rules (the customers may answer a little differently); null when it resumed exactly.
   */
  readonly madeUnder: string | null;
}

/** The outcome of {@link Attempt.resume}: the attempt, null when nothing was stored, or why not. */
export type ResumeResult = Result<Resumed | null, ResumeProblem | ReadProblem>;

function shiftFor(world: AttemptWorld, settings: AttemptSettings): Shift {
  if (settings.mode === 'shift') {
    const shift = world.shifts.find((s) => s.id === settings.playing);
    if (!shift) throw new RangeError(`There is no shift ${settings.playing}.`);
    return shift;
  }
  const scenario = world.scenarios.find((s) => s.id === settings.playing);
  if (!scenario) throw new RangeError(`There is no scenario ${settings.playing}.`);
  return practiceShift(scenario, settings.from ?? undefined);
}

/** A running attempt. */
export class Attempt {
  private owed = 0;
  /** The engine save this attempt last wrote, to know the stored attempt is still this one. */
  private lastSave: string | null = null;
  private readonly listeners = new Set<(events: readonly ShiftEmitted[]) => void>();

  private constructor(
    readonly world: AttemptWorld,
    readonly settings: AttemptSettings,
    readonly session: ShiftSession,
  ) {}

  /** Starts a new attempt with the given seed (the game draws it once, at the start). */
  static start(world: AttemptWorld, settings: AttemptSettings, seed: number): Attempt {
    const session = new ShiftSession({
      scenarios: world.scenarios,
      shift: shiftFor(world, settings),
      seed,
      analyser: world.analyser ?? lexiconAnalyser,
    });
    const attempt = new Attempt(world, settings, session);
    attempt.save();
    return attempt;
  }

  /**
   * Resumes the stored attempt exactly where it was, or says why it cannot: a save that is damaged,
   * newer, or made on scenario versions no longer bundled (kept raw for export). A save made under an
   * earlier engine or analyser is played again under this build's rules, saved so, and said so. A
   * save made before attempts carried the trainee's id takes `current.traineeId` (this browser's).
   */
  static resume(world: AttemptWorld, current?: { readonly traineeId: string }): ResumeResult {
    const read = world.store.readCurrent();
    if (!read.ok) return read;
    const stored = read.value;
    if (!stored) return succeed(null);
    const restored = restoreSession(stored.save, world.scenarios, world.analyser ?? lexiconAnalyser, {
      replayUnderCurrentRules: true,
    });
    if (!restored.ok) {
      const raw = JSON.stringify(stored);
      return fail(restored.problems.map((p) => ({ code: p.code, reason: p.message, raw })));
    }
    const { format: _f, version, savedAt: _s, save: _save, traineeId, employeeId, ...rest } = stored;
    const { session, madeUnder } = restored.value;
    const from = session.transcript.shift.arrivals[0]?.from;
    const settings: AttemptSettings = {
      ...rest,
      traineeId: traineeId ?? current?.traineeId ?? 'unknown',
      employeeId: employeeId ?? null,
      ...(from ? { from } : {}),
    };
    const attempt = new Attempt(world, settings, session);
    attempt.lastSave = stored.save;
    if (madeUnder || version !== ATTEMPT_VERSION) attempt.save();
    return succeed({ attempt, madeUnder });
  }

  /** Hears every event the attempt reports, from ticks and intents alike. */
  subscribe(listener: (events: readonly ShiftEmitted[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private report(events: readonly ShiftEmitted[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) listener(events);
  }

  /**
   * Advances the game clock by `realMs` of real time (the frame's delta). Whole milliseconds are sent
   * and the fraction carried, so ticks that cause nothing are recorded as one.
   */
  tick(realMs: number): readonly ShiftEmitted[] {
    if (!(realMs > 0) || this.session.isOver) return [];
    this.owed += realMs;
    const whole = Math.floor(this.owed);
    if (whole === 0) return [];
    this.owed -= whole;
    const events = this.session.send({ type: 'clock.tick', ms: whole });
    this.report(events);
    return events;
  }

  /** Pauses or resumes the game clock; recorded like any input, and saved. */
  setPaused(paused: boolean): WriteResult {
    this.report(this.session.send({ type: paused ? 'clock.pause' : 'clock.resume' }));
    return this.save();
  }

  /** Skips to the next event when nobody waits on the trainee; recorded like any input, and saved. */
  skip(): WriteResult {
    this.report(this.session.send({ type: 'clock.skip' }));
    return this.save();
  }

  /**
   * Sets how many game seconds pass per real second between conversations (while a customer waits,
   * the clock keeps their channel's pace); recorded like any input, and saved.
   */
  setSpeed(speed: number): WriteResult {
    this.report(this.session.send({ type: 'clock.speed', speed }));
    return this.save();
  }

  /** Game seconds per real second. */
  get speed(): number {
    return this.session.context.speed;
  }

  get paused(): boolean {
    return this.session.context.paused;
  }

  /** Carries out one of the trainee's intents at the current game time, then saves. */
  act(intent: DeskIntent): ActResult {
    const events = this.session.send({
      type: 'trainee.intent',
      intent: { ...intent, at: this.session.now } as Intent,
    });
    this.report(events);
    return { events, saved: this.save() };
  }

  /** Writes the attempt's save; the result says whether it will survive a refresh. */
  save(): WriteResult {
    // The start is in the engine's save (its shift), so the stored fields stay as they were.
    const { from: _from, ...settings } = this.settings;
    const stored: StoredAttempt = {
      format: ATTEMPT_FORMAT,
      version: ATTEMPT_VERSION,
      ...settings,
      savedAt: this.world.now().toISOString(),
      save: saveSession(this.session),
    };
    this.lastSave = stored.save;
    return this.world.store.saveCurrent(stored);
  }

  /** Whether the shift is over (every customer gone and nothing pending, or time is up). */
  get isOver(): boolean {
    return this.session.isOver;
  }

  /**
   * Ends the attempt: scores it into a scorecard, adds it to the history (when the world keeps one)
   * and, once it is kept there, forgets the current save. The scorecard comes back at once, even when keeping it fails, so the
   * debrief can show and export it; `kept` says later whether it was kept.
   */
  finish(attemptId: string): { scorecard: Scorecard; kept: Promise<WriteResult> } {
    const finishedAt = this.world.now().toISOString();
    const { trainee, traineeId, employeeId } = this.settings;
    const scorecard = createScorecard(this.session.transcript, this.world.scenarios, {
      trainee: { name: trainee, id: traineeId, employeeId },
      attemptId,
      language: this.settings.language,
      finishedAt,
    });
    const lastSave = this.lastSave;
    const forget = (result: WriteResult) => {
      if (result.ok) this.world.store.clearCurrent((stored) => stored.save === lastSave);
      return result;
    };
    if (!this.world.history) return { scorecard, kept: Promise.resolve(forget(succeed(undefined))) };
    const kept = this.world.history
      .add({
        id: attemptId,
        trainee,
        traineeId,
        mode: this.settings.mode,
        playing: this.settings.playing,
        scenarios: scorecard.scenarios.map((s) => s.id),
        grade: scorecard.score.grade,
        overall: scorecard.score.overall,
        finishedAt,
        scorecard: JSON.stringify(scorecard),
      })
      .then(forget);
    return { scorecard, kept };
  }
}
