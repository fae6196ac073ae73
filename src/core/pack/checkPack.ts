/**
 * The check of a whole scenario pack, across files: it compiles every file and walks each persona's
 * paths with the engine's explorer, so it sits above both the scenario language and the engine.
 */
import { lexiconAnalyser } from '../analysis/lexiconAnalyser';
import { type PlayOutcome, playOutcome } from '../engine/exploreScenario';
import { compilePack, DEFAULT_PACK } from '../scenario/compilePack';
import { compileScenario } from '../scenario/compileScenario';
import { compileShift } from '../scenario/compileShift';
import { type Position, type Problem, problem, sortProblems } from '../scenario/problems';
import { ScenarioIds } from '../scenario/scenarioIds';
import type { Pack, Scenario, Shift } from '../scenario/types';

/** A file's name (as shown in problems) and its text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

export type { PlayOutcome };

export interface PackCheck {
  /** The compiled pack, or the default pack when there is none or it failed to compile. */
  readonly pack: Pack;
  /** Every scenario that compiled (with or without warnings), in input order. */
  readonly scenarios: readonly Scenario[];
  /** Every shift file that compiled. */
  readonly shifts: readonly Shift[];
  /** Every problem in every file, sorted by file and position. */
  readonly problems: readonly Problem[];
}

/** The most problems listed for one file; past it a single `too-many-problems` line says so. */
export const MAX_PROBLEMS_PER_FILE = 50;

/**
 * Checks a whole scenario pack: compiles the pack file (or falls back to the default ladder with a
 * warning), compiles every scenario against it, and adds the checks that span files, such as two
 * scenarios sharing an id.
 */
export function checkPack(input: {
  pack: SourceFile | null;
  scenarios: readonly SourceFile[];
  /** Shift files (`*.shift.yaml`), checked against the scenarios. */
  shifts?: readonly SourceFile[];
  /**
   * Walk every persona's paths too (default true): warns when a scenario cannot be won or lost. A
   * function replaces the walk, so a caller can cache results by content hash.
   */
  explore?: boolean | ((scenario: Scenario) => PlayOutcome);
}): PackCheck {
  const problems: Problem[] = [];
  let pack = DEFAULT_PACK;
  if (input.pack) {
    const compiled = compilePack(input.pack.text, input.pack.file);
    problems.push(...cap(compiled.problems, input.pack.file));
    if (compiled.ok) pack = compiled.value;
  } else {
    const where = input.scenarios[0]?.file ?? 'pack.yaml';
    problems.push(
      problem(
        'pack-missing',
        'No pack.yaml found beside the scenarios; using the default four-level ladder in en and es.',
        where,
        {
          line: 1,
          col: 1,
        },
      ),
    );
  }

  const scenarios: Scenario[] = [];
  const ids = new ScenarioIds();
  for (const source of input.scenarios) {
    const compiled = compileScenario(source.text, { file: source.file, pack, phraseFamilyOf });
    problems.push(...cap(compiled.problems, source.file));
    if (!compiled.ok) continue;
    const { scenario, idAt } = compiled.value;
    const taken = ids.claim(scenario.id, source.file, idAt);
    if (taken) {
      problems.push(taken);
      continue;
    }
    scenarios.push(scenario);
    if (input.explore !== false) {
      const explore = typeof input.explore === 'function' ? input.explore : playOutcome;
      problems.push(...playProblems(explore(scenario), scenario, idAt, source.text));
    }
  }
  const shifts: Shift[] = [];
  for (const source of input.shifts ?? []) {
    const compiled = compileShift(source.text, { file: source.file, scenarios, pack });
    problems.push(...cap(compiled.problems, source.file));
    if (compiled.ok) shifts.push(compiled.value);
  }
  return { pack, scenarios, shifts, problems: sortProblems(problems) };
}

