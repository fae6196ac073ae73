/**
 * Which authored replies a beat offers now. A choice that states a fact of the case (`needs:` in the
 * scenario file) is offered only once the trainee knows that fact, so choice mode never lets a trainee
 * tell the customer what they have not looked up. The game shows these; the engine refuses any other
 * (`choice-needs-facts`), so a replayed transcript stays honest.
 */
import type { Choice, Scenario } from '../scenario/types';

/**
 * The choices of beat `beatId` whose `needs` are all in `known` (the persona's known facts), in the
 * order the file lists them; none when the scenario has no such beat. Pure.
 */
export function offeredChoices(scenario: Scenario, beatId: string, known: readonly string[]): Choice[] {
  const beat = scenario.beats.find((b) => b.id === beatId);
  return beat ? beat.choices.filter((choice) => isOffered(choice, known)) : [];
}

/** Whether a choice is offered when `known` are the facts the trainee knows. */
export function isOffered(choice: Choice, known: readonly string[]): boolean {
  return choice.needs.every((fact) => known.includes(fact));
}
