/**
 * `npm run explore -- <scenario id or file> [--json]`: walks every path a persona can take and
 * reports which endings can be reached (with the shortest way to each) and which beats cannot.
 */
import { resolve } from 'node:path';
import { formatProblem, hasErrors } from '../core';
import { exploreScenario } from '../core/engine/exploreScenario';
import { runCli } from './runCli';
import { loadPackAround } from './scenarioFiles';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const targets = args.filter((a) => !a.startsWith('-'));
  if (targets.length !== 1 || args.some((a) => a.startsWith('-') && a !== '--json')) {
    console.error('Usage: npm run explore -- <scenario id or file> [--json]');
    return 2;
  }
  const target = targets[0] ?? '';
  const isFile = /\.ya?ml$/.test(target);
  const pack = await loadPackAround(isFile ? target : 'scenarios/pack.yaml');
  const scenario = pack.scenarios.find((s) =>
    isFile ? resolve(s.file) === resolve(target) : s.id === target,
  );
  if (!scenario) {
    for (const p of pack.problems.filter((p) => p.severity === 'error')) console.log(formatProblem(p));
    console.error(
      `No scenario ${target} compiled${hasErrors(pack.problems) ? ' (see the problems above)' : ''}.`,
    );
    return 1;
  }
  const result = exploreScenario(scenario);
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
    console.log(
      `Winnable     ${result.winnable ? 'yes' : 'NO'}    Losable  ${result.losable ? 'yes' : 'NO'}    By typing  ${result.winnableByTyping ? 'yes' : 'NO'}`,
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
