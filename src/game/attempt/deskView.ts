/**
 * What the desk shows, read from an attempt's session: each contact's conversation, the queue, the
 * case record and the promise tracker. Pure projections of the transcript and the shift's state, so
 * the same attempt always shows the same desk, after a refresh too.
 */
import { type PromiseKind, readAttempt, type Scenario, type ShiftSession } from '../../core/runtime';
import { inLanguage } from '../text';

/** One line of a conversation: who said it, when (game ms), and the words in the trainee's language. */
export interface ConversationLine {
  readonly seq: number;
  readonly at: number;
  readonly from: 'customer' | 'trainee';
  readonly text: string;
}

export { inLanguage };

/** The conversation with one contact, oldest first: the customer's lines and the trainee's replies. */
export function conversation(session: ShiftSession, contact: string, language: string): ConversationLine[] {
  const record = readAttempt(session.transcript).contacts.find((c) => c.contact === contact);
  if (!record) return [];
  const lines: ConversationLine[] = [
    ...record.said.map((s) => ({
      seq: s.seq,
      at: s.event.at,
      from: 'customer' as const,
      text: inLanguage(s.event.line, language),
    })),
    ...record.intents.flatMap((i) =>
      i.intent.type === 'reply'
        ? [{ seq: i.seq, at: i.intent.at, from: 'trainee' as const, text: i.intent.text }]
        : [],
    ),
  ];
  return lines.sort((a, b) => a.seq - b.seq);
}

/** A contact as the queue shows it. */
export interface QueueItem {
  readonly contact: string;
  readonly scenario: Scenario;
  readonly channel: Scenario['channel'];
  readonly status: ShiftSession['context']['contacts'][number]['status'];
  /** Game ms the customer has waited since arriving, or since the trainee last answered. */
  readonly waitingMs: number;
  readonly mood: number;
  readonly ending: string | null;
}

/** Every contact that has arrived, in order of arrival. */
export function queue(session: ShiftSession, scenarios: readonly Scenario[]): QueueItem[] {
  const now = session.now;
  return session.context.contacts.flatMap((c) => {
    const scenario = scenarios.find((s) => s.id === c.scenario);
    if (!scenario) return [];
    const persona = c.persona.context;
    return [
      {
        contact: c.id,
        scenario,
        channel: c.channel,
        status: c.status,
        waitingMs: c.status === 'ended' ? 0 : Math.max(0, now - Math.max(c.arrivedAt, persona.answeredAt)),
        mood: persona.mood,
        ending: c.ending,
      },
    ];
  });
}

/** A fact on the case record: its label and value in the trainee's language. */
export interface RecordFact {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

/** The facts the trainee knows about a contact's case, in the order they became known. */
export function caseRecord(
  session: ShiftSession,
  contact: string,
  scenario: Scenario,
  language: string,
): RecordFact[] {
  const state = session.context.contacts.find((c) => c.id === contact);
  if (!state) return [];
  return state.persona.context.known.flatMap((id) => {
    const fact = scenario.facts.find((f) => f.id === id);
    return fact
      ? [{ id, label: inLanguage(fact.label, language), value: inLanguage(fact.value, language) }]
      : [];
  });
}

/** A promise on the tracker, with the game ms left until it falls due (negative once overdue). */
export interface TrackedPromise {
  readonly id: string;
  readonly contact: string;
  readonly what: PromiseKind;
  /** Made with "Make a promise", or found in the words of a reply. */
  readonly from: 'tracker' | 'words';
  /** null: a vague promise ("soon"), with no time to keep it by. */
  readonly dueAt: number | null;
  readonly leftMs: number | null;
  readonly status: 'open' | 'kept' | 'broken' | 'withdrawn';
  /** Whether taking it back costs nothing: the customer has said nothing since it was made. */
  readonly freeToWithdraw: boolean;
}

/**
 * Every promise made in the attempt, open ones first, then by due time (vague ones last). A promise
 * taken back before the customer answered it was never one, and is not listed.
 */
export function promiseTracker(session: ShiftSession): TrackedPromise[] {
  const now = session.now;
  const said = new Map(session.context.contacts.map((c) => [c.id, c.said]));
  const withdrawnFree = new Set(
    session.events.flatMap((e) => (e.type === 'promise.withdrawn' && e.free ? [e.promise] : [])),
  );
  const due = (p: { dueAt: number | null }) => p.dueAt ?? Number.POSITIVE_INFINITY;
  return session.context.promises
    .filter((p) => !withdrawnFree.has(p.id))
    .map((p) => ({
      id: p.id,
      contact: p.contact,
      what: p.what,
      from: p.from,
      dueAt: p.dueAt,
      leftMs: p.dueAt === null ? null : p.dueAt - now,
      status: p.status,
      freeToWithdraw: p.status === 'open' && said.get(p.contact) === p.saidBefore,
    }))
    .sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || due(a) - due(b));
}
