/**
 * The SCORM adapter, for 1.2 and 2004 alike: it finds the learning system's API around the page, reads
 * the learner, keeps the attempt's save as resume data, and reports a finished attempt (status, score,
 * session time, one interaction per decision). What differs between the two standards (the API's
 * name and calls, element names, value formats, limits) is one row each of {@link STANDARDS}; the
 * rest is written once. Every call into the LMS is guarded: an API that throws (its window closed, a
 * frame gone) is a `closed` problem, never an exception in the game.
 */
import { gameDate } from '../../core/analysis/gameClock';
import { fail, type Result, succeed } from '../../core/result';
import { type Decision, decisionsOf } from './decisions';
import type {
  FinishedAttempt,
  Learner,
  ReportingSession,
  ReportProblem,
  ResumeData,
  SuspendOutcome,
} from './reporting';
import { type CutSave, type FittedSuspend, suspendFitter, unpackSuspend } from './suspendData';

/** The SCORM versions this adapter speaks. */
export type ScormStandard = 'scorm12' | 'scorm2004';

type Call = 'initialize' | 'getValue' | 'setValue' | 'commit' | 'terminate' | 'lastError' | 'errorString';
type Element =
  | 'learnerId'
  | 'learnerName'
  | 'language'
  | 'captions'
  | 'entry'
  | 'suspendData'
  | 'exit'
  | 'interactionCount';
type Setting = readonly [element: string, value: string];

/** One standard's row: how its API is named and called, its elements, formats and limits. */
interface StandardRow {
  /** The property a page carries the API under. */
  readonly apiName: string;
  readonly calls: Readonly<Record<Call, string>>;
  readonly elements: Readonly<Record<Element, string>>;
  /** The resume field's size: 1.2's CMIString4096, 2004's 64,000 characters. */
  readonly suspendLimit: number;
  /** Error codes that mean the session is over, so trying again cannot help. */
  readonly closedErrors: readonly string[];
  /** Settings for a first entry, when the LMS still holds the status before any attempt. */
  readonly firstEntry: (read: (element: string) => string | null) => readonly Setting[];
  readonly exitSuspend: string;
  readonly exitNormal: string;
  /** Status and score of a finished attempt; `raw` is null when the scorecard has no overall score. */
  readonly finished: (raw: number | null, masteryScore: number) => readonly Setting[];
  readonly sessionTime: (ms: number) => Setting;
  readonly interaction: (n: number, decision: Decision) => readonly Setting[];
}

/** An interaction's response fields: 1.2 holds 255 characters. */
const SCORM12_TEXT = 255;
/** 1.2's interaction weighting lies within -100..100. */
const SCORM12_WEIGHTING = 100;
/** 2004's long-fill-in response holds 4,000 characters; a performance step's answer 250. */
const SCORM2004_LONG_TEXT = 4000;
const SCORM2004_STEP = 250;
/** 2004's interaction description holds 250 characters. */
const SCORM2004_DESCRIPTION = 250;
const ELLIPSIS = '...';

/**
 * One line, at most `max` characters, cut with a plain-ASCII ellipsis (an LMS storing Latin-1 keeps
 * it) and never between the two halves of a character outside the BMP.
 */
export function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let end = Math.max(0, max - ELLIPSIS.length);
  const code = line.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${line.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/**
 * A SCORM 1.2 CMIIdentifier: the specification allows letters, digits, `-` and `_` only (no spaces,
 * no periods), at most 255. LMSs that check strictly reject the rest, so the rest becomes `_`.
 */
export function scorm12Identifier(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 255) || '_';
}

/** A 2004 long identifier: any characters but whitespace, at most 4,000. */
function scorm2004Identifier(text: string): string {
  return text.replace(/\s/g, '_').slice(0, 4000) || '_';
}

/** A 2004 localised string may not begin with `{` (it would read as a `{lang=…}` delimiter). */
function noDelimiter(text: string): string {
  return text.startsWith('{') ? ` ${text}` : text;
}

