/**
 * What a trainee can do, as data: a closed union of intents, each naming its contact and stamped
 * with the game time it was made at. Intents come from the game, from playthrough files and from
 * saved games, so they are validated with a strict schema before the engine sees them.
 */
import { z } from 'zod';
import { IdSchema, PROMISE_KINDS, RESOLUTION_KINDS } from '../scenario/schema';

const At = z
  .number()
  .int()
  .min(0)
  .max(30 * 24 * 3_600_000);
const Contact = z.string().regex(/^c\d{1,4}$/);
const Text = z.string().min(1).max(2000);
const base = { at: At, contact: Contact };

/** Strictly validates every intent, from the game, a playthrough or a save, before the engine sees it. */
export const IntentSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('reply'),
    ...base,
    text: Text,
    choice: IdSchema.nullable(),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  }),
  z.strictObject({ type: z.literal('lookup'), ...base }),
  z.strictObject({ type: z.literal('reproduce'), ...base }),
  z.strictObject({ type: z.literal('ask'), ...base, fact: IdSchema }),
  z.strictObject({
    type: z.literal('offer'),
    ...base,
    kind: z.enum(RESOLUTION_KINDS),
    amount: z.number().min(0).max(10_000_000).nullable(),
  }),
  z.strictObject({
    type: z.literal('promise'),
    ...base,
    what: z.enum(PROMISE_KINDS),
    dueAt: At,
    text: Text.nullable(),
  }),
  z.strictObject({ type: z.literal('fulfil'), ...base, promise: z.string().regex(/^p\d{1,4}$/) }),
  // Takes a promise back: free while the customer has not answered since it was made ("that wasn't a
  // promise"), a cost to their trust after.
  z.strictObject({ type: z.literal('withdraw'), ...base, promise: z.string().regex(/^p\d{1,4}$/) }),
  z.strictObject({
    type: z.literal('escalate'),
    ...base,
    tier: z.number().int().min(1).max(12),
    note: z.string().max(4000),
  }),
  z.strictObject({ type: z.literal('resolve'), ...base }),
  z.strictObject({ type: z.literal('follow_up'), ...base, dueAt: At }),
  z.strictObject({ type: z.literal('hold'), ...base }),
  z.strictObject({ type: z.literal('unhold'), ...base }),
  // Picks up a ringing call: it opens, and the caller's wait for a first answer ends.
  z.strictObject({ type: z.literal('answer'), ...base }),
  z.strictObject({ type: z.literal('end'), ...base }),
]);

/** One trainee intent: what they do, to which contact (`c1`, `c2`, …), at which game time in milliseconds. */
export type Intent = z.infer<typeof IntentSchema>;
/** The kind of an intent: `reply`, `offer`, `escalate` and so on. */
export type IntentType = Intent['type'];
/** What a trainee can promise a customer: a callback, an email, an update or something else. */
export type PromiseKind = Extract<Intent, { type: 'promise' }>['what'];

/** Every reason the engine can refuse an intent for; each has its text in every locale (`refusals.`). */
export const REFUSAL_REASONS = [
  'unknown-contact',
  'contact-not-open',
  'contact-ended',
  'on-another-call',
  'clock-mismatch',
  'unknown-choice',
  // An authored reply that states a fact the trainee does not know yet (its `needs`).
  'choice-needs-facts',
  'unknown-fact',
  'beyond-authority',
  'not-above-your-tier',
  'tier-outside-ladder',
  'unknown-promise',
  'promise-settled',
  'due-in-the-past',
  'not-on-hold',
  'too-many-chats',
  'invalid-intent',
  'already-on-hold',
  'shift-over',
  'not-ringing',
  'call-ringing',
] as const;

/** Why the engine refused an intent; the refusal itself is recorded in the transcript. */
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
