/**
 * `npm run verify -- [--scenarios DIR] <scorecard.json>...`: checks scorecards the way the manager's
 * review does. Each is read as untrusted input, its log's hash chain checked, its inputs replayed
 * against the exact scenario versions it names (the pack in DIR, `scenarios/` by default, and every
 * version released beside it), and its score computed again. Prints one verdict per file; exits 0 when
 * every scorecard verifies, 1 otherwise, 2 on a usage error.
 */
import { stat } from 'node:fs/promises';
import {
  formatProblem,
  hasErrors,
  lexiconAnalyser,
  MAX_SCORECARD_CHARS,
  parseScorecard,
  type Scenario,
  verdictOf,
  verifyScorecard,
} from '../core';
import { scenariosToVerifyWith } from '../core/engine/released';
import { runCli } from './runCli';
import { loadPackAround, loadReleased, readSourceFile } from './scenarioFiles';

const HELP = 'Usage: npm run verify -- [--scenarios DIR] <scorecard.json>...';

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The verdict on one scorecard file, as lines to print, and whether it verified. */
export async function verifyFile(
  file: string,
  scenarios: readonly Scenario[],
): Promise<{ lines: string[]; verified: boolean }> {
  const read = await readSourceFile(file, MAX_SCORECARD_CHARS);
  if (!read.ok) {
    const problem = read.problems[0];
    const why =
      problem?.code === 'too-large' ? `${problem.message} It is not a scorecard.` : problem?.message;
    return { lines: [`${file}: ${why ?? 'cannot be read.'}`], verified: false };
  }
  const parsed = parseScorecard(read.value.text, file);
  if (!parsed.ok) {
    return {
      lines: parsed.problems.map((p) => `${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`),
      verified: false,
    };
  }
  const summary = parsed.value.current ? parsed.value.scorecard : parsed.value.summary;
  const who = `${summary.trainee.name || 'unnamed'} · ${summary.scenarios.map((s) => `${s.id} v${s.version}`).join(', ')}`;
  const verification = verifyScorecard(parsed.value, scenarios, { analyser: lexiconAnalyser });
  const verdict = verdictOf(verification);
  if (verification.ok) {
    const score = `${summary.score.overall ?? '–'} ${summary.score.grade ?? ''}`.trimEnd();
    return { lines: [`${file}: verified · ${who} · ${score}`], verified: true };
  }
  const problems = verification.problems;
  switch (verdict) {
    case 'differs':
      return {
        lines: [
          `${file}: DIFFERS from its replay · ${who}`,
          ...problems.flatMap((p) =>
            p.code === 'differs'
              ? [`  ${p.field}: recorded ${show(p.recorded)}, replay gives ${show(p.computed)}`]
              : [],
          ),
        ],
        verified: false,
      };
    case 'cannot-recheck':
      return {
        lines: [`${file}: cannot be re-checked · ${who}`, ...problems.map((p) => `  ${p.message}`)],
        verified: false,
      };
    default:
      return {
        lines: [
          `${file}: cannot be verified: scenario version not available · ${who}`,
          ...problems.map((p) => `  ${p.message}`),
        ],
        verified: false,
      };
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let scenariosDir = 'scenarios';
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--scenarios') {
      const dir = args[i + 1];
      if (!dir) {
        console.error(HELP);
        return 2;
      }
      scenariosDir = dir;
      i += 1;
    } else if (arg.startsWith('-')) {
      console.error(`Unknown option ${arg}. ${HELP}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    console.error(HELP);
    return 2;
  }
  const packDir = await stat(scenariosDir).catch(() => null);
  if (!packDir?.isDirectory()) {
    console.error(`No scenarios folder at ${scenariosDir}.`);
    return 2;
  }
  const pack = await loadPackAround(`${scenariosDir}/pack.yaml`);
  if (hasErrors(pack.problems)) {
    for (const p of pack.problems) console.log(formatProblem(p));
    console.log('The scenarios have errors, so no scorecard can be verified against them.');
    return 1;
  }
  const released = await loadReleased(scenariosDir);
  for (const p of released.problems) console.log(`${p.file}: ${p.message}`);
  const scenarios = scenariosToVerifyWith(pack.scenarios, released.released);
  let failures = 0;
  for (const file of files) {
    const { lines, verified } = await verifyFile(file, scenarios);
    for (const line of lines) console.log(line);
    if (!verified) failures += 1;
  }
  return failures === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli('verify', main);