/**
 * A 2004 performance answer: records are split on `[,]` and steps on `[.]` (`[:]` marks a range), and
 * runtimes that read leniently (scorm-again among them) split records on a bare comma as well, so a
 * comma in the words would make a second, malformed record. Those become look-alike plain text.
 */
function stepAnswer(text: string): string {
  return text.replace(/\[([,.:])\]/g, '($1)').replace(/,/g, ';');
}

/**
 * How much a decision weighed: the points its evidence moved, either way. 1.2 holds weightings
 * within -100..100, so a reply worth more (its evidence spread over several dimensions) is held at 100.
 */
function weighting(decision: Decision, max = Number.POSITIVE_INFINITY): string {
  return String(Math.min(Math.abs(decision.points), max));
}

/** 1.2's CMITimespan, `HHHH:MM:SS.SS`. */
export function scorm12Timespan(ms: number): string {
  const centis = Math.min(Math.max(0, Math.round(ms / 10)), (9999 * 3600 + 59 * 60 + 59) * 100 + 99);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = (centis % 6000) / 100;
  const ss = seconds.toFixed(2).padStart(5, '0');
  return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${ss}`;
}

/** 2004's ISO 8601 duration, `PT#H#M#S` (seconds to the hundredth). */
export function scorm2004Duration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = (centis % 6000) / 100;
  const parts = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `PT${parts || '0S'}`;
}

/**
 * What a score reports. A scorecard with no overall score (nothing in the attempt could be judged)
 * neither passed nor failed: it is reported as finished without a score, rather than as a failure the
 * scorecard never found.
 */
function passed(raw: number | null, masteryScore: number): boolean | null {
  return raw === null ? null : raw >= masteryScore;
}

