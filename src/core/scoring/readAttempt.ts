/**
 * Reads a transcript into what scoring needs, contact by contact: when the customer arrived and was
 * answered, every accepted intent with its transcript number, each reply with the analysis the engine
 * recorded for it, what the customer said and revealed, the level the case came to need, the promises,
 * handoffs and follow-ups, and how it ended. Refused intents are kept apart: they changed nothing, but
 * some of them (beyond authority) say something. A pure fold over the log: nothing is judged again.
 */
import type { Intent, RefusalReason } from '../engine/intents';
import type { Transcript } from '../engine/session';
import type { ShiftEmitted } from '../engine/shiftSteps';
import type { Channel } from '../scenario/types';

/** An intent the engine accepted (or refused), with the transcript entry that carried it. */
export interface IntentAt<T extends Intent = Intent> {
  readonly seq: number;
  readonly intent: T;
}

/** An event with the transcript entry that recorded it. */
export interface EventAt<T extends ShiftEmitted = ShiftEmitted> {
  readonly seq: number;
  readonly event: T;
}

type Of<T extends ShiftEmitted['type']> = EventAt<Extract<ShiftEmitted, { type: T }>>;

/** The analysis recorded for a reply. */
export type RecordedAnalysis = Extract<ShiftEmitted, { type: 'reply.analysed' }>;

/** A reply the engine accepted, at its transcript entry, with the analysis recorded for it. */
export interface ReplyAt extends IntentAt<Extract<Intent, { type: 'reply' }>> {
  readonly analysis: RecordedAnalysis;
  /** The reply normalised to Unicode NFC: the text every offset in its analysis refers to. */
  readonly text: string;
}

/** Everything the transcript says about one contact. */
export interface ContactRecord {
  readonly contact: string;
  readonly scenario: string;
  readonly channel: Channel;
  readonly arrived: Of<'contact.arrived'>;
  readonly opened: Of<'contact.status'> | null;
  readonly ended: Of<'contact.status'> | null;
  /** The persona's ending, the walk-out, or `ended-by-agent`; null while the contact is open. */
  readonly ending: string | null;
  readonly intents: readonly IntentAt[];
  readonly replies: readonly ReplyAt[];
  readonly refused: readonly (IntentAt & { readonly reason: RefusalReason })[];
  readonly said: readonly Of<'persona.said'>[];
  readonly revealed: readonly Of<'persona.revealed'>[];
  readonly levelRaised: readonly Of<'persona.levelRaised'>[];
  readonly felt: readonly Of<'persona.felt'>[];
  readonly promises: readonly Of<'promise.made' | 'promise.kept' | 'promise.broken' | 'promise.withdrawn'>[];
  readonly handoffs: readonly Of<'handoff.sent'>[];
  readonly answers: readonly Of<'handoff.answered'>[];
  readonly statuses: readonly Of<'contact.status'>[];
}

/** A transcript read contact by contact, with the game time it stopped at. */
export interface AttemptRecord {
  readonly contacts: readonly ContactRecord[];
  /** The last game time the transcript reaches. */
  readonly endedAt: number;
}

type ListKey =
  | 'statuses'
  | 'said'
  | 'revealed'
  | 'levelRaised'
  | 'felt'
  | 'promises'
  | 'handoffs'
  | 'answers';

/** The list of a contact's record each kind of event is kept in. */
const LIST_OF: Partial<Record<ShiftEmitted['type'], ListKey>> = {
  'contact.status': 'statuses',
  'persona.said': 'said',
  'persona.revealed': 'revealed',
  'persona.levelRaised': 'levelRaised',
  'persona.felt': 'felt',
  'promise.made': 'promises',
  'promise.kept': 'promises',
  'promise.broken': 'promises',
  'promise.withdrawn': 'promises',
  'handoff.sent': 'handoffs',
  'handoff.answered': 'answers',
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** Reads a transcript contact by contact. */
export function readAttempt(transcript: Transcript): AttemptRecord {
  const contacts = new Map<string, Mutable<ContactRecord>>();
  let endedAt = 0;
  let lastIntent: IntentAt | null = null;
  let lastRefused = false;
  const accept = () => {
    if (lastIntent && !lastRefused) contacts.get(lastIntent.intent.contact)?.intents.push(lastIntent);
    lastIntent = null;
  };
  for (const entry of transcript.entries) {
    endedAt = Math.max(endedAt, entry.at);
    if (entry.kind === 'input') {
      accept();
      if (entry.input.type === 'trainee.intent') {
        lastIntent = { seq: entry.seq, intent: entry.input.intent };
        lastRefused = false;
      }
      continue;
    }
    const event = entry.event;
    const seq = entry.seq;
    if (event.type === 'contact.arrived') {
      contacts.set(event.contact, {
        contact: event.contact,
        scenario: event.scenario,
        channel: event.channel,
        arrived: { seq, event },
        opened: null,
        ended: null,
        ending: null,
        intents: [],
        replies: [],
        refused: [],
        said: [],
        revealed: [],
        levelRaised: [],
        felt: [],
        promises: [],
        handoffs: [],
        answers: [],
        statuses: [],
      });
      continue;
    }
    if (event.type === 'intent.refused') {
      const record = contacts.get(event.intent.contact);
      if (lastIntent && record) record.refused.push({ ...lastIntent, reason: event.reason });
      lastRefused = true;
      continue;
    }
    if (!('contact' in event)) continue;
    const record = contacts.get(event.contact);
    if (!record) continue;
    if (event.type === 'reply.analysed') {
      const reply = lastIntent as IntentAt | null;
      if (reply?.intent.type === 'reply' && reply.intent.contact === event.contact) {
        const intent = reply.intent;
        record.replies.push({ seq: reply.seq, intent, analysis: event, text: intent.text.normalize('NFC') });
      }
      continue;
    }
    if (event.type === 'contact.status') {
      if (event.status === 'open' && !record.opened) record.opened = { seq, event };
      if (event.status === 'ended' && !record.ended) {
        record.ended = { seq, event };
        record.ending = event.ending;
      }
    }
    const list = LIST_OF[event.type];
    if (list) (record[list] as EventAt[]).push({ seq, event });
  }
  accept();
  return { contacts: [...contacts.values()], endedAt };
}
