/**
 * The one place the game meets a learning system. The game holds no LMS code: it opens a
 * {@link ReportingSession} through a {@link ReportingAdapter} (SCORM 1.2 and 2004 first; xAPI and cmi5
 * later), reads the learner from it, hands it every save as resume data, and reports the finished
 * attempt. Each adapter maps these to its own standard's fields and limits.
 */
import type { Result } from '../../core/result';
import type { Scorecard } from '../../core/runtime';

/** Who the learning system says is playing; any field it does not give is null. */
export interface Learner {
  /** The learner's id in the learning system. */
  readonly id: string | null;
  /** The learner's name as the learning system holds it (SCORM 1.2 sends "Family, Given"). */
  readonly name: string | null;
  /** A language tag such as `es` or `en-GB`, from the learner's preference. */
  readonly language: string | null;
  /** Whether the learner asked for captions, where the standard carries the preference. */
  readonly captions: boolean | null;
}

/** What a resumed session hands back: a save the game restores, and whether it was cut to fit. */
export interface ResumeData {
  /** An engine save (`saveSession`'s JSON) that restores as it is. */
  readonly save: string;
  /**
   * When the save had to be cut to the standard's limit: the game time the kept inputs reach (the
   * restored attempt's clock). The attempt resumes from there, not from where the learner left it, and
   * the game says so.
   */
  readonly cutAt: number | null;
}

/** What one call to {@link ReportingSession.suspend} kept in the learning system. */
export interface SuspendOutcome {
  /** `whole`: the save as it is; `cut`: the inputs up to `cutAt`; `nothing`: not even the start fits. */
  readonly kept: 'whole' | 'cut' | 'nothing';
  /** Characters written to the standard's resume field. */
  readonly chars: number;
  /** The game time the kept inputs reach when `kept` is `cut`; null otherwise. */
  readonly cutAt: number | null;
  /**
   * Set when the learning system did not take or keep the resume data (the game's own save is
   * untouched): the game may show it, and the next save tries again.
   */
  readonly problem?: ReportProblem | undefined;
}

/** A finished attempt as the game reports it. */
export interface FinishedAttempt {
  readonly scorecard: Scorecard;
  /** The overall score (0–100) a pass needs: the package's mastery score. */
  readonly masteryScore: number;
  /** Real time the learner spent in this session, in milliseconds. */
  readonly sessionMs: number;
}

/** Why the learning system did not take something: its error code and text, said plainly. */
export interface ReportProblem {
  /**
   * `resume-unreadable` comes as a warning of a successful open: the learning system handed back resume
   * data that is damaged or not this game's, so the attempt starts afresh. For a learning record store:
   * `queued`, the statements are kept and wait to be sent; `refused`, the store refused one as
   * malformed, which is this game's fault; `not-recorded`, the launch (cmi5 Browse or Review) records
   * no result.
   */
  readonly code:
    | 'no-api'
    | 'initialize-failed'
    | 'set-failed'
    | 'commit-failed'
    | 'closed'
    | 'resume-unreadable'
    | 'queued'
    | 'refused'
    | 'not-recorded';
  /** The standard's error number as the LMS gave it ("0" when none), and its own words for it. */
  readonly lmsError: string;
  readonly message: string;
}

/** An open session with a learning system. */
export interface ReportingSession {
  /** The standard spoken, for the notice and the tests: `scorm12`, `scorm2004`. */
  readonly standard: string;
  readonly learner: Learner;
  /**
   * The overall score (0–100) a pass needs when the learning system says so itself (cmi5's launch data):
   * it takes precedence over the package's own. Absent or null: the package's applies.
   */
  readonly masteryScore?: number | null;
  /** The save to resume from, when the learning system kept one for this learner; null on a first entry. */
  readonly resume: ResumeData | null;
  /** Keeps the attempt's latest save as resume data, within the standard's limit. */
  suspend(save: string): SuspendOutcome;
  /**
   * Reports the finished attempt (status, score, session time, one interaction per decision) and
   * commits it, retrying; fails with the learning system's own error when every retry failed.
   */
  finish(attempt: FinishedAttempt): Promise<Result<void, ReportProblem>>;
  /**
   * Where results can wait to be sent (a learning record store's outbox): calls `listener` once, when
   * everything waiting has been taken. Absent where results go at once or not at all (SCORM).
   */
  readonly whenDelivered?: (listener: () => void) => void;
  /** Ends the session: commits what is pending and closes it. Safe to call more than once. */
  end(): void;
}

/**
 * Finds a learning system's API from the page and opens a session with it: at once for SCORM, whose
 * API is on the page; after the launch handshake for cmi5, whose learning system is reached over HTTP.
 */
export interface ReportingAdapter {
  open(): Result<ReportingSession, ReportProblem> | Promise<Result<ReportingSession, ReportProblem>>;
}