/** Every standard's row. */
export const STANDARDS: Readonly<Record<ScormStandard, StandardRow>> = {
  scorm12: {
    apiName: 'API',
    calls: {
      initialize: 'LMSInitialize',
      getValue: 'LMSGetValue',
      setValue: 'LMSSetValue',
      commit: 'LMSCommit',
      terminate: 'LMSFinish',
      lastError: 'LMSGetLastError',
      errorString: 'LMSGetErrorString',
    },
    elements: {
      learnerId: 'cmi.core.student_id',
      learnerName: 'cmi.core.student_name',
      language: 'cmi.student_preference.language',
      // 1 asks for text alongside audio, -1 for none, 0 for no change.
      captions: 'cmi.student_preference.text',
      entry: 'cmi.core.entry',
      suspendData: 'cmi.suspend_data',
      exit: 'cmi.core.exit',
      interactionCount: 'cmi.interactions._count',
    },
    suspendLimit: 4096,
    // 301: not initialised (the LMS ended the session, or the window that held it went away).
    closedErrors: ['301'],
    firstEntry: (read) =>
      ['not attempted', null].includes(read('cmi.core.lesson_status'))
        ? [['cmi.core.lesson_status', 'incomplete']]
        : [],
    exitSuspend: 'suspend',
    exitNormal: '',
    finished: (raw, masteryScore) => {
      const pass = passed(raw, masteryScore);
      const status = pass === null ? 'completed' : pass ? 'passed' : 'failed';
      return [
        ['cmi.core.lesson_status', status],
        ...(raw === null
          ? []
          : ([
              ['cmi.core.score.raw', String(raw)],
              ['cmi.core.score.min', '0'],
              ['cmi.core.score.max', '100'],
            ] as const)),
      ];
    },
    sessionTime: (ms) => ['cmi.core.session_time', scorm12Timespan(ms)],
    interaction: (n, decision) => {
      const at = `cmi.interactions.${n}`;
      const key = decision.evidenceKeys[0];
      return [
        [`${at}.id`, scorm12Identifier(decision.id)],
        // Both hold free text (CMIFeedback, 255): a reply is words the trainee wrote or chose; a
        // promise, an escalation or a resolution is a task they performed on the case.
        [`${at}.type`, decision.kind === 'reply' ? 'fill-in' : 'performance'],
        ...(key ? ([[`${at}.objectives.0.id`, scorm12Identifier(key)]] as const) : []),
        // CMITime has no date and stops at 23:59:59: the desk clock's time of day.
        [`${at}.time`, gameDate(decision.at).toISOString().slice(11, 19)],
        [`${at}.weighting`, weighting(decision, SCORM12_WEIGHTING)],
        [`${at}.student_response`, clip(decision.response, SCORM12_TEXT)],
        [`${at}.result`, decision.result],
      ];
    },
  },
  scorm2004: {
    apiName: 'API_1484_11',
    calls: {
      initialize: 'Initialize',
      getValue: 'GetValue',
      setValue: 'SetValue',
      commit: 'Commit',
      terminate: 'Terminate',
      lastError: 'GetLastError',
      errorString: 'GetErrorString',
    },
    elements: {
      learnerId: 'cmi.learner_id',
      learnerName: 'cmi.learner_name',
      language: 'cmi.learner_preference.language',
      captions: 'cmi.learner_preference.audio_captioning',
      entry: 'cmi.entry',
      suspendData: 'cmi.suspend_data',
      exit: 'cmi.exit',
      interactionCount: 'cmi.interactions._count',
    },
    suspendLimit: 64_000,
    // Before initialisation (122, 132, 142) or after termination (123, 133, 143; 113 for Terminate).
    closedErrors: ['113', '122', '123', '132', '133', '142', '143'],
    firstEntry: (read) =>
      ['not attempted', 'unknown', null].includes(read('cmi.completion_status'))
        ? [['cmi.completion_status', 'incomplete']]
        : [],
    exitSuspend: 'suspend',
    exitNormal: 'normal',
    finished: (raw, masteryScore) => {
      const pass = passed(raw, masteryScore);
      return [
        ['cmi.completion_status', 'completed'],
        ['cmi.success_status', pass === null ? 'unknown' : pass ? 'passed' : 'failed'],
        ...(raw === null
          ? []
          : ([
              ['cmi.score.raw', String(raw)],
              ['cmi.score.min', '0'],
              ['cmi.score.max', '100'],
              ['cmi.score.scaled', String(raw / 100)],
            ] as const)),
      ];
    },
    sessionTime: (ms) => ['cmi.session_time', scorm2004Duration(ms)],
    interaction: (n, decision) => {
      const at = `cmi.interactions.${n}`;
      const key = decision.evidenceKeys[0];
      // A reply is kept whole as long-fill-in (4,000 characters, tagged with its language); an action
      // is a one-step performance, the step named by its kind.
      const response =
        decision.kind === 'reply'
          ? `${decision.language ? `{lang=${decision.language}}` : ''}${noDelimiter(
              clip(
                decision.response,
                SCORM2004_LONG_TEXT - (decision.language ? decision.language.length + 7 : 1),
              ),
            )}`
          : `${decision.kind}[.]${stepAnswer(clip(decision.response, SCORM2004_STEP)) || '-'}`;
      const description = decision.evidenceKeys.length
        ? `Judged by ${decision.evidenceKeys.join(', ')}`
        : 'Not judged by any evidence';
      return [
        [`${at}.id`, scorm2004Identifier(decision.id)],
        [`${at}.type`, decision.kind === 'reply' ? 'long-fill-in' : 'performance'],
        ...(key ? ([[`${at}.objectives.0.id`, scorm2004Identifier(key)]] as const) : []),
        // The desk's calendar: the shift begins on Monday 9 March 2026 at 09:00 UTC.
        [`${at}.timestamp`, gameDate(decision.at).toISOString().slice(0, 19)],
        [`${at}.weighting`, weighting(decision)],
        [`${at}.learner_response`, response],
        [`${at}.result`, decision.result === 'wrong' ? 'incorrect' : decision.result],
        [`${at}.description`, noDelimiter(clip(description, SCORM2004_DESCRIPTION))],
      ];
    },
  },
};

/** How many windows up a page's frames the search goes, as SCORM's own search does. */
const MAX_PARENTS = 7;

