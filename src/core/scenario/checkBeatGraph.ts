import { type Problem, problem } from './problems';
import type { YamlFile } from './readYaml';
import type { ScenarioFile } from './schema';
import { transitionsOf } from './transitionsOf';
import type { Scenario } from './types';

/**
 * Checks the shape of a compiled scenario's beat graph: it needs an ending; every beat that is not an
 * ending needs a way forward; every beat should be reachable from the start; and from every reachable
 * beat some path should lead to an ending. Which paths the persona can *actually* take (given mood,
 * timers and promises) is the explorer's job; this is the structural check.
 */
export function checkBeatGraph(scenario: Scenario, yaml: YamlFile, source: ScenarioFile): Problem[] {
  const problems: Problem[] = [];
  const indexOf = new Map(source.beats.map((b, i) => [b.id, i]));
  const at = (id: string, key: 'id' | 'on' = 'id') => yaml.locate(['beats', indexOf.get(id) ?? 0, key]);
  // A transition that stays answers in place: it leads nowhere.
  const exits = (beat: Scenario['beats'][number]) =>
    transitionsOf(scenario, beat).flatMap((t) => (t.go === null ? [] : [t.go]));
  const next = new Map(scenario.beats.map((b) => [b.id, [...new Set(exits(b))]]));

  const endings = scenario.beats.filter((b) => b.ending !== null);
  if (endings.length === 0) {
    problems.push(
      problem(
        'no-ending',
        'No beat ends the contact. Give at least one beat an `ending:` (satisfied, neutral, upset or abandoned).',
        yaml.file,
        yaml.locate(['beats']),
      ),
    );
  }
  for (const beat of scenario.beats) {
    if (beat.ending === null && exits(beat).length === 0) {
      problems.push(
        problem(
          'dead-end',
          `Beat \`${beat.id}\` is not an ending but nothing leads out of it (a transition with \`stay\` answers in place). Add \`on:\` transitions with \`go\`, choices with \`go\`, or \`ending:\`.`,
          yaml.file,
          at(beat.id),
        ),
      );
    }
  }

  const reachable = walk([scenario.start], (id) => next.get(id) ?? []);
  for (const beat of scenario.beats) {
    if (!reachable.has(beat.id)) {
      problems.push(
        problem(
          'unreachable-beat',
          `No path from the start (\`${scenario.start}\`) leads to beat \`${beat.id}\`. Add a \`go: ${beat.id}\` somewhere or remove it.`,
          yaml.file,
          at(beat.id),
        ),
      );
    }
  }

  const previous = new Map<string, string[]>();
  for (const [from, targets] of next) {
    for (const to of targets) previous.set(to, [...(previous.get(to) ?? []), from]);
  }
  const canFinish = walk(
    endings.map((b) => b.id),
    (id) => previous.get(id) ?? [],
  );
  for (const beat of scenario.beats) {
    const isDeadEnd = beat.ending === null && exits(beat).length === 0;
    if (endings.length > 0 && reachable.has(beat.id) && !canFinish.has(beat.id) && !isDeadEnd) {
      problems.push(
        problem(
          'cannot-finish',
          `From beat \`${beat.id}\` no path leads to an ending, so the contact could loop for ever. Add a way out.`,
          yaml.file,
          at(beat.id),
        ),
      );
    }
  }
  return problems;
}

function walk(from: readonly string[], neighbours: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const n of neighbours(id)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}
