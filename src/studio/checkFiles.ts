/**
 * What the studio's worker does with the open files: checks them together against the pack (the
 * opened `pack.yaml`, or the shipped one), the way the pack check does, so a shift's or a playthrough's
 * references to a scenario are checked against the edited scenario; and runs the open playthroughs.
 * Pure: the worker (`checkWorker.ts`) only passes messages to {@link handleStudioMessage}.
 */

import { runPlaythrough } from '../core/playthrough/runPlaythrough';
import { compilePack } from '../core/scenario/compilePack';
import { compileScenario } from '../core/scenario/compileScenario';
import { compileShift } from '../core/scenario/compileShift';
import { isPlaythroughFile, isScenarioFile, isShiftFile, PACK_FILE_NAME } from '../core/scenario/files';
import { type Problem, sortProblems } from '../core/scenario/problems';
import { readYaml } from '../core/scenario/readYaml';
import { ScenarioIds } from '../core/scenario/scenarioIds';
import type { Pack, Scenario, Shift } from '../core/scenario/types';

/** An open file: its name as the trainer sees it (problems name it) and its text. */
export interface StudioFile {
  readonly name: string;
  readonly text: string;
}

/** The library the build ships: what open files are checked and played against when not replaced. */
export interface ShippedLibrary {
  readonly pack: Pack;
  readonly scenarios: readonly Scenario[];
  readonly shifts: readonly Shift[];
}

/** A scenario of the open files that compiled, with the line of each beat's id (for the map). */
export interface CheckedScenario {
  readonly file: string;
  readonly scenario: Scenario;
  /** The 1-based line of each beat's `id:`, by beat id. */
  readonly beatLines: Readonly<Record<string, number>>;
}

/** Every problem of the open files, and their scenarios that compiled. */
export interface StudioCheck {
  readonly problems: readonly Problem[];
  readonly scenarios: readonly CheckedScenario[];
}

/** One playthrough run: passed, or the located reasons it failed (failed expectations or its own problems). */
export interface PlaythroughOutcome {
  readonly file: string;
  readonly title: string;
  readonly passed: boolean;
  readonly failures: readonly { readonly line: number; readonly col: number; readonly message: string }[];
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

interface Compiled {
  readonly pack: Pack;
  readonly problems: Problem[];
  readonly opened: CheckedScenario[];
  /** The open scenarios, then the shipped ones the open files do not replace (same id). */
  readonly scenarios: readonly Scenario[];
  readonly shifts: readonly Shift[];
  /** The ids of open scenario files that do not compile (as far as their `id:` can be read). */
  readonly broken: ReadonlySet<string>;
}

/**
 * What the last check compiled, by file name and text: typing in one file recompiles that file (and
 * the playthroughs that may depend on it), not every open file. Only the last check's entries are kept.
 */
export class CheckMemo {
  private scenarios = new Map<string, { pack: Pack; result: ReturnType<typeof compileScenario> }>();
  private playthroughs = new Map<string, readonly Problem[]>();
  private usedScenarios = new Map<string, { pack: Pack; result: ReturnType<typeof compileScenario> }>();
  private usedPlaythroughs = new Map<string, readonly Problem[]>();

  /** The scenario compiled from `source` against `pack`, from the last check when it is the same. */
  scenario(source: StudioFile, pack: Pack): ReturnType<typeof compileScenario> {
    const key = `${source.name}\0${source.text}`;
    const kept = this.scenarios.get(key);
    const entry =
      kept && kept.pack === pack
        ? kept
        : { pack, result: compileScenario(source.text, { file: source.name, pack }) };
    this.usedScenarios.set(key, entry);
    return entry.result;
  }

  /** A playthrough's own problems; `context` names everything it was checked against. */
  playthrough(source: StudioFile, context: string, check: () => readonly Problem[]): readonly Problem[] {
    const key = `${source.name}\0${source.text}\0${context}`;
    const problems = this.playthroughs.get(key) ?? check();
    this.usedPlaythroughs.set(key, problems);
    return problems;
  }

