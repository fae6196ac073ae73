import { DEFAULT_SPEED } from '../scenario/schema';
import type { Scenario, Shift } from '../scenario/types';

/** A practice run: one customer, arriving at once, for as long as the conversation lasts. */
export function practiceShift(scenario: Scenario): Shift {
  return {
    id: `practice-${scenario.id}`,
    title: scenario.title,
    lengthMs: null,
    speed: DEFAULT_SPEED,
    jitterMs: 0,
    arrivals: [{ scenario: scenario.id, atMs: 0 }],
  };
}
