/**
 * What several dimensions and the critical errors read the same way from a contact's record: the acts
 * a customer hears, when a call rang and was answered, the level the case came to need, and whether
 * the customer had been told what happens next at a given moment. Derived from the log alone, like
 * everything in scoring.
 */
import type { Intent } from '../engine/intents';
import type { ShiftEmitted } from '../engine/shiftSteps';
import type { Scenario } from '../scenario/types';
import type { ContactRecord, EventAt, IntentAt } from './readAttempt';

/**
 * What the customer hears as an answer. Looking things up, reproducing a fault, scheduling in the
 * background and putting a caller on hold are not: none of them tells the customer anything. Picking
 * up a ringing call is not one either: it ends the caller's wait to be answered (see
 * {@link ringingCall}), and the conversation starts from there.
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

/** A call that rang: when it began to ring, and the trainee's answer (null when they never answered). */
export interface RingingCall {
  readonly rang: EventAt<Extract<ShiftEmitted, { type: 'contact.status' }>>;
  readonly answered: IntentAt<Extract<Intent, { type: 'answer' }>> | null;
}

/**
 * When the contact rang and was answered, for a call that rang; null for a contact that never rang (a
 * chat, a post, an email, or a call played by an engine before calls rang), which opened by itself.
 */
export function ringingCall(record: ContactRecord): RingingCall | null {
  const rang = record.statuses.find((s) => s.event.status === 'ringing');
  if (!rang) return null;
  const answered = record.intents.find((i) => i.intent.type === 'answer');
  return { rang, answered: (answered as RingingCall['answered'] | undefined) ?? null };
}

/**
 * When the trainee can hear something a customer said at game time `at`: at once, unless it was said
 * while their call still rang, and then when the call is answered; null when it never was.
 */
export function heardAt(call: RingingCall | null, at: number): number | null {
  if (!call) return at;
  return call.answered ? Math.max(at, call.answered.intent.at) : null;
}

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
