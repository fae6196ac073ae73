/**
 * The pure steps of a shift: the game clock advancing (arrivals, queues, promises falling due, tiers
 * answering handoffs, patience wearing down), and trainee intents being checked and passed to the
 * right persona. Each step returns the next context and what happened, as events. Every judgement made
 * on the way (what a reply did, which facts a handoff note carries, why a promise was kept) is one of
 * those events, so the transcript holds everything the debrief and the rubric need.
 */

import { transitionsOf } from '../scenario/transitionsOf';
import type { Channel, LocalizedText, Scenario, Shift, TraineeAction } from '../scenario/types';
import {
  type Analyser,
  analyserStamp,
  type DetectedPromise,
  type NonsenseReading,
  type ReplyEffect,
  type ToneSpan,
} from './analyser';
import { CHANNEL_RULES } from './channelRules';
import type { EngineRules } from './engineRules';
import type { Intent, PromiseKind, RefusalReason } from './intents';
import { isOffered } from './offeredChoices';
import { type Persona, type PersonaMachine, type PersonaSnapshot, personaOf } from './personaMachine';
import { GRACE_MS, nextWake, type PersonaEmitted, type PersonaEvent } from './personaSteps';
import { nextRandom } from './random';
import { replyKinds } from './replyKinds';

/**
 * Where a contact can stand: waiting in the queue, ringing (a call with room to open, until the trainee
 * answers it), open with the trainee, on hold, or ended.
 */
export const CONTACT_STATUSES = ['queued', 'ringing', 'open', 'held', 'ended'] as const;

/** Where a contact stands (see {@link CONTACT_STATUSES}). */
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/**
 * One customer in a shift: scenario, channel, status and persona, with its game times in milliseconds;
 * `openedAt`, `endedAt` and `ending` stay null until they happen (a call opens when it is answered).
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
  /**
   * How many scripted lines the customer has said: a promise can be taken back for free until they say
   * another. Reactions do not count: they answer whatever the analyser read, a misreading included.
   */
  readonly said: number;
  /**
   * The beat its persona started in, when the arrival asked for one other than the scenario's start
   * (see `PersonaStart`); absent otherwise.
   */
  readonly startBeat?: string;
}

/**
 * A promise the trainee made on a contact, on the tracker or in the words of a reply, due at a game
 * time in milliseconds: open until kept by that time or broken the millisecond after. A vague promise
 * ("soon") has no due time: nothing breaks it, and the customer does not wait on it.
 */
export interface Obligation {
  readonly id: string;
  readonly contact: string;
  readonly what: PromiseKind;
  readonly from: PromiseSource;
  readonly madeAt: number;
  readonly dueAt: number | null;
  readonly status: 'open' | 'kept' | 'broken' | 'withdrawn';
  readonly settledAt: number | null;
  /** The lines the customer had said when it was made: withdrawing it is free until they say another. */
  readonly saidBefore: number;
}

/** Where a promise was made: with "Make a promise", or in the words of a reply. */
export type PromiseSource = 'tracker' | 'words';

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

type Arrival = Shift['arrivals'][number];

