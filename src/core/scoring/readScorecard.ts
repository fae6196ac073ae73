/**
 * Reading a scorecard from a file, as untrusted input: size-capped, parsed, and validated strictly. A
 * problem names the file, the line and the field, and says what to do. A scorecard in an earlier format
 * is read as far as its summary (who, what, which rules, the score it claims): it is not lost, though
 * it cannot be re-checked. Positions are found without a YAML parser, so the browser can load this.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { engineRulesOf } from '../engine/engineRules';
import { fail, type Result, succeed } from '../result';
import {
  Format3ScorecardSchema,
  MAX_SCORECARD_CHARS,
  OLDEST_FULL_SCORECARD_VERSION,
  SCORECARD_FORMAT,
  SCORECARD_VERSION,
  type Scorecard,
  ScorecardSchema,
  type ScorecardSummary,
  ScorecardSummarySchema,
} from './scorecard';

/** A problem with a scorecard file: where it is (line, field) and what to do. */
export interface ScorecardProblem {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/**
 * A scorecard as read: in full, or, when this build cannot replay it (an earlier format or another
 * engine), known by its summary alone.
 */
export type ReadScorecard =
  | { readonly current: true; readonly scorecard: Scorecard }
  | { readonly current: false; readonly summary: ScorecardSummary };

/** The outcome of {@link parseScorecard}. */
export type ParseScorecardResult = Result<ReadScorecard, ScorecardProblem>;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The line a JSON path starts on, or of its nearest existing parent (only looked up on failure). */
function lineOfPath(text: string, path: readonly PropertyKey[]): number {
  const root = parseTree(text);
  if (!root) return 1;
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const segments = path.slice(0, depth).map((key) => (typeof key === 'number' ? key : String(key)));
    const node = findNodeAtLocation(root, segments);
    if (node) return lineOf(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return 1;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
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

/**
 * Reads a scorecard from untrusted text. A problem names the file, the line and the field, and says
 * what is wrong and what to do.
 */
export function parseScorecard(text: string, file: string): ParseScorecardResult {
  const problem = (line: number, field: string, message: string) => fail([{ file, line, field, message }]);
  if (typeof text !== 'string' || text.trim() === '')
    return problem(1, '', 'The file is empty; export the scorecard again.');
  if (text.length > MAX_SCORECARD_CHARS) {
    return problem(
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
    return problem(
      at ? lineOf(text, Number(at[1])) : 1,
      '',
      'The file is not valid JSON (it may have been cut short or edited by hand); export the scorecard again.',
    );
  }
  const record =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (record && record.format !== SCORECARD_FORMAT) {
    return problem(
      lineOfPath(text, ['format']),
      'format',
      `This is not a scorecard: \`format\` must be "${SCORECARD_FORMAT}".`,
    );
  }
  const version = record?.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCORECARD_VERSION) {
    return problem(
      lineOfPath(text, ['version']),
      'version',
      `This scorecard was written by a newer version of Escalation Desk (format ${version}); open it there.`,
    );
  }
  // A scorecard this build cannot replay (an earlier format, or an engine it no longer plays, whose log
  // holds other events) is read as far as its summary: it is kept and listed, though it cannot be
  // re-checked.
  const engine = record?.engineVersion;
  const older =
    typeof version === 'number' &&
    version >= 1 &&
    (version < OLDEST_FULL_SCORECARD_VERSION || typeof engine !== 'string' || engineRulesOf(engine) === null);
  // Version 3 differs from the current one only in naming the trainee without an id; it is read whole.
  const parsed = older
    ? ScorecardSummarySchema.safeParse(raw)
    : version === 3
      ? Format3ScorecardSchema.safeParse(raw)
      : ScorecardSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const { path, message } = issue ? deepestIssue(issue, []) : { path: [], message: 'Invalid value' };
    return problem(
      lineOfPath(text, path),
      fieldName(path),
      `${message}. A scorecard is written by the game; export it again rather than editing it.`,
    );
  }
  return older
    ? succeed({ current: false, summary: parsed.data as ScorecardSummary })
    : succeed({ current: true, scorecard: parsed.data as Scorecard });
}
