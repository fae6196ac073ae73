/**
 * The pure steps of a shift: the game clock advancing (arrivals, queues, promises falling due, tiers
 * answering handoffs, patience wearing down), and trainee intents being checked and passed to the
 * right persona. Each step returns the next context and what happened, as events.
 */
import { initialTransition, transition } from 'xstate';
import type { Channel, Scenario } from '../scenario/types';
import type { Intent, PromiseKind, RefusalReason } from './intents';
import type { PersonaMachine } from './personaMachine';
import { GRACE_MS, nextWake, type PersonaEmitted, type PersonaEvent } from './personaSteps';
import { nextRandom } from './random';
import type { ReplyAnalyser } from './replyAnalyser';
import type { Arrival, Shift } from './shift';

/** A snapshot of one contact's persona machine. */
export type PersonaSnapshot = ReturnType<typeof initialTransition<PersonaMachine>>[0];
/** Where a contact stands: waiting in the queue, open with the trainee, on hold, or ended. */
export type ContactStatus = 'queued' | 'open' | 'held' | 'ended';

/**
 * One customer in a shift: scenario, channel, status and persona, with its game times in milliseconds;
 * `openedAt`, `endedAt` and `ending` stay null until they happen.
 */
export interface ContactState {
  readonly id: string;
  readonly scenario: string;
  readonly channel: Channel;
  readonly status: ContactStatus;
  readonly arrivedAt: number;
  readonly openedAt: number | null;
  readonly endedAt: number | null;
  readonly ending: string | null;
  readonly persona: PersonaSnapshot;
  /** The trainee's replies so far, oldest first (the analyser hears repetition). */
  readonly replies: readonly string[];
}

/**
 * A promise the trainee made on a contact, due at a game time in milliseconds: open until kept by that
 * time or broken the millisecond after.
 */
export interface Obligation {
  readonly id: string;
  readonly contact: string;
  readonly what: PromiseKind;
  readonly madeAt: number;
  readonly dueAt: number;
  readonly status: 'open' | 'kept' | 'broken';
  readonly settledAt: number | null;
}

/** An escalation waiting for its tier's answer, due at `answerAt` (game milliseconds). */
export interface PendingHandoff {
  readonly contact: string;
  readonly tier: number;
  readonly sentAt: number;
  readonly answerAt: number;
  /** What the scenario scripts this tier to do; null: decided when it answers, by the level then. */
  readonly scripted: 'resolves' | 'returns' | null;
}

/** The whole desk at one game time (ms): the clock, arrivals, contacts, promises and pending handoffs. */
export interface ShiftContext {
  readonly now: number;
  /** Game time owed by earlier ticks that was less than a millisecond, carried so none is lost. */
  readonly carry: number;
  readonly speed: number;
  readonly paused: boolean;
  readonly over: boolean;
  readonly arrivals: readonly Arrival[];
  readonly arrived: number;
  readonly contacts: readonly ContactState[];
  readonly promises: readonly Obligation[];
  readonly handoffs: readonly PendingHandoff[];
  /** Events the personas have handled so far: how much work the shift has done. */
  readonly personaSteps: number;
}

/** What the shift reports: persona events tagged with their contact, and the desk's own events. */
export type ShiftEmitted =
  | (PersonaEmitted & { readonly contact: string })
  | {
      readonly type: 'contact.arrived';
      readonly at: number;
      readonly contact: string;
      readonly scenario: string;
      readonly channel: Channel;
    }
  | {
      readonly type: 'contact.status';
      readonly at: number;
      readonly contact: string;
      readonly status: ContactStatus;
    }
  | {
      readonly type: 'intent.refused';
      readonly at: number;
      readonly intent: Intent;
      readonly reason: RefusalReason;
    }
  | {
      readonly type: 'reply.analysed';
      readonly at: number;
      readonly contact: string;
      readonly tone: number;
      readonly families: readonly string[];
    }
  | {
      readonly type: 'promise.made' | 'promise.kept' | 'promise.broken';
      readonly at: number;
      readonly contact: string;
      readonly promise: string;
      readonly dueAt: number;
    }
  | {
      readonly type: 'handoff.sent';
      readonly at: number;
      readonly contact: string;
      readonly tier: number;
      readonly answerAt: number;
    }
  | {
      readonly type: 'handoff.answered';
      readonly at: number;
      readonly contact: string;
      readonly tier: number;
      readonly does: 'resolves' | 'returns';
    }
  | {
      readonly type: 'followUp.scheduled';
      readonly at: number;
      readonly contact: string;
      readonly dueAt: number;
    }
  | { readonly type: 'shift.over'; readonly at: number };

