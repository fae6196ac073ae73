/**
 * The order authored replies are shown in, shuffled for each attempt from its seed so that the model
 * reply is not always first. It is a pure function of the seed, the contact and the beat, so a replay
 * of the transcript shows the same order the trainee saw, and nothing about it is recorded.
 */
import { nextRandom, seedState } from './random';

/**
 * `choices` in the order to show them for attempt `seed`, contact `contactId` (`c1`, …) and beat
 * `beatId`: a permutation, the same for the same arguments. Each choice's place comes from its own id,
 * so any subset keeps the same relative order: a choice offered later (its `needs` met) slots in
 * without reshuffling those already on screen.
 */
export function choiceOrder<T extends { readonly id: string }>(
  seed: number | string,
  contactId: string,
  beatId: string,
  choices: readonly T[],
): T[] {
  const keyed = choices.map((choice, index) => ({
    choice,
    index,
    key: nextRandom(
      seedState(`${typeof seed}:${String(seed)}\u0000${contactId}\u0000${beatId}\u0000${choice.id}`),
    )[0],
  }));
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((k) => k.choice);
}
