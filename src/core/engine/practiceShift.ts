import { DEFAULT_SPEED } from '../scenario/schema';
import type { PersonaStart, Scenario, Shift } from '../scenario/types';

/**
 * A practice run: one customer, arriving at once, for as long as the conversation lasts. With `from`,
 * the persona starts in that beat with those feelings and known facts instead of at the scenario's
 * start; the shift records it, so transcripts, saves and scorecards replay it. Check a start a person
 * chose with `checkPersonaStart` first: a session refuses a bad one.
 */
export function practiceShift(scenario: Scenario, from?: PersonaStart): Shift {
  return {
    id: `practice-${scenario.id}`,
    title: scenario.title,
    lengthMs: null,
    speed: DEFAULT_SPEED,
    jitterMs: 0,
    arrivals: [
      from === undefined ? { scenario: scenario.id, atMs: 0 } : { scenario: scenario.id, atMs: 0, from },
    ],
  };
}
