/**
 * `npm run verify -- [--scenarios DIR] <scorecard.json>...`: checks scorecards the way the manager view
 * does. Each is read as untrusted input, its log's hash chain checked, its inputs replayed against the
 * exact scenario versions it names (from the pack in DIR, `scenarios/` by default), and its score
 * computed again. Prints one verdict per file; exits 0 when every scorecard verifies, 1 otherwise, 2 on
 * a usage error.
 */
import { stat } from 'node:fs/promises';
import { formatProblem, hasErrors, MAX_SCORECARD_CHARS, parseScorecard, verifyScorecard } from '../core';
import { runCli } from './runCli';
import { loadPackAround, readSourceFile } from './scenarioFiles';

const HELP = 'Usage: npm run verify -- [--scenarios DIR] <scorecard.json>...';

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
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
  let failures = 0;
  for (const file of files) {
    const read = await readSourceFile(file, MAX_SCORECARD_CHARS).catch(() => null);
    if (read === null) {
      console.log(`${file}: cannot be read.`);
      failures += 1;
      continue;
    }
    if ('tooLarge' in read) {
      console.log(`${file}:1: too large: it is not a scorecard.`);
      failures += 1;
      continue;
    }
    const parsed = parseScorecard(read.text, file);
    if (!parsed.ok) {
      const p = parsed.problem;
      console.log(`${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
      failures += 1;
      continue;
    }
    const card = parsed.scorecard;
    const verdict = verifyScorecard(card, pack.scenarios);
    const who = `${card.trainee.name || 'unnamed'} · ${card.scenarios.map((s) => `${s.id} v${s.version}`).join(', ')}`;
    switch (verdict.status) {
      case 'verified':
        console.log(
          `${file}: verified · ${who} · ${card.score.overall ?? '–'} ${card.score.grade ?? ''}`.trimEnd(),
        );
        break;
      case 'scenario-unavailable':
        failures += 1;
        console.log(
          `${file}: cannot be verified: scenario version not available: ${verdict.missing
            .map((m) => `${m.id} v${m.version} (sha256 ${m.contentHash.slice(0, 12)})`)
            .join(', ')}`,
        );
        break;
      case 'engine-version':
        failures += 1;
        console.log(
          `${file}: cannot be verified: made by engine ${verdict.recorded}; this is ${verdict.current}.`,
        );
        break;
      case 'differs':
        failures += 1;
        console.log(`${file}: DIFFERS from its replay · ${who}`);
        for (const d of verdict.differences) {
          console.log(`  ${d.field}: recorded ${show(d.recorded)}, replay gives ${show(d.computed)}`);
        }
        break;
    }
  }
  return failures === 0 ? 0 : 1;
}

runCli('verify', main);
