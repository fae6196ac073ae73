/**
 * The team as the manager's review shows it: one row per trainee, from the scorecards imported, with
 * attempts, latest and best grade, each headline dimension's latest score and its trend, critical
 * errors in the last five attempts, when they were last active and how many of their scorecards are
 * verified. Sorting and filtering are pure functions of the rows, so the table, the CSV and the tests
 * agree.
 */

import type { ReadScorecard } from '../core/scoring/readScorecard';
import type { Grade } from '../core/scoring/scoringRules';
import type { Trust } from './trust';

/** The headline dimensions, in the order the table shows them. */
export const HEADLINE = ['empathy', 'promises', 'tier'] as const;
export type Headline = (typeof HEADLINE)[number];

/**
 * What the review needs to know of any attempt, whichever way it came: a scorecard says all of it, an
 * older scorecard its summary, and a completed statement from a learning record store as much as the
 * statement carries (its scenarios by id alone).
 */
export interface AttemptSummary {
  readonly trainee: { readonly name: string; readonly id?: string; readonly employeeId?: string };
  readonly attempt: {
    readonly id: string;
    readonly mode: 'practice' | 'shift';
    readonly language: string;
    readonly finishedAt: string | null;
  };
  readonly scenarios: readonly { readonly id: string }[];
  readonly score: { readonly overall: number | null; readonly grade: Grade | null };
  /**
   * The headline dimensions' scores, where only a statement tells them (an attempt read from a learning
   * record store without its scorecard): what the store says, like its score and grade.
   */
  readonly dimensions?: Readonly<Partial<Record<Headline, number | null>>>;
}

/**
 * An attempt as read: a scorecard (in full, or an older one by its summary), or a completed statement
 * read without its scorecard, which is known by its summary alone and can never be re-checked.
 */
export type AttemptRead =
  | ReadScorecard
  | { readonly current: false; readonly statement: true; readonly summary: AttemptSummary };

/**
 * One attempt as the review holds it. `hash` is the hash of the document it was read from (the
 * scorecard, or the statement when it came alone): equal hashes are the same document read twice.
 */
export interface Attempt {
  readonly hash: string;
  readonly read: AttemptRead;
  readonly trust: Trust;
  readonly fields: readonly string[];
  readonly file: string;
}

/** What every attempt says, whichever format it was read in. */
export function summaryOf(attempt: Attempt): AttemptSummary {
  return attempt.read.current ? attempt.read.scorecard : attempt.read.summary;
}

/** Who a scorecard belongs to: its trainee id when it carries one, else its name. */
export function traineeKey(attempt: Attempt): string {
  const trainee = summaryOf(attempt).trainee;
  return trainee.id ? `id:${trainee.id}` : `name:${trainee.name.trim().toLowerCase()}`;
}

const GRADE_RANK: Record<Grade, number> = { Unsatisfactory: 0, Expected: 1, Desired: 2, Exceptional: 3 };
/** A grade's place, lowest first. */
const rank = (grade: Grade): number => GRADE_RANK[grade] ?? 0;

/** One trainee's row. Scores are null where no attempt scored them. */
export interface TeamRow {
  readonly key: string;
  readonly name: string;
  /** The trainee's id and employee id, when their scorecards carry them (to tell two Alexes apart). */
  readonly id: string | null;
  readonly employeeId: string | null;
  readonly attempts: number;
  readonly latestGrade: Grade | null;
  readonly bestGrade: Grade | null;
  readonly latest: Readonly<Record<Headline, number | null>>;
  /** Latest minus the attempt before it, per headline dimension; null with fewer than two. */
  readonly trend: Readonly<Record<Headline, number | null>>;
  readonly criticalRecent: number;
  /** ISO date of the latest finished attempt; null when none says. */
  readonly lastActive: string | null;
  readonly verified: number;
  /** Attempts read from a learning record store without their scorecard: shown, never verified. */
  readonly unchecked: number;
  /** Levels and channels of the cases played, for filtering. */
  readonly levels: readonly number[];
  readonly channels: readonly string[];
}

function finishedAt(attempt: Attempt): string {
  return summaryOf(attempt).attempt.finishedAt ?? '';
}

function headline(attempt: Attempt, dimension: Headline): number | null {
  if (attempt.read.current) return attempt.read.scorecard.score.dimensions[dimension]?.score ?? null;
  return 'statement' in attempt.read ? (attempt.read.summary.dimensions?.[dimension] ?? null) : null;
}

/** The cases behind a scenario id: its level and channel, when the page holds the scenario. */
export type ScenarioInfo = (id: string) => { readonly level: number; readonly channel: string } | undefined;