/** What a pure shift step returns: the next context and the events it caused, in order. */
export interface ShiftStep {
  readonly context: ShiftContext;
  readonly emitted: readonly ShiftEmitted[];
}

/** Everything a shift needs that does not change while it runs. */
export interface ShiftWorld {
  readonly shift: Shift;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly personas: ReadonlyMap<string, PersonaMachine>;
  readonly analyser: ReplyAnalyser;
}

/** Most chats a trainee holds open at once. */
export const MAX_OPEN_CHATS = 3;

/** The shift before anything has happened: arrival times drawn (jittered) from the seed. */
export function initialShiftContext(world: ShiftWorld, rngState: number): ShiftContext {
  let rng = rngState;
  const arrivals = world.shift.arrivals
    .map((arrival) => {
      if (world.shift.jitterMs === 0) return arrival;
      const [r, next] = nextRandom(rng);
      rng = next;
      const shifted = arrival.atMs + Math.round((r * 2 - 1) * world.shift.jitterMs);
      return { ...arrival, atMs: Math.max(0, Math.round(shifted / 1000) * 1000) };
    })
    .sort((a, b) => a.atMs - b.atMs);
  return {
    now: 0,
    carry: 0,
    speed: world.shift.speed,
    paused: false,
    over: false,
    arrivals,
    arrived: 0,
    contacts: [],
    promises: [],
    handoffs: [],
    personaSteps: 0,
  };
}

/** Accumulates a step: the latest context and everything emitted along the way. */
class Steps {
  readonly emitted: ShiftEmitted[] = [];
  constructor(public context: ShiftContext) {}

  update(changes: Partial<ShiftContext>): void {
    this.context = { ...this.context, ...changes };
  }

  setContact(contact: ContactState): void {
    this.update({ contacts: this.context.contacts.map((c) => (c.id === contact.id ? contact : c)) });
  }

  contact(id: string): ContactState | undefined {
    return this.context.contacts.find((c) => c.id === id);
  }
}

function personaEvents(
  actions: readonly { type: string; params?: unknown }[],
  contact: string,
): ShiftEmitted[] {
  const out: ShiftEmitted[] = [];
  for (const action of actions) {
    if (action.type === 'xstate.emit') {
      const event = (action.params as { event: PersonaEmitted }).event;
      out.push({ ...event, contact });
    }
  }
  return out;
}

/** Delivers an event to a contact's persona and records what the persona said and felt. */
function deliver(steps: Steps, world: ShiftWorld, contactId: string, event: PersonaEvent): void {
  const contact = steps.contact(contactId);
  const machine = contact && world.personas.get(contact.scenario);
  if (!contact || !machine || contact.status === 'ended' || contact.persona.status !== 'active') return;
  const [persona, actions] = transition(machine, contact.persona, event);
  steps.update({ personaSteps: steps.context.personaSteps + 1 });
  const emitted = personaEvents(actions, contact.id);
  steps.emitted.push(...emitted);
  const ended = emitted.find((e) => e.type === 'persona.ended');
  steps.setContact({ ...contact, persona });
  if (ended && ended.type === 'persona.ended') endContact(steps, contact.id, ended.ending);
}

function endContact(steps: Steps, contactId: string, ending: string): void {
  const contact = steps.contact(contactId);
  if (!contact || contact.status === 'ended') return;
  steps.setContact({ ...contact, status: 'ended', endedAt: steps.context.now, ending });
  steps.emitted.push({ type: 'contact.status', at: steps.context.now, contact: contactId, status: 'ended' });
}

function isOnCall(context: ShiftContext): ContactState | undefined {
  return context.contacts.find((c) => c.channel === 'phone' && c.status === 'open');
}