/** Why a promise was settled: the trainee did it, the tier's answer closed the case, or time ran out. */
export type SettledBy = 'fulfilled' | 'tier-resolved' | 'past-due';

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
      /** How the contact ended (the persona's ending, a walk-out, or `ended-by-agent`); null until then. */
      readonly ending: string | null;
    }
  | {
      readonly type: 'intent.refused';
      readonly at: number;
      readonly intent: Intent;
      readonly reason: RefusalReason;
    }
  | {
      /** What the analyser read in the reply just sent, as `by` (`id@version`) read it. */
      readonly type: 'reply.analysed';
      readonly at: number;
      readonly contact: string;
      readonly by: string;
      readonly tone: number;
      readonly families: readonly string[];
      readonly effects: readonly ReplyEffect[];
      readonly promises: readonly DetectedPromise[];
      /** Every feature that moved the learned tone, with its span and weight. */
      readonly toneSpans: readonly ToneSpan[];
      /** Set when the reply holds no words a person would write; it then earns nothing. */
      readonly nonsense: NonsenseReading | null;
    }
  | {
      /**
       * A promise made, or its terms set again (the same id) when the trainee puts a promise they have
       * just typed on the tracker. `span` is where the words of a typed one stand in its reply.
       */
      readonly type: 'promise.made';
      readonly at: number;
      readonly contact: string;
      readonly promise: string;
      readonly what: PromiseKind;
      readonly dueAt: number | null;
      readonly from: PromiseSource;
      readonly span: { readonly start: number; readonly end: number } | null;
    }
  | {
      readonly type: 'promise.kept' | 'promise.broken';
      readonly at: number;
      readonly contact: string;
      readonly promise: string;
      readonly dueAt: number | null;
      readonly by: SettledBy;
    }
  | {
      /** A promise taken back: `free` while the customer had not answered since it was made. */
      readonly type: 'promise.withdrawn';
      readonly at: number;
      readonly contact: string;
      readonly promise: string;
      readonly dueAt: number | null;
      readonly free: boolean;
    }
  | {
      readonly type: 'handoff.sent';
      readonly at: number;
      readonly contact: string;
      readonly tier: number;
      readonly answerAt: number;
      /** The facts of the case the handoff note carries, as the analyser read it. */
      readonly carries: readonly string[];
    }
  | {
      readonly type: 'handoff.answered';
      readonly at: number;
      readonly contact: string;
      readonly tier: number;
      readonly does: 'resolves' | 'returns';
      /** The tier's note back to the trainee (the scenario's `escalation.<tier>.says`), or null. */
      readonly note: LocalizedText | null;
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

/** Everything a shift needs that does not change while it runs, the engine version's rules among it. */
export interface ShiftWorld {
  readonly shift: Shift;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly personas: ReadonlyMap<string, Persona>;
  readonly analyser: Analyser;
  readonly rules: EngineRules;
}

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

type Draft = { -readonly [K in keyof ShiftContext]: ShiftContext[K] };

/**
 * Accumulates a step: one working copy of the context, whose lists are copied the first time they
 * change and then changed in place, and everything emitted along the way. The context passed in is
 * never changed.
 */
class Steps {
  readonly emitted: ShiftEmitted[] = [];
  private readonly draft: Draft;
  private readonly owned = new Set<'contacts' | 'promises'>();

  constructor(context: ShiftContext) {
    this.draft = { ...context };
  }

  get context(): ShiftContext {
    return this.draft;
  }

  set<K extends 'now' | 'over' | 'arrived' | 'personaSteps' | 'handoffs'>(key: K, value: Draft[K]): void {
    this.draft[key] = value;
  }

  contact(id: string): ContactState | undefined {
    return this.draft.contacts.find((c) => c.id === id);
  }

  setContact(contact: ContactState): void {
    this.put('contacts', contact);
  }

  setPromise(promise: Obligation): void {
    this.put('promises', promise);
  }

  /** Puts an item in place of the one with its id (or at the end), copying the list on its first change. */
  private put<K extends 'contacts' | 'promises'>(key: K, item: Draft[K][number]): void {
    if (!this.owned.has(key)) {
      this.draft[key] = [...this.draft[key]] as Draft[K];
      this.owned.add(key);
    }
    const list = this.draft[key] as Draft[K][number][];
    const index = list.findIndex((x) => x.id === item.id);
    if (index < 0) list.push(item);
    else list[index] = item;
  }

  /** The context to keep: the working copy, which nothing changes once the step is over. */
  done(): ShiftStep {
    return { context: this.draft, emitted: this.emitted };
  }
}

function tagged(events: readonly PersonaEmitted[], contact: string, into: ShiftEmitted[]): void {
  for (const event of events) into.push({ ...event, contact });
}

function linesIn(events: readonly PersonaEmitted[]): number {
  let lines = 0;
  for (const event of events) if (event.type === 'persona.said' && event.reaction === undefined) lines += 1;
  return lines;
}

/**
 * The persona machine a contact plays: the scenario's, or the one built to start in the beat its
 * arrival asked for.
 */
function personaFor(world: ShiftWorld, scenario: string, startBeat: string | undefined): Persona | undefined {
  if (startBeat === undefined) return world.personas.get(scenario);
  const compiled = world.scenarios.get(scenario);
  return compiled && personaOf(compiled, startBeat);
}

/** Delivers an event to a contact's persona and records what the persona said and felt. */
function deliver(steps: Steps, world: ShiftWorld, contactId: string, event: PersonaEvent): void {
  const contact = steps.contact(contactId);
  const persona = contact && personaFor(world, contact.scenario, contact.startBeat);
  if (!contact || !persona || contact.status === 'ended' || contact.persona.status !== 'active') return;
  const [snapshot, emitted] = persona.stepper.step(contact.persona, event);
  steps.set('personaSteps', steps.context.personaSteps + 1);
  tagged(emitted, contact.id, steps.emitted);
  steps.setContact({ ...contact, persona: snapshot, said: contact.said + linesIn(emitted) });
  for (const e of emitted) if (e.type === 'persona.ended') endContact(steps, contact.id, e.ending);
}

function endContact(steps: Steps, contactId: string, ending: string): void {
  const contact = steps.contact(contactId);
  if (!contact || contact.status === 'ended') return;
  const at = steps.context.now;
  steps.setContact({ ...contact, status: 'ended', endedAt: at, ending });
  steps.emitted.push({ type: 'contact.status', at, contact: contactId, status: 'ended', ending });
}

function onCall(context: ShiftContext): ContactState | undefined {
  return context.contacts.find((c) => c.status === 'open' && CHANNEL_RULES[c.channel].live);
}

/** The statuses that take a place on a channel when a queued contact is routed: one line rings at a time. */
const ROUTED: ReadonlySet<ContactStatus> = new Set(['open', 'ringing']);
/** The statuses that take a place when a held contact is taken back: a line may ring meanwhile. */
const OPENED: ReadonlySet<ContactStatus> = new Set(['open']);

/**
 * Whether a contact on `channel` can be open now besides those already open: not while a call holds
 * the trainee if the channel waits for calls, and not past the channel's limit of contacts whose
 * status is among `taking` (by default, open or ringing).
 */
function hasRoomFor(
  context: ShiftContext,
  channel: Channel,
  taking: ReadonlySet<ContactStatus> = ROUTED,
): boolean {
  const rule = CHANNEL_RULES[channel];
  if (rule.waitsForCall && onCall(context)) return false;
  if (rule.openAtOnce === null) return true;
  let open = 0;
  for (const c of context.contacts) if (c.channel === channel && taking.has(c.status)) open += 1;
  return open < rule.openAtOnce;
}

/** Whether a contact on `channel` rings before it opens, under the rules of this engine version. */
function ringsFirst(world: ShiftWorld, channel: Channel): boolean {
  return world.rules.callsRing && CHANNEL_RULES[channel].rings;
}

/**
 * Moves queued contacts on as far as the channel rules allow, oldest first: a call starts ringing, any
 * other contact opens.
 */
function route(steps: Steps, world: ShiftWorld): void {
  for (const contact of steps.context.contacts) {
    if (contact.status !== 'queued' || !hasRoomFor(steps.context, contact.channel)) continue;
    const at = steps.context.now;
    if (ringsFirst(world, contact.channel)) {
      steps.setContact({ ...contact, status: 'ringing' });
      steps.emitted.push({
        type: 'contact.status',
        at,
        contact: contact.id,
        status: 'ringing',
        ending: null,
      });
      continue;
    }
    steps.setContact({ ...contact, status: 'open', openedAt: at });
    steps.emitted.push({ type: 'contact.status', at, contact: contact.id, status: 'open', ending: null });
  }
}

function arrive(steps: Steps, world: ShiftWorld, arrival: Arrival): void {
  const scenario = world.scenarios.get(arrival.scenario);
  const start = arrival.from;
  const persona = personaFor(world, arrival.scenario, start?.beat);
  steps.set('arrived', steps.context.arrived + 1);
  if (!scenario || !persona) return; // never stall the clock on a missing scenario
  const id = `c${steps.context.contacts.length + 1}`;
  const at = steps.context.now;
  const [snapshot, emitted] = persona.stepper.initial(start ? { at, start } : { at });
  steps.setContact({
    ...(start ? { startBeat: start.beat } : {}),
    id,
    scenario: scenario.id,
    channel: scenario.channel,
    status: 'queued',
    arrivedAt: at,
    openedAt: null,
    endedAt: null,
    ending: null,
    persona: snapshot,
    replies: [],
    said: linesIn(emitted),
  });
  steps.emitted.push({
    type: 'contact.arrived',
    at,
    contact: id,
    scenario: scenario.id,
    channel: scenario.channel,
  });
  tagged(emitted, id, steps.emitted);
  route(steps, world);
}

type DueKind = 'wake' | 'arrival' | 'promise' | 'handoff' | 'end';

/** An open promise with a due time: one the clock can break and the customer waits on. */
function isTimed(p: Obligation): p is Obligation & { readonly dueAt: number } {
  return p.status === 'open' && p.dueAt !== null;
}

/** The open promise due first (the earlier made on a tie), or undefined. */
function firstOpenPromise(context: ShiftContext): (Obligation & { readonly dueAt: number }) | undefined {
  let first: (Obligation & { readonly dueAt: number }) | undefined;
  for (const p of context.promises) if (isTimed(p) && (!first || p.dueAt < first.dueAt)) first = p;
  return first;
}

/** The handoff answered first (the earlier sent on a tie), or undefined. */
function firstHandoff(context: ShiftContext): PendingHandoff | undefined {
  let first: PendingHandoff | undefined;
  for (const h of context.handoffs) if (!first || h.answerAt < first.answerAt) first = h;
  return first;
}

/**
 * The next thing due on the game clock no later than `until`; on a tie, a persona waking first, then
 * an arrival, a promise falling due, a tier answering, and the shift's end.
 */
export function nextDue(
  context: ShiftContext,
  world: ShiftWorld,
  until: number,
): { at: number; kind: DueKind } | null {
  let at = Number.POSITIVE_INFINITY;
  let kind: DueKind | null = null;
  const consider = (when: number, what: DueKind) => {
    if (when <= until && when < at) {
      at = when;
      kind = what;
    }
  };
  let wake = Number.POSITIVE_INFINITY;
  for (const c of context.contacts) wake = Math.min(wake, wakeOf(context, world, c));
  if (wake > context.now) consider(wake, 'wake');
  const arrival = context.arrivals[context.arrived];
  if (arrival) consider(arrival.atMs, 'arrival');
  const promise = firstOpenPromise(context);
  // Kept means done by the due time, that instant included: it breaks the millisecond after.
  if (promise) consider(promise.dueAt + 1, 'promise');
  const handoff = firstHandoff(context);
  if (handoff) consider(handoff.answerAt, 'handoff');
  const length = world.shift.lengthMs;
  if (length !== null && length > context.now) consider(length, 'end');
  return kind === null ? null : { at, kind };
}

/**
 * True while the customer has been told what happens next: an open promise with a time, or a handoff.
 * "I'll get back to you soon" tells them nothing to wait for.
 */
function isExpecting(context: ShiftContext, contactId: string): boolean {
  return (
    context.handoffs.some((h) => h.contact === contactId) ||
    context.promises.some((p) => p.contact === contactId && isTimed(p))
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
  const ids = steps.context.contacts.map((c) => c.id);
  for (const id of ids) {
    const current = steps.contact(id);
    if (!current || wakeOf(steps.context, world, current) > steps.context.now) continue;
    deliver(steps, world, id, {
      type: 'clock.tick',
      at: steps.context.now,
      expecting: isExpecting(steps.context, id),
    });
  }
}

/** Game milliseconds per real one while a chat or phone customer waits on the trainee: real time. */
export const CONVERSATION_SPEED = 1;

/**
 * Whether a customer is waiting on the trainee: a call ringing for them to pick up; or open or on
 * hold, and either not told what happens next or with a script that still answers the trainee's
 * silence (a `waited:` transition in their beat). A customer told "I'll call you back at three" waits
 * on the clock instead.
 */
function waitsOnTrainee(context: ShiftContext, world: ShiftWorld, c: ContactState): boolean {
  if (c.persona.status !== 'active') return false;
  if (c.status === 'ringing') return true;
  if (c.status !== 'open' && c.status !== 'held') return false;
  if (!isExpecting(context, c.id)) return true;
  const scenario = world.scenarios.get(c.scenario);
  const beat = scenario?.beats.find((b) => b.id === c.persona.context.beat);
  return !!scenario && !!beat && transitionsOf(scenario, beat).some((t) => t.trigger?.kind === 'waited');
}

/**
 * Game milliseconds per real one now. While a customer's conversation is open (or their call rings),
 * the clock runs at the slowest of their channels' paces: real time for a chat or a call, six times
 * faster for a public post, thirty-six for an email (each customer waits that much longer), never
 * faster than the shift's speed; between conversations (nobody open) it runs at the shift's speed. A customer who has been
 * told what happens next keeps the clock at their pace while the trainee works on (typing the note,
 * reading the record), and the trainee skips ahead when done (see `canSkip`).
 */
export function paceOf(context: ShiftContext, _world: ShiftWorld): number {
  let pace = context.speed;
  for (const c of context.contacts) {
    const engaged = c.status === 'open' || c.status === 'held' || c.status === 'ringing';
    if (engaged && c.persona.status === 'active')
      pace = Math.min(pace, CONVERSATION_SPEED * CHANNEL_RULES[c.channel].patience);
  }
  return pace;
}

/**
 * Whether the trainee may skip ahead: no customer is waiting on them (a ringing call is one), and the
 * shift goes on.
 */
export function canSkip(context: ShiftContext, world: ShiftWorld): boolean {
  return !context.over && !context.contacts.some((c) => waitsOnTrainee(context, world, c));
}

/**
 * Advances the game clock by `realMs` of real time, unless paused. Each real millisecond passes at
 * the pace the shift had when it began, and the pace can only change when something happens, so the
 * clock runs at one pace up to the millisecond in which the next thing is due, then looks again. The
 * same real time cut into different ticks therefore gives the same game.
 */
export function advanceClock(context: ShiftContext, world: ShiftWorld, realMs: number): ShiftStep {
  if (context.paused || context.over || realMs <= 0) return { context, emitted: [] };
  let current = context;
  const emitted: ShiftEmitted[] = [];
  let left = realMs;
  while (left > 0 && !current.over) {
    const rate = paceOf(current, world);
    const due = nextDue(current, world, Number.POSITIVE_INFINITY);
    const spend =
      due === null
        ? left
        : Math.min(left, Math.max(1, Math.ceil((due.at - current.now - current.carry) / rate)));
    const exact = spend * rate + current.carry;
    const whole = Math.floor(exact);
    const step = advanceTo({ ...current, carry: exact - whole }, world, current.now + whole);
    current = step.context;
    emitted.push(...step.emitted);
    left -= spend;
  }
  return { context: current, emitted };
}

/** Moves the game clock on by exactly `gameMs`, whatever the pace (for playthroughs and tests). */
export function advanceGameTime(context: ShiftContext, world: ShiftWorld, gameMs: number): ShiftStep {
  if (context.over || gameMs <= 0) return { context, emitted: [] };
  return advanceTo(context, world, context.now + Math.round(gameMs));
}

/**
 * Skips to the next thing that will happen (an arrival, a tier's answer, a customer's next move, a
 * minute before a promise falls due), when no customer is waiting on the trainee.
 */
export function skipAhead(context: ShiftContext, world: ShiftWorld): ShiftStep {
  if (!canSkip(context, world)) return { context, emitted: [] };
  const due = nextDue(context, world, Number.POSITIVE_INFINITY);
  if (!due) return { context, emitted: [] };
  // Skipping never lets a promise break unseen: it stops a minute before one falls due, so the trainee
  // can still keep it; skipping again from there lets it break.
  const promise = due.kind === 'promise' ? firstOpenPromise(context) : null;
  const warning = promise?.dueAt != null ? promise.dueAt - SKIP_WARNING_MS : null;
  const target = warning !== null && warning > context.now ? warning : due.at;
  return advanceTo({ ...context, carry: 0 }, world, target);
}

/** How long before one of the trainee's promises falls due a skip stops. */
export const SKIP_WARNING_MS = 60_000;

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
      steps.set('now', due.at);
      tickPersonas(steps, world);
    }
    if (due.kind === 'arrival') {
      const arrival = steps.context.arrivals[steps.context.arrived];
      if (arrival) arrive(steps, world, arrival);
    } else if (due.kind === 'promise') {
      const promise = firstOpenPromise(steps.context);
      if (promise) settlePromise(steps, world, promise.id, 'broken', 'past-due');
    } else if (due.kind === 'handoff') {
      const handoff = firstHandoff(steps.context);
      if (handoff) answerHandoff(steps, world, handoff);
    }
    route(steps, world);
    checkOver(steps, world);
    if (steps.context.over) return steps.done();
  }
  steps.set('now', target);
  route(steps, world);
  checkOver(steps, world);
  return steps.done();
}