/** Reads a property of a window that may be in another origin (which throws); null when it cannot. */
function property(win: unknown, name: string): unknown {
  if ((typeof win !== 'object' && typeof win !== 'function') || win === null) return null;
  try {
    return (win as Record<string, unknown>)[name] ?? null;
  } catch {
    return null;
  }
}

function isApi(candidate: unknown, row: StandardRow): boolean {
  if ((typeof candidate !== 'object' && typeof candidate !== 'function') || candidate === null) return false;
  return Object.values(row.calls).every((call) => typeof property(candidate, call) === 'function');
}

function searchUp(start: unknown, row: StandardRow): unknown {
  let win = start;
  for (let level = 0; level <= MAX_PARENTS && win; level++) {
    const api = property(win, row.apiName);
    if (isApi(api, row)) return api;
    const parent = property(win, 'parent');
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/**
 * SCORM's API search: the window, then its parents (up to seven), then the window that opened it and
 * its parents. A frame of another origin throws when read; it is passed over and the search goes on.
 * Null when no API of the standard is found.
 */
export function findScormApi(standard: ScormStandard, win: unknown): unknown {
  const row = STANDARDS[standard];
  return searchUp(win, row) ?? searchUp(property(win, 'opener'), row);
}

/** What the adapter is given besides the standard and the page's window. */
export interface ScormOptions {
  /** Waits before a retry; the game passes a timer, tests an instant one. */
  readonly wait: (ms: number) => Promise<void>;
  /** Cuts a save to its first inputs when it will not fit the resume field (see `saveCutter`). */
  readonly cut: CutSave | null;
  /** The pauses between tries of a commit: one try, then one more after each. 0.5 s, 2 s, 5 s when absent. */
  readonly retryDelaysMs?: readonly number[];
  /** The resume field's size when smaller than the standard's (tests force the cut with it). */
  readonly suspendLimit?: number;
  /** Real time in milliseconds, to space the commits of resume data; `Date.now` when absent. */
  readonly now?: () => number;
  /**
   * The least real time between two commits of resume data (a commit is a request to the LMS, often a
   * blocking one, and the game saves after every input); later saves wait for the next one or for
   * {@link ReportingSession.end}. 30 s when absent.
   */
  readonly commitEveryMs?: number;
}

const DEFAULT_RETRY_DELAYS = [500, 2000, 5000] as const;
const DEFAULT_COMMIT_EVERY_MS = 30_000;

type Called =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: ReportProblem };

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function closedProblem(detail: string): ReportProblem {
  return {
    code: 'closed',
    lmsError: '0',
    message: `The learning system's window is no longer there (${detail}). Your attempt is kept on this device.`,
  };
}

/**
 * One LMS API object behind a guard: a call that throws (its window closed, its frame gone) comes
 * back as a `closed` problem, and a refusal with the LMS's own error number and words.
 */
class ScormApi {
  constructor(
    private readonly api: Record<string, unknown>,
    private readonly row: StandardRow,
  ) {}

  call(name: Call, ...args: string[]): Called {
    try {
      const fn = this.api[this.row.calls[name]] as (...a: string[]) => unknown;
      const value = fn.apply(this.api, args);
      return { ok: true, value: value === undefined || value === null ? '' : String(value) };
    } catch (error) {
      return { ok: false, problem: closedProblem(error instanceof Error ? error.message : String(error)) };
    }
  }

  /**
   * Makes a call the LMS should answer `true` to: null when it did; else a `closed` problem when its
   * error says the session is over, or the problem `refused` words from the LMS's error.
   */
  confirm(
    name: Call,
    refused: (said: string) => Omit<ReportProblem, 'lmsError'>,
    ...args: string[]
  ): ReportProblem | null {
    const done = this.call(name, ...args);
    if (!done.ok) return done.problem;
    if (isTrue(done.value)) return null;
    const error = this.lastError();
    const lmsError = `${error.code}${error.text ? ` ${error.text}` : ''}`;
    if (this.row.closedErrors.includes(error.code)) {
      return {
        code: 'closed',
        lmsError,
        message: 'The learning system has closed this session. Your attempt is kept on this device.',
      };
    }
    return { ...refused(`error ${error.code}${error.text ? `: ${error.text}` : ''}`), lmsError };
  }

  /** The LMS's last error: its number and its own words, "0" when there is none. */
  private lastError(): { readonly code: string; readonly text: string } {
    const code = this.call('lastError');
    if (!code.ok) return { code: '0', text: '' };
    const text = code.value && code.value !== '0' ? this.call('errorString', code.value) : null;
    return { code: code.value || '0', text: text?.ok ? text.value : '' };
  }
}

/** An open SCORM session over one API object. */
class ScormSession implements ReportingSession {
  readonly learner: Learner;
  resume: ResumeData | null = null;
  private closed = false;
  private finished = false;
  private pendingCommit = false;
  private lastCommitAt = Number.NEGATIVE_INFINITY;
  /** Where this attempt's interactions begin, fixed at the first report so a second one overwrites it. */
  private interactionBase: number | null = null;
  private readonly fit: (save: string) => FittedSuspend;

  constructor(
    readonly standard: ScormStandard,
    private readonly api: ScormApi,
    private readonly row: StandardRow,
    private readonly options: ScormOptions,
  ) {
    this.fit = suspendFitter(
      Math.min(options.suspendLimit ?? row.suspendLimit, row.suspendLimit),
      options.cut,
    );
    this.learner = {
      id: this.read(row.elements.learnerId),
      name: this.read(row.elements.learnerName),
      language: this.read(row.elements.language),
      captions: this.captions(),
    };
  }

  /** Reads an element; what the LMS leaves empty, or will not give, is null. */
  private read(element: string): string | null {
    const got = this.api.call('getValue', element);
    if (!got.ok) return null;
    const value = got.value.trim();
    return value === '' ? null : value;
  }

  private captions(): boolean | null {
    const value = this.read(this.row.elements.captions);
    return value === '1' ? true : value === '-1' ? false : null;
  }

  private set(element: string, value: string): ReportProblem | null {
    return this.api.confirm(
      'setValue',
      (said) => ({ code: 'set-failed', message: `The learning system would not take ${element} (${said}).` }),
      element,
      value,
    );
  }

  private commitOnce(): ReportProblem | null {
    const failed = this.api.confirm(
      'commit',
      (said) => ({
        code: 'commit-failed',
        message: `The learning system did not keep the result (${said}). Your attempt is kept on this device.`,
      }),
      '',
    );
    if (!failed) {
      this.pendingCommit = false;
      this.lastCommitAt = (this.options.now ?? Date.now)();
    }
    return failed;
  }

  /** Settings for the start of a session: the status of a first entry, and an exit that keeps the data. */
  start(): ReportProblem[] {
    const entry = this.read(this.row.elements.entry);
    const problems: ReportProblem[] = [];
    // `resume` is the standard's word; some 1.2 LMSs say nothing on a later launch, so any entry but a
    // fresh start looks for resume data (a finished attempt leaves none).
    if (entry !== 'ab-initio') {
      const data = this.read(this.row.elements.suspendData);
      if (data !== null) {
        const unpacked = unpackSuspend(data);
        if (unpacked.ok) this.resume = unpacked.value;
        else
          problems.push({
            code: 'resume-unreadable',
            lmsError: '0',
            message: `${unpacked.problems[0]?.message ?? 'The resume data cannot be read.'} The attempt starts again.`,
          });
      }
    }
    const settings: Setting[] = [
      ...(this.resume ? [] : this.row.firstEntry((element) => this.read(element))),
      // Should the window close before the attempt finishes, the LMS keeps the resume data.
      [this.row.elements.exit, this.row.exitSuspend],
    ];
    for (const [element, value] of settings) {
      const failed = this.set(element, value);
      if (failed) problems.push(failed);
    }
    return problems;
  }

  suspend(save: string): SuspendOutcome {
    // A finished attempt keeps no resume data: a later save must not bring it back to be resumed.
    if (this.closed || this.finished) return { kept: 'nothing', chars: 0, cutAt: null };
    const fitted = this.fit(save);
    const failed = this.set(this.row.elements.suspendData, fitted.data);
    if (failed) return { ...fitted.outcome, problem: failed };
    this.pendingCommit = true;
    const now = (this.options.now ?? Date.now)();
    if (now - this.lastCommitAt < (this.options.commitEveryMs ?? DEFAULT_COMMIT_EVERY_MS))
      return fitted.outcome;
    const problem = this.commitOnce();
    return problem ? { ...fitted.outcome, problem } : fitted.outcome;
  }

  async finish(attempt: FinishedAttempt): Promise<Result<void, ReportProblem>> {
    if (this.closed) return fail([closedProblem('the session was ended')]);
    const { scorecard } = attempt;
    const overall = scorecard.score.overall;
    const raw = overall === null ? null : Math.round(Math.min(100, Math.max(0, overall)));
    const problems: ReportProblem[] = [];
    const settings: Setting[] = [
      ...this.row.finished(raw, attempt.masteryScore),
      this.row.sessionTime(attempt.sessionMs),
      // A finished attempt is not resumed into its finished state: its resume data goes.
      [this.row.elements.suspendData, ''],
      [this.row.elements.exit, this.row.exitNormal],
    ];
    for (const [element, value] of settings) {
      const failed = this.set(element, value);
      if (failed?.code === 'closed') return fail([failed]);
      if (failed) problems.push(failed);
    }
    const essential = problems.length;
    const decisions = decisionsOf(scorecard);
    this.interactionBase ??= Number(this.read(this.row.elements.interactionCount) ?? 0) || 0;
    for (const [i, decision] of decisions.entries()) {
      let failed: ReportProblem | null = null;
      for (const [element, value] of this.row.interaction(this.interactionBase + i, decision)) {
        failed = this.set(element, value);
        if (failed) break;
      }
      if (failed?.code === 'closed') return fail([failed]);
      if (failed) {
        // The first interaction an LMS refuses is usually its ceiling; the ones before it stand.
        problems.push({
          ...failed,
          message: `${failed.message} The learning system kept ${i} of ${decisions.length} decisions.`,
        });
        break;
      }
    }
    this.finished = true;
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    for (let tried = 0; ; tried++) {
      const failed = this.commitOnce();
      if (!failed) break;
      if (failed.code === 'closed') return fail([failed, ...problems]);
      const delay = delays[tried];
      if (delay === undefined) {
        return fail([{ ...failed, message: `${failed.message} Tried ${tried + 1} times.` }, ...problems]);
      }
      await this.options.wait(delay);
    }
    // Status, score and time are the report; a decision the LMS would not take is a warning.
    return essential > 0 ? fail(problems) : succeed(undefined, problems);
  }

  end(): void {
    if (this.closed) return;
    if (this.pendingCommit) this.commitOnce();
    this.api.call('terminate', '');
    this.closed = true;
  }
}

/**
 * The SCORM adapter for `standard`, searching for its API from `win` (the page's window, or any object
 * shaped like one: tests pass one holding an LMS runtime). Opening it initialises the session, reads
 * the learner and any resume data, and marks a first entry incomplete.
 */
export function createScormAdapter(
  standard: ScormStandard,
  win: unknown,
  options: ScormOptions,
): { open(): Result<ReportingSession, ReportProblem> } {
  const row = STANDARDS[standard];
  return {
    open(): Result<ReportingSession, ReportProblem> {
      const api = findScormApi(standard, win);
      if (!api) {
        return fail([
          {
            code: 'no-api',
            lmsError: '0',
            message: `No SCORM ${standard === 'scorm12' ? '1.2' : '2004'} learning system was found around this page; the attempt is kept on this device only.`,
          },
        ]);
      }
      const lms = new ScormApi(api as Record<string, unknown>, row);
      const refused = lms.confirm(
        'initialize',
        (said) => ({
          code: 'initialize-failed',
          message: `The learning system would not start a session (${said}).`,
        }),
        '',
      );
      if (refused) return fail([refused]);
      const session = new ScormSession(standard, lms, row, options);
      const warnings = session.start();
      return succeed(session, warnings);
    },
  };
}