/** Opens queued contacts as far as the channel rules allow, oldest first. */
function route(steps: Steps): void {
  for (const contact of steps.context.contacts) {
    if (contact.status !== 'queued') continue;
    const onCall = isOnCall(steps.context);
    const openChats = steps.context.contacts.filter(
      (c) => c.channel === 'chat' && c.status === 'open',
    ).length;
    const canOpen =
      contact.channel === 'phone'
        ? !onCall
        : contact.channel === 'chat'
          ? !onCall && openChats < MAX_OPEN_CHATS
          : true; // email and social wait in the inbox, open to work on at any time
    if (canOpen) {
      steps.setContact({ ...contact, status: 'open', openedAt: steps.context.now });
      steps.emitted.push({
        type: 'contact.status',
        at: steps.context.now,
        contact: contact.id,
        status: 'open',
      });
    }
  }
}

function arrive(steps: Steps, world: ShiftWorld, arrival: Arrival): void {
  const scenario = world.scenarios.get(arrival.scenario);
  const machine = world.personas.get(arrival.scenario);
  if (!scenario || !machine) {
    steps.update({ arrived: steps.context.arrived + 1 }); // never stall the clock on a missing scenario
    return;
  }
  const id = `c${steps.context.contacts.length + 1}`;
  const [persona, actions] = initialTransition(machine, { at: steps.context.now });
  steps.update({
    arrived: steps.context.arrived + 1,
    contacts: [
      ...steps.context.contacts,
      {
        id,
        scenario: scenario.id,
        channel: scenario.channel,
        status: 'queued',
        arrivedAt: steps.context.now,
        openedAt: null,
        endedAt: null,
        ending: null,
        persona,
        replies: [],
      },
    ],
  });
  steps.emitted.push({
    type: 'contact.arrived',
    at: steps.context.now,
    contact: id,
    scenario: scenario.id,
    channel: scenario.channel,
  });
  steps.emitted.push(...personaEvents(actions, id));
  route(steps);
}

/** The next thing due on the game clock no later than `until`, in a fixed order for ties. */
function nextDue(
  context: ShiftContext,
  world: ShiftWorld,
  until: number,
): { at: number; kind: 'arrival' | 'promise' | 'handoff' | 'wake' | 'end' } | null {
  const candidates: { at: number; kind: 'arrival' | 'promise' | 'handoff' | 'wake' | 'end' }[] = [];
  const wake = Math.min(...context.contacts.map((c) => wakeOf(context, world, c)));
  if (wake > context.now && Number.isFinite(wake)) candidates.push({ at: wake, kind: 'wake' });
  const arrival = context.arrivals[context.arrived];
  if (arrival) candidates.push({ at: arrival.atMs, kind: 'arrival' });
  const promise = context.promises.filter((p) => p.status === 'open').sort((a, b) => a.dueAt - b.dueAt)[0];
  // Kept means done by the due time, that instant included: it breaks the millisecond after.
  if (promise) candidates.push({ at: promise.dueAt + 1, kind: 'promise' });
  const handoff = [...context.handoffs].sort((a, b) => a.answerAt - b.answerAt)[0];
  if (handoff) candidates.push({ at: handoff.answerAt, kind: 'handoff' });
  const length = world.shift.lengthMs;
  if (length !== null && length > context.now) candidates.push({ at: length, kind: 'end' });
  const due = candidates.filter((c) => c.at <= until).sort((a, b) => a.at - b.at);
  return due[0] ?? null;
}

/** True while the customer has been told what happens next: an open promise or handoff. */
function isExpecting(context: ShiftContext, contactId: string): boolean {
  return (
    context.handoffs.some((h) => h.contact === contactId) ||
    context.promises.some((p) => p.contact === contactId && p.status === 'open')
  );
}

/** When a contact's persona next needs the clock (see {@link nextWake}); never for an ended one. */
function wakeOf(context: ShiftContext, world: ShiftWorld, contact: ContactState): number {
  const scenario = world.scenarios.get(contact.scenario);
  if (contact.status === 'ended' || contact.persona.status !== 'active' || !scenario)
    return Number.POSITIVE_INFINITY;
  return nextWake(scenario, contact.persona.context, isExpecting(context, contact.id));
}

