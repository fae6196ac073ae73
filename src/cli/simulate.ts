/**
 * `npm run simulate -- <playthrough-file> [--json] [--human]`: plays a playthrough headlessly and
 * prints its transcript and outcome. The same file always prints the same output, byte for byte. A
 * playthrough that starts from a beat (`from:`) prints its start under the header.
 * The pack is the nearest pack.yaml above the file, or `--pack PATH` (a pack.yaml or its folder); the
 * playthrough plays when its own scenarios compile, whatever its neighbours' errors (listed as a note).
 * Tips are worded in `--language` (an interface language: en, es), or else the playthrough's own.
 * `--scorecard OUT.json` also writes its scorecard, played by `--trainee NAME` (default Playthrough)
 * whose id is `--trainee-id ID` or, without it, derived from the name: the same name always gives the
 * same id, so generated test teams stay distinct and reproducible.
 * `--human` plays each step when a person reading and typing would get to it, at the shift's pace,
 * checks only the outcome, and prints how long it took in real time. Exits 1 when an expectation
 * fails or the file has problems, 2 on a usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  createScorecard,
  formatProblem,
  type Problem,
  scorecardToJson,
  TraineeIdSchema,
  traineeIdFromName,
} from '../core';
import { formatRun, runToJson } from '../core/playthrough/formatRun';
import { runPlaythrough } from '../core/playthrough/runPlaythrough';
import { UI_LANGUAGES } from '../game/i18n';
import { runCli } from './runCli';
import { loadPackAround, packFileFor } from './scenarioFiles';
import { isUiLanguage, tipWording } from './tipWording';

const HELP =
  'Usage: npm run simulate -- <file.playthrough.yaml> [--pack PATH] [--language en|es] [--json] [--human] [--scorecard OUT.json [--trainee NAME] [--trainee-id ID]]';
const VALUED = ['--scorecard', '--trainee', '--trainee-id', '--pack', '--language'];
const FLAGS = ['--json', '--human'];

/** Where `simulate` writes: the run and its problems to `out`, notes and usage to `err`, a line each. */
export interface SimulateOutput {
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
}

/**
 * Runs `simulate` with `args` (as after `--`), writing to `print`; resolves to the exit code. A
 * playthrough is refused only for errors in its own file, the pack.yaml, or the scenarios it plays.
 */
export async function simulate(args: readonly string[], print: SimulateOutput): Promise<number> {
  const json = args.includes('--json');
  const human = args.includes('--human');
  const flagValue = (flag: string) => {
    const i = args.indexOf(flag);
    return i < 0 ? undefined : (args[i + 1] ?? '');
  };
  const scorecardFile = flagValue('--scorecard');
  const trainee = flagValue('--trainee') ?? 'Playthrough';
  const traineeId = flagValue('--trainee-id') ?? traineeIdFromName(trainee);
  const packOption = flagValue('--pack');
  const language = flagValue('--language');
  const files = args.filter((a, i) => !a.startsWith('-') && !VALUED.includes(args[i - 1] ?? ''));
  const unknown = args.find((a) => a.startsWith('-') && ![...FLAGS, ...VALUED].includes(a));
  if (scorecardFile === '' || packOption === '') {
    print.err(HELP);
    return 2;
  }
  if (!TraineeIdSchema.safeParse(traineeId).success) {
    print.err(`--trainee-id must be letters, digits and . _ : - (at most 100). ${HELP}`);
    return 2;
  }
  if (language !== undefined && !isUiLanguage(language)) {
    print.err(`--language must be one of ${UI_LANGUAGES.join(', ')} (the tips' language). ${HELP}`);
    return 2;
  }
  if (unknown || files.length !== 1) {
    print.err(unknown ? `Unknown option ${unknown}. ${HELP}` : HELP);
    return 2;
  }
  const file = files[0] ?? '';
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) {
    print.err(`No such file: ${file}.`);
    return 2;
  }
  const packFile = await packFileFor(file, packOption);
  if (!packFile.ok) {
    for (const p of packFile.problems) print.err(formatProblem(p));
    return 2;
  }
  const pack = await loadPackAround(file, packFile.value);
  const errors = pack.problems.filter((p) => p.severity === 'error');
  const printErrors = (problems: readonly Problem[]) => {
    for (const p of problems) print.out(`${formatProblem(p)}\n`);
  };
  // A broken pack.yaml would silently play every scenario on the default ladder instead.
  if (packFile.value && errors.some((p) => resolve(p.file) === packFile.value)) {
    printErrors(errors);
    return 1;
  }
  const result = runPlaythrough(text, {
    file,
    pack: pack.pack,
    scenarios: pack.scenarios,
    shifts: pack.shifts,
    timing: human ? 'human' : 'written',
  });
  if (!result.ok) {
    // The scenario it names may be missing because of its own errors: show them first.
    printErrors([...errors, ...result.problems]);
    return 1;
  }
  const run = result.value;
  const played = new Set(run.scenarios.map((s) => resolve(s.file)));
  const own = errors.filter((p) => played.has(resolve(p.file)));
  if (own.length > 0) {
    printErrors(own);
    return 1;
  }
  if (errors.length > 0) {
    print.err(
      `Note: ${errors.length} error${errors.length === 1 ? '' : 's'} in other files of the pack, which this playthrough does not play:`,
    );
    for (const p of errors) print.err(formatProblem(p));
  }
  if (json) {
    print.out(runToJson(run));
  } else {
    const tipText = await tipWording(run, language ?? (isUiLanguage(run.language) ? run.language : 'en'));
    print.out(formatRun(run, { tipText }));
  }
  if (scorecardFile) {
    const card = createScorecard(run.session.transcript, pack.scenarios, {
      trainee: { name: trainee, id: traineeId },
      attemptId: `playthrough:${file}`,
      language: run.language,
      finishedAt: null,
    });
    await writeFile(scorecardFile, scorecardToJson(card));
    print.err(`Scorecard written to ${scorecardFile}.`);
  }
  return run.passed ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli('simulate', () =>
    simulate(process.argv.slice(2), {
      out: (text) => process.stdout.write(text),
      err: (line) => console.error(line),
    }),
  );
}