function settlePromise(
  steps: Steps,
  world: ShiftWorld,
  id: string,
  outcome: 'kept' | 'broken',
  by: SettledBy,
): void {
  const promise = steps.context.promises.find((p) => p.id === id);
  if (promise?.status !== 'open') return;
  const at = steps.context.now;
  steps.setPromise({ ...promise, status: outcome, settledAt: at });
  steps.emitted.push({
    type: `promise.${outcome}`,
    at,
    contact: promise.contact,
    promise: promise.id,
    dueAt: promise.dueAt,
    by,
  });
  deliver(steps, world, promise.contact, { type: 'promise.changed', at, event: outcome });
}

function answerHandoff(steps: Steps, world: ShiftWorld, handoff: PendingHandoff): void {
  steps.set(
    'handoffs',
    steps.context.handoffs.filter((h) => h !== handoff),
  );
  // The tier judges the case as it stands when it answers: a twist since the handoff counts.
  const level = steps.contact(handoff.contact)?.persona.context.level ?? 1;
  const does = handoff.scripted ?? (handoff.tier >= level ? 'resolves' : 'returns');
  const scenario = world.scenarios.get(steps.contact(handoff.contact)?.scenario ?? '');
  steps.emitted.push({
    type: 'handoff.answered',
    at: steps.context.now,
    contact: handoff.contact,
    tier: handoff.tier,
    does,
    note: scenario?.escalation[handoff.tier - 1]?.says ?? null,
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
      const inTime = promise.dueAt === null || promise.dueAt >= steps.context.now;
      if (owed && promise.what !== 'email' && inTime)
        settlePromise(steps, world, promise.id, 'kept', 'tier-resolved');
    }
  }
}