/** Ticks every persona whose wake time has come; the others have nothing to notice yet. */
function tickPersonas(steps: Steps, world: ShiftWorld): void {
  for (const { id } of steps.context.contacts) {
    const current = steps.contact(id);
    if (!current || wakeOf(steps.context, world, current) > steps.context.now) continue;
    deliver(steps, world, id, {
      type: 'clock.tick',
      at: steps.context.now,
      expecting: isExpecting(steps.context, id),
    });
  }
}

/** Advances the game clock by `realMs` of real time at the shift's speed, unless paused. */
export function advanceClock(context: ShiftContext, world: ShiftWorld, realMs: number): ShiftStep {
  if (context.paused || context.over || realMs <= 0) return { context, emitted: [] };
  const exact = realMs * context.speed + context.carry;
  const whole = Math.floor(exact);
  return advanceTo({ ...context, carry: exact - whole }, world, context.now + whole);
}

/** Opens the shift: customers due at the very start arrive. */
export function startShift(context: ShiftContext, world: ShiftWorld): ShiftStep {
  return advanceTo(context, world, context.now);
}

function advanceTo(context: ShiftContext, world: ShiftWorld, target: number): ShiftStep {
  const steps = new Steps(context);
  // Everything happens at its own time, whatever size of tick brought the clock past it, so cutting
  // the same game time into different ticks gives exactly the same events.
  for (let due = nextDue(steps.context, world, target); due; due = nextDue(steps.context, world, target)) {
    if (due.at > steps.context.now) {
      steps.update({ now: due.at });
      tickPersonas(steps, world);
    }
    if (due.kind === 'arrival') {
      const arrival = steps.context.arrivals[steps.context.arrived];
      if (arrival) arrive(steps, world, arrival);
    } else if (due.kind === 'promise') {
      const promise = steps.context.promises
        .filter((p) => p.status === 'open')
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (promise) settlePromise(steps, world, promise, 'broken');
    } else if (due.kind === 'handoff') {
      const handoff = [...steps.context.handoffs].sort((a, b) => a.answerAt - b.answerAt)[0];
      if (handoff) answerHandoff(steps, world, handoff);
    }
    route(steps);
    checkOver(steps, world);
    if (steps.context.over) return { context: steps.context, emitted: steps.emitted };
  }
  steps.update({ now: target });
  route(steps);
  checkOver(steps, world);
  return { context: steps.context, emitted: steps.emitted };
}

function settlePromise(
  steps: Steps,
  world: ShiftWorld,
  promise: Obligation,
  outcome: 'kept' | 'broken',
): void {
  const at = steps.context.now;
  steps.update({
    promises: steps.context.promises.map((p) =>
      p.id === promise.id ? { ...p, status: outcome, settledAt: at } : p,
    ),
  });
  steps.emitted.push({
    type: `promise.${outcome}`,
    at,
    contact: promise.contact,
    promise: promise.id,
    dueAt: promise.dueAt,
  });
  deliver(steps, world, promise.contact, { type: 'promise.changed', at, event: outcome });
}

function answerHandoff(steps: Steps, world: ShiftWorld, handoff: PendingHandoff): void {
  steps.update({ handoffs: steps.context.handoffs.filter((h) => h !== handoff) });
  // The tier judges the case as it stands when it answers: a twist since the handoff counts.
  const level = steps.contact(handoff.contact)?.persona.context.level ?? 1;
  const does = handoff.scripted ?? (handoff.tier >= level ? 'resolves' : 'returns');
  steps.emitted.push({
    type: 'handoff.answered',
    at: steps.context.now,
    contact: handoff.contact,
    tier: handoff.tier,
    does,
  });
  deliver(steps, world, handoff.contact, {
    type: 'handoff.answered',
    at: steps.context.now,
    event: does === 'resolves' ? 'resolved' : 'returned',
  });
  // When the tier's answer closes the case for good, its call was the news the trainee promised: open
  // callbacks and updates that were not yet due count as kept. A promised email is still owed, and a
  // case that stays open after the answer still waits for the trainee's own call.
  const closed = steps.contact(handoff.contact);
  if (does === 'resolves' && (closed?.ending === 'satisfied' || closed?.ending === 'neutral')) {
    for (const promise of steps.context.promises) {
      const owed = promise.contact === handoff.contact && promise.status === 'open';
      if (owed && promise.what !== 'email' && promise.dueAt >= steps.context.now)
        settlePromise(steps, world, promise, 'kept');
    }
  }
}