/** Groups attempts into one row per trainee, oldest attempt first within each. */
export function teamRows(
  attempts: readonly Attempt[],
  scenarioInfo: ScenarioInfo = () => undefined,
): TeamRow[] {
  const byTrainee = new Map<string, Attempt[]>();
  for (const a of attempts) {
    const key = traineeKey(a);
    byTrainee.set(key, [...(byTrainee.get(key) ?? []), a]);
  }
  return [...byTrainee.entries()].map(([key, list]) => {
    const sorted = [...list].sort((a, b) => finishedAt(a).localeCompare(finishedAt(b)));
    const last = sorted.at(-1);
    const grades = sorted.flatMap((a) => {
      const g = summaryOf(a).score.grade;
      return g ? [g] : [];
    });
    const pick = (d: Headline) => sorted.map((a) => headline(a, d)).filter((s): s is number => s !== null);
    const latest = Object.fromEntries(HEADLINE.map((d) => [d, pick(d).at(-1) ?? null])) as TeamRow['latest'];
    const trend = Object.fromEntries(
      HEADLINE.map((d) => {
        const s = pick(d);
        return [d, s.length >= 2 ? (s.at(-1) ?? 0) - (s.at(-2) ?? 0) : null];
      }),
    ) as TeamRow['trend'];
    const cases = sorted.flatMap((a) => summaryOf(a).scenarios.flatMap((s) => scenarioInfo(s.id) ?? []));
    return {
      key,
      name: last ? summaryOf(last).trainee.name : '',
      id: last ? (summaryOf(last).trainee.id ?? null) : null,
      employeeId: last ? (summaryOf(last).trainee.employeeId ?? null) : null,
      attempts: sorted.length,
      latestGrade: last ? summaryOf(last).score.grade : null,
      bestGrade: grades.reduce<Grade | null>(
        (best, g) => (best !== null && rank(best) >= rank(g) ? best : g),
        null,
      ),
      latest,
      trend,
      criticalRecent: sorted
        .slice(-5)
        .reduce((n, a) => n + (a.read.current ? a.read.scorecard.score.critical.length : 0), 0),
      lastActive: last ? summaryOf(last).attempt.finishedAt : null,
      verified: sorted.filter((a) => a.trust === 'verified').length,
      unchecked: sorted.filter((a) => a.trust === 'not-rechecked').length,
      levels: [...new Set(cases.map((c) => c.level))].sort(),
      channels: [...new Set(cases.map((c) => c.channel))].sort(),
    };
  });
}

/** A column of the team table: what it shows and how it sorts. */
export type TeamColumn =
  | 'name'
  | 'attempts'
  | 'latestGrade'
  | 'bestGrade'
  | Headline
  | 'criticalRecent'
  | 'lastActive'
  | 'verified';

/** The value a column sorts by (null sorts last either way). */
function sortValue(row: TeamRow, column: TeamColumn): string | number | null {
  switch (column) {
    case 'name':
      return row.name.toLocaleLowerCase();
    case 'latestGrade':
      return row.latestGrade ? rank(row.latestGrade) : null;
    case 'bestGrade':
      return row.bestGrade ? rank(row.bestGrade) : null;
    case 'empathy':
    case 'promises':
    case 'tier':
      return row.latest[column];
    default:
      return row[column];
  }
}

/** The rows sorted by a column; ties keep the trainees' names in order. */
export function sortRows(rows: readonly TeamRow[], column: TeamColumn, descending: boolean): TeamRow[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a, column);
    const y = sortValue(b, column);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return (descending ? -order : order) || a.name.localeCompare(b.name);
  });
}

/** What the table can be narrowed to. Empty fields narrow nothing. */
export interface TeamFilter {
  readonly name: string;
  readonly level: number | null;
  readonly channel: string | null;
  readonly verifiedOnly: boolean;
  /** ISO dates (YYYY-MM-DD), inclusive: the trainee was last active within them. */
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_FILTER: TeamFilter = {
  name: '',
  level: null,
  channel: null,
  verifiedOnly: false,
  from: null,
  to: null,
};

/** The rows a filter keeps. */
export function filterRows(rows: readonly TeamRow[], filter: TeamFilter): TeamRow[] {
  const name = filter.name.trim().toLocaleLowerCase();
  return rows.filter((row) => {
    if (name && !row.name.toLocaleLowerCase().includes(name)) return false;
    if (filter.level !== null && !row.levels.includes(filter.level)) return false;
    if (filter.channel !== null && !row.channels.includes(filter.channel)) return false;
    if (filter.verifiedOnly && row.verified < row.attempts) return false;
    const day = row.lastActive?.slice(0, 10) ?? null;
    if (filter.from && (!day || day < filter.from)) return false;
    if (filter.to && (!day || day > filter.to)) return false;
    return true;
  });
}
