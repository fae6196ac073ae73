/**
 * `npm run simulate -- <playthrough-file> [--json] [--human]`: plays a playthrough headlessly and
 * prints its transcript and outcome. The same file always prints the same output, byte for byte.
 * `--scorecard OUT.json` also writes its scorecard, played by `--trainee NAME` (default Playthrough)
 * whose id is `--trainee-id ID` or, without it, derived from the name: the same name always gives the
 * same id, so generated test teams stay distinct and reproducible.
 * `--human` plays each step when a person reading and typing would get to it, at the shift's pace,
 * checks only the outcome, and prints how long it took in real time. Exits 1 when an expectation
 * fails or the file has problems, 2 on a usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import {
  createScorecard,
  formatProblem,
  hasErrors,
  scorecardToJson,
  TraineeIdSchema,
  traineeIdFromName,
} from '../core';
import { formatRun, runToJson } from '../core/playthrough/formatRun';
import { runPlaythrough } from '../core/playthrough/runPlaythrough';
import { runCli } from './runCli';
import { loadPackAround } from './scenarioFiles';

const HELP =
  'Usage: npm run simulate -- <file.playthrough.yaml> [--json] [--human] [--scorecard OUT.json [--trainee NAME] [--trainee-id ID]]';
const VALUED = ['--scorecard', '--trainee', '--trainee-id'];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const human = args.includes('--human');
  const flagValue = (flag: string) => {
    const i = args.indexOf(flag);
    return i < 0 ? undefined : (args[i + 1] ?? '');
  };
  const scorecardFile = flagValue('--scorecard');
  const trainee = flagValue('--trainee') ?? 'Playthrough';
  const traineeId = flagValue('--trainee-id') ?? traineeIdFromName(trainee);
  const files = args.filter((a, i) => !a.startsWith('-') && !VALUED.includes(args[i - 1] ?? ''));
  const unknown = args.find((a) => a.startsWith('-') && !['--json', '--human', ...VALUED].includes(a));
  if (scorecardFile === '') {
    console.error(HELP);
    return 2;
  }
  if (!TraineeIdSchema.safeParse(traineeId).success) {
    console.error(`--trainee-id must be letters, digits and . _ : - (at most 100). ${HELP}`);
    return 2;
  }
  if (unknown || files.length !== 1) {
    console.error(unknown ? `Unknown option ${unknown}. ${HELP}` : HELP);
    return 2;
  }
  const file = files[0] ?? '';
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) {
    console.error(`No such file: ${file}.`);
    return 2;
  }
  const pack = await loadPackAround(file);
  if (hasErrors(pack.problems)) {
    for (const p of pack.problems) console.log(formatProblem(p));
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
    for (const p of result.problems) console.log(formatProblem(p));
    return 1;
  }
  process.stdout.write(json ? runToJson(result.value) : formatRun(result.value));
  if (scorecardFile) {
    const card = createScorecard(result.value.session.transcript, pack.scenarios, {
      trainee: { name: trainee, id: traineeId },
      attemptId: `playthrough:${file}`,
      language: result.value.language,
      finishedAt: null,
    });
    await writeFile(scorecardFile, scorecardToJson(card));
    console.error(`Scorecard written to ${scorecardFile}.`);
  }
  return result.value.passed ? 0 : 1;
}

runCli('simulate', main);