function checkOver(steps: Steps, world: ShiftWorld): void {
  const c = steps.context;
  if (c.over) return;
  const allIn = c.arrived >= c.arrivals.length;
  const allDone = c.contacts.every((x) => x.status === 'ended');
  const nothingPending = c.handoffs.length === 0 && c.promises.every((p) => p.status !== 'open');
  const timeUp = world.shift.lengthMs !== null && c.now >= world.shift.lengthMs;
  if ((allIn && allDone && nothingPending) || timeUp) {
    steps.update({ over: true });
    steps.emitted.push({ type: 'shift.over', at: c.now });
  }
}

/** Checks an intent against the desk as it is now; the reason it must be refused, or null. */
export function refusalFor(context: ShiftContext, world: ShiftWorld, intent: Intent): RefusalReason | null {
  if (context.over) return 'shift-over';
  if (intent.at !== context.now) return 'clock-mismatch';
  const contact = context.contacts.find((c) => c.id === intent.contact);
  if (!contact) return 'unknown-contact';
  if (intent.type === 'fulfil') {
    // A promise outlives its contact: the callback or email is still owed after the chat closes.
    const promise = context.promises.find((p) => p.id === intent.promise && p.contact === contact.id);
    if (!promise) return 'unknown-promise';
    if (promise.status !== 'open') return 'promise-settled';
    const busy = isOnCall(context);
    return busy && busy.id !== contact.id ? 'on-another-call' : null;
  }
  if (contact.status === 'ended') return 'contact-ended';
  const call = isOnCall(context);
  if (intent.type === 'unhold') {
    if (contact.status !== 'held') return 'not-on-hold';
    if (call) return 'on-another-call';
    const openChats = context.contacts.filter((c) => c.channel === 'chat' && c.status === 'open').length;
    return contact.channel === 'chat' && openChats >= MAX_OPEN_CHATS ? 'too-many-chats' : null;
  }
  if (contact.status === 'held') return intent.type === 'hold' ? 'already-on-hold' : 'contact-not-open';
  if (contact.status !== 'open') return 'contact-not-open';
  if (call && call.id !== contact.id) return 'on-another-call';
  const scenario = world.scenarios.get(contact.scenario);
  if (!scenario) return 'unknown-contact';
  const tier = scenario.tiers[scenario.traineeTier - 1];
  switch (intent.type) {
    case 'reply': {
      if (intent.choice === null) return null;
      const beat = scenario.beats.find((b) => b.id === contact.persona.context.beat);
      return beat?.choices.some((c) => c.id === intent.choice) ? null : 'unknown-choice';
    }
    case 'ask':
      return scenario.facts.some((f) => f.id === intent.fact) ? null : 'unknown-fact';
    case 'offer': {
      if (intent.kind === 'information') return null;
      const limit = tier?.limits[intent.kind] ?? 0;
      return (intent.amount ?? 0) <= limit && limit > 0 ? null : 'beyond-authority';
    }
    case 'promise':
    case 'follow_up':
      return intent.dueAt > context.now ? null : 'due-in-the-past';
    case 'escalate':
      if (intent.tier > scenario.tiers.length) return 'tier-outside-ladder';
      return intent.tier > scenario.traineeTier ? null : 'not-above-your-tier';
    default:
      return null;
  }
}

const ACTION_OF = {
  lookup: 'lookup',
  reproduce: 'reproduce',
  ask: 'ask',
  offer: 'offer',
  promise: 'promise',
  fulfil: 'fulfil',
  escalate: 'escalate',
  resolve: 'resolve',
  follow_up: 'follow_up',
  hold: 'hold',
  unhold: 'unhold',
  end: 'end',
} as const;