function cap(problems: readonly Problem[], file: string): Problem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return [...problems];
  const shown = sortProblems(problems).slice(0, MAX_PROBLEMS_PER_FILE);
  const last = shown[shown.length - 1];
  return [
    ...shown,
    problem(
      'too-many-problems',
      `${problems.length - MAX_PROBLEMS_PER_FILE} more problems are not listed. Fix these first.`,
      file,
      last ? { line: last.line, col: last.col } : { line: 1, col: 1 },
    ),
  ];
}

/**
 * The phrase family the shipped analyser would also hear in a topic word, if any: such a word moves the
 * customer and scores as that phrase at once, which a trainer should choose knowingly.
 */
function phraseFamilyOf(word: string, language: string): string | null {
  const families = lexiconAnalyser
    .reply(word, { language, customerName: '', previous: [] })
    .families.filter((f) => f !== 'name');
  return families[0] ?? null;
}

/**
 * Warnings from walking the persona's paths: a scenario every trainee wins, or none can. A walk that
 * stopped at its limit says so, at the first condition on what multiplied its states, and only what it
 * did find is reported (a "no" it could not make sure of is left out).
 */
function playProblems(explored: PlayOutcome, scenario: Scenario, at: Position, text: string): Problem[] {
  if (explored.truncated) return [limitProblem(explored, scenario, at, text)];
  const out: Problem[] = [];
  if (!explored.winnable) {
    out.push(
      problem(
        'unwinnable',
        'No way of playing this scenario reaches a satisfied or neutral ending. Check the transitions into them.',
        scenario.file,
        at,
      ),
    );
  }
  if (explored.winnable && !explored.winnableByTyping) {
    out.push(
      problem(
        'typing-cannot-win',
        'Only authored choices lead to a good ending, so a trainee who types cannot win. Add `mentions:` transitions with the words a typed reply would use, beside the choices.',
        scenario.file,
        at,
      ),
    );
  }
  if (!explored.losable) {
    out.push(
      problem(
        'unlosable',
        'No way of playing this scenario reaches an upset or abandoned ending, so it cannot teach what goes wrong.',
        scenario.file,
        at,
      ),
    );
  }
  return out;
}

/** The YAML keys of the conditions on each feeling, as a trainer writes them. */
const FEELING_KEYS = {
  mood: ['mood_above', 'mood_below'],
  trust: ['trust_above', 'trust_below'],
  patience: ['patience_below'],
} as const;

/**
 * The walk stopped at its limit: names what told its states apart and how many values each took, and
 * points at the first condition on the feeling that multiplied them most (at the id when no feeling
 * did), so the trainer knows which conditions to merge or simplify.
 */
function limitProblem(explored: PlayOutcome, scenario: Scenario, at: Position, text: string): Problem {
  const factors = explored.factors ?? [];
  const named = factors
    .map(
      (f) =>
        `${f.factor} (${f.values} values${f.thresholds.length > 0 ? `; conditions at ${f.thresholds.join(', ')}` : ''})`,
    )
    .join(', ');
  const feeling = factors.find((f) => f.factor in FEELING_KEYS)?.factor as
    | keyof typeof FEELING_KEYS
    | undefined;
  let where = at;
  if (feeling) {
    const lines = text.split('\n');
    const pattern = new RegExp(`\\b(${FEELING_KEYS[feeling].join('|')})\\s*:`);
    const index = lines.findIndex((line) => pattern.test(line.replace(/#.*$/, '')));
    const col = index >= 0 ? (lines[index]?.search(pattern) ?? -1) : -1;
    if (index >= 0 && col >= 0) where = { line: index + 1, col: col + 1 };
  }
  return problem(
    'explore-limit',
    `Walking every way of playing stopped at its state limit${named ? `; the states were multiplied by ${named}` : ''}, so whether this scenario can be won and lost is not sure. Fewer distinct thresholds on the same feeling (reuse one value, such as mood_below: -0.5, in every condition) or fewer facts that conditions wait for keep the walk small.`,
    scenario.file,
    where,
  );
}