  /** Ends a check: forgets what it did not use. */
  settle(): void {
    this.scenarios = this.usedScenarios;
    this.playthroughs = this.usedPlaythroughs;
    this.usedScenarios = new Map();
    this.usedPlaythroughs = new Map();
  }
}

function compileOpenFiles(
  files: readonly StudioFile[],
  shipped: ShippedLibrary,
  memo: CheckMemo = new CheckMemo(),
): Compiled {
  const problems: Problem[] = [];
  let pack = shipped.pack;
  const packFile = files.find((f) => baseName(f.name) === PACK_FILE_NAME);
  if (packFile) {
    const compiled = compilePack(packFile.text, packFile.name);
    problems.push(...compiled.problems);
    if (compiled.ok) pack = compiled.value;
  }
  const opened: CheckedScenario[] = [];
  const ids = new ScenarioIds();
  const broken = new Set<string>();
  for (const source of files.filter((f) => isScenarioFile(f.name))) {
    const compiled = memo.scenario(source, pack);
    problems.push(...compiled.problems);
    if (!compiled.ok) {
      const id = idWritten(source);
      if (id !== null) broken.add(id);
      continue;
    }
    const { scenario, idAt } = compiled.value;
    const taken = ids.claim(scenario.id, source.name, idAt);
    if (taken) {
      problems.push(taken);
      continue;
    }
    opened.push({ file: source.name, scenario, beatLines: beatLinesOf(source, scenario) });
  }
  const scenarios = [...opened.map((o) => o.scenario), ...shipped.scenarios.filter((s) => !ids.has(s.id))];
  const openShifts: Shift[] = [];
  for (const source of files.filter((f) => isShiftFile(f.name))) {
    const compiled = compileShift(source.text, { file: source.name, scenarios, pack });
    problems.push(...compiled.problems);
    if (compiled.ok) openShifts.push(compiled.value);
  }
  const shiftIds = new Set(openShifts.map((s) => s.id));
  const shifts = [...openShifts, ...shipped.shifts.filter((s) => !shiftIds.has(s.id))];
  return { pack, problems, opened, scenarios, shifts, broken };
}

/** The `id:` a scenario file gives, when its YAML reads that far. */
function idWritten(source: StudioFile): string | null {
  const read = readYaml(source.text, source.name);
  if (!read.ok) return /^id:\s*([\w-]+)\s*$/m.exec(source.text)?.[1] ?? null;
  const value = read.value.value as { id?: unknown } | null;
  return typeof value?.id === 'string' ? value.id : null;
}

/** The line of each beat's id in the scenario's text (the compiled beats keep the file's order). */
function beatLinesOf(source: StudioFile, scenario: Scenario): Record<string, number> {
  const read = readYaml(source.text, source.name);
  if (!read.ok) return {};
  const lines: Record<string, number> = {};
  scenario.beats.forEach((beat, index) => {
    lines[beat.id] = read.value.locate(['beats', index, 'id']).line;
  });
  return lines;
}

/**
 * Checks the open files together: every problem of the pack, scenario and shift files, and the
 * playthroughs' own problems (a playthrough naming a scenario that is not there, a step the schema
 * refuses); whether the playthroughs pass is {@link runOpenPlaythroughs}'s to say.
 */
export function checkOpenFiles(
  files: readonly StudioFile[],
  shipped: ShippedLibrary,
  memo: CheckMemo = new CheckMemo(),
): StudioCheck {
  const compiled = compileOpenFiles(files, shipped, memo);
  const problems = [...compiled.problems];
  // A playthrough's own problems (its YAML, its schema, the scenario or shift it names, a step doing
  // two things) are found before it is played: they change only with its text and the ids it may name,
  // so typing in a scenario does not play its playthroughs again.
  const context = [...compiled.scenarios.map((s) => s.id), '\0', ...compiled.shifts.map((s) => s.id)].join(
    ' ',
  );
  for (const source of files.filter((f) => isPlaythroughFile(f.name))) {
    const own = memo.playthrough(source, context, () => {
      return runPlaythrough(source.text, {
        file: source.name,
        pack: compiled.pack,
        scenarios: compiled.scenarios,
        shifts: compiled.shifts,
      }).problems;
    });
    // A playthrough of an open scenario that does not compile yet is not "of a scenario the pack
    // lacks": the scenario's own errors say what to fix.
    problems.push(
      ...own.filter(
        (p) =>
          !(
            p.code === 'unknown-scenario' &&
            [...compiled.broken].some((id) => p.message.includes(`\`${id}\``))
          ),
      ),
    );
  }
  memo.settle();
  return { problems: sortProblems(problems), scenarios: compiled.opened };
}

/** Runs every open playthrough against the open scenarios and the shipped ones. */
export function runOpenPlaythroughs(
  files: readonly StudioFile[],
  shipped: ShippedLibrary,
): PlaythroughOutcome[] {
  const compiled = compileOpenFiles(files, shipped);
  return files
    .filter((f) => isPlaythroughFile(f.name))
    .map((source): PlaythroughOutcome => {
      const run = runPlaythrough(source.text, {
        file: source.name,
        pack: compiled.pack,
        scenarios: compiled.scenarios,
        shifts: compiled.shifts,
      });
      if (!run.ok) {
        return {
          file: source.name,
          title: baseName(source.name),
          passed: false,
          failures: run.problems
            .filter((p) => p.severity === 'error')
            .map((p) => ({ line: p.line, col: p.col, message: p.message })),
        };
      }
      const failed = run.value.checks.filter((c) => !c.ok);
      return {
        file: source.name,
        title: run.value.title,
        passed: run.value.passed,
        failures: failed.map((c) => ({ line: c.at.line, col: c.at.col, message: c.message })),
      };
    });
}

/** What the page asks the worker. `id` pairs each answer with its question. */
export type StudioRequest =
  | { readonly kind: 'library'; readonly library: ShippedLibrary }
  | { readonly kind: 'check'; readonly id: number; readonly files: readonly StudioFile[] }
  | { readonly kind: 'run'; readonly id: number; readonly files: readonly StudioFile[] };

/** What the worker answers. */
export type StudioResponse =
  | { readonly kind: 'checked'; readonly id: number; readonly check: StudioCheck }
  | { readonly kind: 'ran'; readonly id: number; readonly outcomes: readonly PlaythroughOutcome[] }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** The worker's memory between messages: the shipped library, once the page has sent it. */
export interface StudioWorkerState {
  library: ShippedLibrary | null;
  /** What the last check compiled, reused by the next. */
  readonly memo?: CheckMemo;
}

/**
 * Answers one message from the page (null for the library, which only sets state). A check or run
 * that throws answers `failed` with the reason, so the page never waits for an answer that will not come.
 */
export function handleStudioMessage(state: StudioWorkerState, request: StudioRequest): StudioResponse | null {
  if (request.kind === 'library') {
    state.library = request.library;
    return null;
  }
  const library = state.library;
  if (!library)
    return { kind: 'failed', id: request.id, message: 'The shipped scenarios have not arrived yet.' };
  try {
    return request.kind === 'check'
      ? { kind: 'checked', id: request.id, check: checkOpenFiles(request.files, library, state.memo) }
      : { kind: 'ran', id: request.id, outcomes: runOpenPlaythroughs(request.files, library) };
  } catch (error) {
    return {
      kind: 'failed',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