function checkOver(steps: Steps, world: ShiftWorld): void {
  const c = steps.context;
  if (c.over) return;
  const allIn = c.arrived >= c.arrivals.length;
  const allDone = c.contacts.every((x) => x.status === 'ended');
  const nothingPending = c.handoffs.length === 0 && !c.promises.some(isTimed);
  const timeUp = world.shift.lengthMs !== null && c.now >= world.shift.lengthMs;
  if ((allIn && allDone && nothingPending) || timeUp) {
    steps.set('over', true);
    steps.emitted.push({ type: 'shift.over', at: c.now });
  }
}

/** Checks an intent against the desk as it is now; the reason it must be refused, or null. */
export function refusalFor(context: ShiftContext, world: ShiftWorld, intent: Intent): RefusalReason | null {
  if (context.over) return 'shift-over';
  if (intent.at !== context.now) return 'clock-mismatch';
  const contact = context.contacts.find((c) => c.id === intent.contact);
  if (!contact) return 'unknown-contact';
  const call = onCall(context);
  if (intent.type === 'fulfil' || intent.type === 'withdraw') {
    // A promise outlives its contact: the callback or email is still owed after the chat closes.
    const promise = context.promises.find((p) => p.id === intent.promise && p.contact === contact.id);
    if (!promise) return 'unknown-promise';
    if (promise.status !== 'open') return 'promise-settled';
    // Saying "that wasn't a promise" before the customer answers is a correction at the desk, not a
    // word to the customer; anything else means reaching them.
    if (intent.type === 'withdraw' && isFreeToWithdraw(context, promise)) return null;
    return call && call.id !== contact.id ? 'on-another-call' : null;
  }
  if (contact.status === 'ended') return 'contact-ended';
  if (intent.type === 'answer') {
    if (contact.status !== 'ringing') return 'not-ringing';
    return call ? 'on-another-call' : null;
  }
  // Nothing reaches a caller before the trainee picks up.
  if (contact.status === 'ringing') return 'call-ringing';
  if (intent.type === 'unhold') {
    if (contact.status !== 'held') return 'not-on-hold';
    if (call) return 'on-another-call';
    return hasRoomFor(context, contact.channel, OPENED) ? null : 'too-many-chats';
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
      const persona = contact.persona.context;
      const choice = scenario.beats
        .find((b) => b.id === persona.beat)
        ?.choices.find((c) => c.id === intent.choice);
      if (!choice) return 'unknown-choice';
      return isOffered(choice, persona.known) ? null : 'choice-needs-facts';
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

type Act = Extract<PersonaEvent, { type: 'trainee.act' }>;

/**
 * A promise typed in a reply and put on the tracker within this long is one promise: five minutes of
 * the trainee's time in a chat or a call, as long again in the channel's own clock elsewhere (half an
 * hour on social media, three hours by email), since the trainee may write a handoff note between.
 */
export const SAME_PROMISE_MS = 5 * 60_000;

/** How long after a typed promise one put on the tracker still amends it, on `channel`. */
export function samePromiseWindow(channel: Channel): number {
  return SAME_PROMISE_MS * CHANNEL_RULES[channel].patience;
}

/** Whether the customer has said nothing since the promise was made: taking it back is then free. */
function isFreeToWithdraw(context: ShiftContext, promise: Obligation): boolean {
  return context.contacts.find((c) => c.id === promise.contact)?.said === promise.saidBefore;
}

/** A promise taken back: free before the customer answered it, a blow to their trust after. */
function withdraw(steps: Steps, world: ShiftWorld, id: string): void {
  const promise = steps.context.promises.find((p) => p.id === id);
  if (promise?.status !== 'open') return;
  const at = steps.context.now;
  const free = isFreeToWithdraw(steps.context, promise);
  steps.setPromise({ ...promise, status: 'withdrawn', settledAt: at });
  steps.emitted.push({
    type: 'promise.withdrawn',
    at,
    contact: promise.contact,
    promise: id,
    dueAt: promise.dueAt,
    free,
  });
  if (!free) deliver(steps, world, promise.contact, { type: 'promise.changed', at, event: 'withdrawn' });
}

/** Puts a promise on the tracker and tells the shift; the caller lets the customer hear of it. */
function makePromise(
  steps: Steps,
  terms: Pick<Obligation, 'contact' | 'what' | 'from' | 'dueAt'>,
  span: { readonly start: number; readonly end: number } | null,
): string {
  const id = `p${steps.context.promises.length + 1}`;
  const at = steps.context.now;
  const saidBefore = steps.contact(terms.contact)?.said ?? 0;
  steps.setPromise({ id, ...terms, madeAt: at, status: 'open', settledAt: null, saidBefore });
  steps.emitted.push({ type: 'promise.made', at, promise: id, ...terms, span });
  return id;
}

/** Reads a reply, records the reading, and lets the persona hear it. */
function reply(
  steps: Steps,
  world: ShiftWorld,
  scenario: Scenario,
  intent: Extract<Intent, { type: 'reply' }>,
) {
  const contact = steps.contact(intent.contact);
  if (!contact) return;
  const analysis = world.analyser.reply(intent.text, {
    language: intent.language,
    customerName: scenario.persona.name,
    previous: contact.replies,
    now: intent.at,
    limits: scenario.tiers[scenario.traineeTier - 1]?.limits ?? null,
  });
  steps.setContact({ ...contact, replies: [...contact.replies, intent.text] });
  steps.emitted.push({
    type: 'reply.analysed',
    at: intent.at,
    contact: intent.contact,
    by: analyserStamp(world.analyser),
    tone: analysis.tone,
    families: analysis.families,
    effects: analysis.effects,
    promises: analysis.promises,
    toneSpans: analysis.toneSpans,
    nonsense: analysis.nonsense,
  });
  // A promise in the words is a promise: on the tracker at once, kept or broken like any other. One
  // whose time has already gone cannot be kept, and the rubric says so.
  const made = analysis.promises
    .filter((p) => p.dueAt === null || p.dueAt > intent.at)
    .map((p) =>
      makePromise(
        steps,
        { contact: intent.contact, what: p.kind, from: 'words', dueAt: p.dueAt },
        { start: p.start, end: p.end },
      ),
    );
  const kinds = replyKinds(scenario, {
    text: intent.text,
    language: intent.language,
    analysis,
    previous: contact.replies,
  });
  const heardFrom = steps.emitted.length;
  deliver(steps, world, intent.contact, {
    type: 'trainee.reply',
    at: intent.at,
    text: intent.text,
    language: intent.language,
    choice: intent.choice,
    analysis,
    kinds,
  });
  for (const _ of made)
    deliver(steps, world, intent.contact, { type: 'promise.changed', at: intent.at, event: 'made' });
  // Every reply gets an answer: when the script said nothing to it, the customer reacts.
  const answered = steps.emitted
    .slice(heardFrom)
    .some((e) => e.type === 'persona.said' && e.contact === intent.contact);
  if (!answered) deliver(steps, world, intent.contact, { type: 'trainee.unanswered', at: intent.at, kinds });
}

/** Carries out a trainee intent, or records why it was refused. */
export function handleIntent(context: ShiftContext, world: ShiftWorld, intent: Intent): ShiftStep {
  const reason = refusalFor(context, world, intent);
  if (reason) return { context, emitted: [{ type: 'intent.refused', at: context.now, intent, reason }] };
  const steps = new Steps(context);
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

  // Every intent but a reply or taking a promise back is an action of the same name.
  const action = intent.type as Exclude<Intent['type'], 'reply' | 'withdraw'> satisfies TraineeAction;
  const act = (extra: Partial<Act> = {}) =>
    deliver(steps, world, contactId, {
      type: 'trainee.act',
      at,
      action,
      fact: null,
      offer: null,
      tier: null,
      ...extra,
    });
  switch (intent.type) {
    case 'reply':
      reply(steps, world, scenario, intent);
      break;
    case 'ask':
      act({ fact: intent.fact });
      break;
    case 'offer':
      act({ offer: { kind: intent.kind, amount: intent.amount } });
      break;
    case 'escalate': {
      const handoff = scenario.escalation[intent.tier - 1];
      const answerAt = at + (handoff?.respondsInMs ?? 0);
      steps.set('handoffs', [
        ...steps.context.handoffs,
        { contact: contactId, tier: intent.tier, sentAt: at, answerAt, scripted: handoff?.does ?? null },
      ]);
      const carries = world.analyser.note(intent.note, scenario.facts);
      steps.emitted.push({
        type: 'handoff.sent',
        at,
        contact: contactId,
        tier: intent.tier,
        answerAt,
        carries,
      });
      act({ tier: intent.tier });
      break;
    }
    case 'promise': {
      // The promise just typed, put on the tracker: one promise, on the tracker's terms (the trainee
      // says exactly what and when there), which the customer hears as the promise made.
      const typed = [...steps.context.promises]
        .reverse()
        .find(
          (p) =>
            p.contact === contactId &&
            p.from === 'words' &&
            p.status === 'open' &&
            at - p.madeAt <= samePromiseWindow(contact.channel),
        );
      if (typed) {
        steps.setPromise({ ...typed, what: intent.what, dueAt: intent.dueAt });
        steps.emitted.push({
          type: 'promise.made',
          at,
          contact: contactId,
          promise: typed.id,
          what: intent.what,
          dueAt: intent.dueAt,
          from: 'tracker',
          span: null,
        });
        act();
        deliver(steps, world, contactId, { type: 'promise.changed', at, event: 'made' });
        break;
      }
      makePromise(
        steps,
        { contact: contactId, what: intent.what, from: 'tracker', dueAt: intent.dueAt },
        null,
      );
      act();
      deliver(steps, world, contactId, { type: 'promise.changed', at, event: 'made' });
      break;
    }
    case 'withdraw':
      withdraw(steps, world, intent.promise);
      break;
    case 'fulfil': {
      act();
      settlePromise(steps, world, intent.promise, 'kept', 'fulfilled');
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
        steps.emitted.push({ type: 'contact.status', at, contact: contactId, status, ending: null });
      }
      break;
    }
    case 'answer': {
      // The call opens, then the caller hears it picked up: their wait for a first answer is over.
      const ringing = steps.contact(contactId);
      if (ringing?.status === 'ringing') {
        steps.setContact({ ...ringing, status: 'open', openedAt: at });
        steps.emitted.push({ type: 'contact.status', at, contact: contactId, status: 'open', ending: null });
        act();
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
  route(steps, world);
  checkOver(steps, world);
  return steps.done();
}

export type { PersonaMachine, PersonaSnapshot };
