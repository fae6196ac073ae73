/**
 * `npm run explore -- <scenario id or file> [--pack PATH] [--json] [--limit=<states>]`: walks every
 * path a persona can take and reports which endings can be reached (with the shortest way to each) and
 * which beats cannot. A file is compiled in the nearest pack.yaml above it, an id in scenarios/;
 * `--pack` names another pack (its pack.yaml, or the folder holding it). A walk stopped at its limit
 * prints what it found and what multiplied its states.
 */
import { formatProblem } from '../core';
import { exploreScenario } from '../core/engine/exploreScenario';
import { runCli } from './runCli';
import { findScenario } from './scenarioFiles';

const USAGE = 'Usage: npm run explore -- <scenario id or file> [--pack PATH] [--json] [--limit=<states>]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const packAt = args.indexOf('--pack');
  const pack = packAt < 0 ? undefined : args[packAt + 1];
  // `--limit=<states>` walks fewer (or more) states than the checker does, to see what a limit leaves.
  const limitArg = args.find((a) => a.startsWith('--limit='));
  const limit = limitArg === undefined ? undefined : Number(limitArg.slice('--limit='.length));
  const targets = args.filter((a, i) => !a.startsWith('-') && (packAt < 0 || i !== packAt + 1));
  const known = (a: string) => a === '--json' || a === '--pack' || a === limitArg;
  const packMissing = packAt >= 0 && (pack === undefined || pack.startsWith('-'));
  const badLimit = limit !== undefined && !(Number.isInteger(limit) && limit > 0);
  if (targets.length !== 1 || packMissing || badLimit || args.some((a) => a.startsWith('-') && !known(a))) {
    console.error(USAGE);
    return 2;
  }
  const found = await findScenario(targets[0] ?? '', pack);
  if (!found.ok) {
    for (const p of found.problems) console.log(formatProblem(p));
    return 1;
  }
  const { scenario } = found.value;
  const result = exploreScenario(scenario, limit === undefined ? {} : { limit });
  if (json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`Scenario     ${scenario.id} (${scenario.file})`);
    console.log(
      `States       ${result.states}${result.truncated ? ' (stopped at the limit: what follows is what the walk found until then)' : ''}`,
    );
    if (result.truncated) {
      // Which conditions multiplied the states, so the trainer knows what to simplify.
      for (const f of result.factors) {
        const at = f.thresholds.length > 0 ? `, conditions at ${f.thresholds.join(', ')}` : '';
        console.log(`  split by    ${f.factor}: ${f.values} values${at}`);
      }
    }
    // A walk stopped at its limit cannot say no, only that it did not find a way.
    const answer = (found: boolean) => (found ? 'yes' : result.truncated ? 'not found' : 'NO');
    console.log(
      `Winnable     ${answer(result.winnable)}    Losable  ${answer(result.losable)}    By typing  ${answer(result.winnableByTyping)}`,
    );
    for (const [ending, route] of Object.entries(result.endings)) {
      console.log(`${ending.padEnd(12)} ${route.length === 0 ? '(at once)' : route.join(' → ')}`);
    }
    for (const ending of ['satisfied', 'neutral', 'upset', 'abandoned']) {
      if (!(ending in result.endings))
        console.log(
          `${ending.padEnd(12)} ${result.truncated ? 'not found before the limit' : 'not reachable'}`,
        );
    }
    console.log(
      result.unreachableBeats.length === 0
        ? 'Every beat can be reached.'
        : result.truncated
          ? `Not reached before the limit: ${result.unreachableBeats.join(', ')}.`
          : `Not reached: ${result.unreachableBeats.join(', ')} (the walk tries each event once per state; a beat behind a long timer may need a playthrough to reach).`,
    );
  }
  return result.winnable && result.losable ? 0 : 1;
}

runCli('explore', main);