/** Carries out a trainee intent, or records why it was refused. */
export function handleIntent(context: ShiftContext, world: ShiftWorld, intent: Intent): ShiftStep {
  const steps = new Steps(context);
  const reason = refusalFor(context, world, intent);
  if (reason) {
    steps.emitted.push({ type: 'intent.refused', at: context.now, intent, reason });
    return { context, emitted: steps.emitted };
  }
  const at = context.now;
  const contactId = intent.contact;
  // The wait since the persona last heard anything counts before it hears the trainee (a pause
  // within the grace period costs nothing, so it needs no tick).
  const heard = steps.contact(contactId)?.persona.context;
  if (heard && at > Math.max(heard.now, heard.answeredAt + GRACE_MS)) {
    deliver(steps, world, contactId, {
      type: 'clock.tick',
      at,
      expecting: isExpecting(steps.context, contactId),
    });
  }
  const contact = steps.contact(contactId);
  const scenario = contact && world.scenarios.get(contact.scenario);
  if (!contact || !scenario) return { context, emitted: [] };

  if (intent.type === 'reply') {
    const analysis = world.analyser(intent.text, {
      language: intent.language,
      customerName: scenario.persona.name,
      previous: contact.replies,
      now: at,
      limits: scenario.tiers[scenario.traineeTier - 1]?.limits ?? null,
    });
    steps.setContact({ ...contact, replies: [...contact.replies, intent.text] });
    steps.emitted.push({
      type: 'reply.analysed',
      at,
      contact: contactId,
      tone: analysis.tone,
      families: analysis.families,
    });
    deliver(steps, world, contactId, {
      type: 'trainee.reply',
      at,
      text: intent.text,
      choice: intent.choice,
      analysis,
    });
  } else {
    const act = (extra: Partial<Extract<PersonaEvent, { type: 'trainee.act' }>> = {}) =>
      deliver(steps, world, contactId, {
        type: 'trainee.act',
        at,
        action: ACTION_OF[intent.type],
        fact: null,
        offer: null,
        tier: null,
        ...extra,
      });
    switch (intent.type) {
      case 'ask':
        act({ fact: intent.fact });
        break;
      case 'offer':
        act({ offer: { kind: intent.kind, amount: intent.amount } });
        break;
      case 'escalate': {
        const handoff = scenario.escalation[intent.tier - 1];
        const scripted = handoff?.does ?? null;
        const answerAt = at + (handoff?.respondsInMs ?? 0);
        steps.update({
          handoffs: [
            ...steps.context.handoffs,
            { contact: contactId, tier: intent.tier, sentAt: at, answerAt, scripted },
          ],
        });
        steps.emitted.push({ type: 'handoff.sent', at, contact: contactId, tier: intent.tier, answerAt });
        act({ tier: intent.tier });
        break;
      }
      case 'promise': {
        const id = `p${steps.context.promises.length + 1}`;
        steps.update({
          promises: [
            ...steps.context.promises,
            {
              id,
              contact: contactId,
              what: intent.what,
              madeAt: at,
              dueAt: intent.dueAt,
              status: 'open',
              settledAt: null,
            },
          ],
        });
        steps.emitted.push({
          type: 'promise.made',
          at,
          contact: contactId,
          promise: id,
          dueAt: intent.dueAt,
        });
        act();
        deliver(steps, world, contactId, { type: 'promise.changed', at, event: 'made' });
        break;
      }
      case 'fulfil': {
        act();
        const promise = steps.context.promises.find((p) => p.id === intent.promise);
        if (promise?.status === 'open') settlePromise(steps, world, promise, 'kept');
        break;
      }
      case 'follow_up':
        steps.emitted.push({ type: 'followUp.scheduled', at, contact: contactId, dueAt: intent.dueAt });
        act();
        break;
      case 'hold':
      case 'unhold': {
        act();
        const current = steps.contact(contactId);
        if (current && current.status !== 'ended') {
          const status = intent.type === 'hold' ? 'held' : 'open';
          steps.setContact({ ...current, status });
          steps.emitted.push({ type: 'contact.status', at, contact: contactId, status });
        }
        break;
      }
      case 'end':
        act();
        endContact(steps, contactId, steps.contact(contactId)?.ending ?? 'ended-by-agent');
        break;
      default:
        act();
    }
  }
  route(steps);
  checkOver(steps, world);
  return { context: steps.context, emitted: steps.emitted };
}
