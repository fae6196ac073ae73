/**
 * `npm run explore -- <scenario id or file> [--pack PATH] [--json]`: walks every path a persona can
 * take and reports which endings can be reached (with the shortest way to each) and which beats
 * cannot. A file is compiled in the nearest pack.yaml above it, an id in scenarios/; `--pack` names
 * another pack (its pack.yaml, or the folder holding it).
 */
import { formatProblem } from '../core';
import { exploreScenario } from '../core/engine/exploreScenario';
import { runCli } from './runCli';
import { findScenario } from './scenarioFiles';

const USAGE = 'Usage: npm run explore -- <scenario id or file> [--pack PATH] [--json]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const packAt = args.indexOf('--pack');
  const pack = packAt < 0 ? undefined : args[packAt + 1];
  const targets = args.filter((a, i) => !a.startsWith('-') && (packAt < 0 || i !== packAt + 1));
  const known = (a: string) => a === '--json' || a === '--pack';
  const packMissing = packAt >= 0 && (pack === undefined || pack.startsWith('-'));
  if (targets.length !== 1 || packMissing || args.some((a) => a.startsWith('-') && !known(a))) {
    console.error(USAGE);
    return 2;
  }
  const found = await findScenario(targets[0] ?? '', pack);
  if (!found.ok) {
    for (const p of found.problems) console.log(formatProblem(p));
    return 1;
  }
  const { scenario } = found.value;
  const result = exploreScenario(scenario);
  if (json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`Scenario     ${scenario.id} (${scenario.file})`);
    console.log(`States       ${result.states}${result.truncated ? ' (stopped at the limit)' : ''}`);
    console.log(
      `Winnable     ${result.winnable ? 'yes' : 'NO'}    Losable  ${result.losable ? 'yes' : 'NO'}    By typing  ${result.winnableByTyping ? 'yes' : 'NO'}`,
    );
    for (const [ending, route] of Object.entries(result.endings)) {
      console.log(`${ending.padEnd(12)} ${route.length === 0 ? '(at once)' : route.join(' → ')}`);
    }
    for (const ending of ['satisfied', 'neutral', 'upset', 'abandoned']) {
      if (!(ending in result.endings)) console.log(`${ending.padEnd(12)} not reachable`);
    }
    console.log(
      result.unreachableBeats.length === 0
        ? 'Every beat can be reached.'
        : `Not reached: ${result.unreachableBeats.join(', ')} (the walk tries each event once per state; a beat behind a long timer may need a playthrough to reach).`,
    );
  }
  return result.winnable && result.losable ? 0 : 1;
}

runCli('explore', main);
