/**
 * What several dimensions and the critical errors read the same way from a contact's record: the acts
 * a customer hears, the level the case came to need, and whether the customer had been told what
 * happens next at a given moment. Derived from the log alone, like everything in scoring.
 */
import type { Intent } from '../engine/intents';
import type { Scenario } from '../scenario/types';
import type { ContactRecord } from './readAttempt';

/**
 * What the customer hears as an answer. Looking things up, reproducing a fault, scheduling in the
 * background and putting a caller on hold are not: none of them tells the customer anything.
 */
export const CUSTOMER_FACING: ReadonlySet<Intent['type']> = new Set([
  'reply',
  'ask',
  'offer',
  'promise',
  'fulfil',
  'escalate',
  'resolve',
  'end',
]);

/** The level the case came to need (twists included), and the game time that became clear. */
export function neededLevel(record: ContactRecord, scenario: Scenario): { level: number; knownAt: number } {
  let level = scenario.level;
  let knownAt = record.opened?.event.at ?? record.arrived.event.at;
  for (const raised of record.levelRaised) {
    if (raised.event.level > level) {
      level = raised.event.level;
      knownAt = raised.event.at;
    }
  }
  return { level, knownAt };
}

/** Whether the case needs a tier the pack marks as a crisis tier. */
export function isCrisis(record: ContactRecord, scenario: Scenario): boolean {
  const { level } = neededLevel(record, scenario);
  return scenario.tiers[level - 1]?.crisis === true;
}

/** Whether the customer held a promise with a time, made and not yet kept or broken, at game time `at`. */
export function promisedAt(record: ContactRecord, at: number): boolean {
  const settled = (promise: string) =>
    record.promises.find((p) => p.event.promise === promise && p.event.type !== 'promise.made')?.event.at ??
    Number.POSITIVE_INFINITY;
  // A vague promise ("soon") tells the customer nothing to wait for.
  return record.promises.some(
    (p) =>
      p.event.type === 'promise.made' &&
      p.event.dueAt !== null &&
      p.event.at <= at &&
      settled(p.event.promise) > at,
  );
}

/**
 * Whether the customer had been told what happens next at game time `at` (an open promise with a
 * time, or a handoff not yet answered): then they wait without expecting the trainee, as a persona
 * does.
 */
export function expectingAt(record: ContactRecord, at: number): boolean {
  const handedOff = record.handoffs.some(
    (h) =>
      h.event.at <= at &&
      (record.answers.find((a) => a.event.at >= h.event.at && a.event.tier === h.event.tier)?.event.at ??
        Number.POSITIVE_INFINITY) > at,
  );
  return handedOff || promisedAt(record, at);
}

/** The endings in which the customer gave up and left: patience ran out, or the script has them walk. */
export const LEFT_ENDINGS: ReadonlySet<string> = new Set(['abandoned', 'walked-out']);
