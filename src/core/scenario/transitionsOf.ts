/**
 * Every transition a beat tries, in order: its own, then the scenario's `anywhere` ones when the beat
 * allows them. The compiled scenario keeps `anywhere` once rather than copied into every beat; the
 * engine, the explorer and the checks read a beat's transitions through here.
 */
import type { Beat, Scenario, Transition } from './types';

const tried = new WeakMap<Beat, readonly Transition[]>();

/** The transitions `beat` of `scenario` tries, its own first. */
export function transitionsOf(scenario: Scenario, beat: Beat): readonly Transition[] {
  if (!beat.anywhere || scenario.anywhere.length === 0) return beat.transitions;
  let all = tried.get(beat);
  if (!all) {
    all = [...beat.transitions, ...scenario.anywhere];
    tried.set(beat, all);
  }
  return all;
}

/** Every transition written in a scenario, each once: the beats' own, then the `anywhere` ones. */
export function everyTransition(scenario: Scenario): readonly Transition[] {
  return [...scenario.beats.flatMap((b) => b.transitions), ...scenario.anywhere];
}
