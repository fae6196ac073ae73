/**
 * The pure steps a persona machine is made of: what observing an event does to the persona, whether a
 * scripted transition matches, and what entering a beat or firing a transition changes and says.
 * Each returns the next context and the events the persona emits; the machine only sequences them.
 */

import { foldText } from '../scenario/foldText';
import { mentionsIn } from '../scenario/mentions';
import { transitionsOf } from '../scenario/transitionsOf';
import type {
  Beat,
  Effects,
  Guards,
  HandoffEvent,
  LocalizedText,
  PersonaStart,
  PromiseEvent,
  ReplyKind,
  ResolutionKind,
  Scenario,
  TraineeAction,
  Transition,
} from '../scenario/types';
import type { ReplyAnalysis } from './analyser';
import {
  fullPatienceMs,
  isPatienceExhausted,
  MINUTE_MS,
  moodAfterPromise,
  moodAfterReply,
  moodAfterWait,
  nudge,
  patienceAfterWait,
  patienceLastsMs,
  trustAfterPromise,
  waitMoodRate,
} from './personaLogic';

/** What the trainee offered: a resolution kind and, where it applies, an amount. */
export interface Offer {
  readonly kind: ResolutionKind;
  readonly amount: number | null;
}

/** Events a persona hears. Every one carries the game time it happened at, in milliseconds. */
export type PersonaEvent =
  | {
      readonly type: 'trainee.reply';
      readonly at: number;
      readonly text: string;
      /** The language the trainee wrote in: topic words are matched in it. */
      readonly language: string;
      readonly choice: string | null;
      readonly analysis: ReplyAnalysis;
      /** What the reply did as the customer hears it (see `replyKinds`). */
      readonly kinds: readonly ReplyKind[];
    }
  /** A reply that nothing in the script answered: the customer reacts to it. */
  | { readonly type: 'trainee.unanswered'; readonly at: number; readonly kinds: readonly ReplyKind[] }
  | {
      readonly type: 'trainee.act';
      readonly at: number;
      readonly action: TraineeAction;
      readonly fact: string | null;
      readonly offer: Offer | null;
      readonly tier: number | null;
    }
  | {
      readonly type: 'clock.tick';
      readonly at: number;
      /** True while the customer has been told what happens next (an open promise or handoff). */
      readonly expecting: boolean;
    }
  | { readonly type: 'promise.changed'; readonly at: number; readonly event: PromiseEvent }
  | { readonly type: 'handoff.answered'; readonly at: number; readonly event: HandoffEvent };

/** What a persona says and feels, as events for the shift, the game, the sound and the transcript. */
export type PersonaEmitted =
  | {
      readonly type: 'persona.said';
      readonly at: number;
      readonly beat: string;
      readonly line: LocalizedText;
      /** Present on a reaction: the kind of reply it answered. A reaction never moves the script. */
      readonly reaction?: ReplyKind;
    }
  | {
      readonly type: 'persona.felt';
      readonly at: number;
      readonly mood: number;
      readonly trust: number;
      readonly patience: number;
    }
  | { readonly type: 'persona.revealed'; readonly at: number; readonly fact: string }
  | { readonly type: 'persona.levelRaised'; readonly at: number; readonly level: number }
  | { readonly type: 'persona.moved'; readonly at: number; readonly from: string | null; readonly to: string }
  | { readonly type: 'persona.ended'; readonly at: number; readonly ending: string };

/**
 * A persona between events: its beat, its feelings (mood -1..1; trust and patience 0..1), the level the
 * case needs, the facts known, and its clocks in game milliseconds.
 */
export interface PersonaContext {
  /** The beat the persona is in; null before the first. */
  readonly beat: string | null;
  readonly mood: number;
  readonly trust: number;
  readonly patience: number;
  /** The level the case needs now; scripted twists raise it. */
  readonly level: number;
  /** Fact ids the trainee knows, in the order they became known. */
  readonly known: readonly string[];
  readonly now: number;
  readonly beatEnteredAt: number;
  /** When the trainee last replied or acted (or the beat began): the customer waits since then. */
  readonly answeredAt: number;
  /** Eventless moves since the last event, to stop a script that loops on its own. */
  readonly hops: number;
  /** How many times each reaction (by its place in the scenario's list) has been said, to vary them. */
  readonly reacted: Readonly<Record<string, number>>;
}

/** What a pure persona step returns: the next context and the events to emit, in order. */
export interface Step {
  readonly context: PersonaContext;
  readonly emitted: readonly PersonaEmitted[];
}

/** The most beats a persona moves through on its own after one event. */
export const MAX_HOPS = 20;
/** A pause in the conversation shorter than this does not wear patience down. */
export const GRACE_MS = MINUTE_MS;

/**
 * The persona before its first beat, at game time `at` (ms): the scenario's starting mood and trust,
 * full patience, and the facts revealed at the start already known. A `start` (already checked, see
 * `checkPersonaStart`) replaces the feelings it gives and adds the facts it says the trainee knows.
 */
export function initialContext(scenario: Scenario, at: number, start?: PersonaStart): PersonaContext {
  const known = scenario.facts.filter((f) => f.reveal === 'start').map((f) => f.id);
  for (const fact of start?.facts ?? []) if (!known.includes(fact)) known.push(fact);
  return {
    beat: null,
    mood: start?.mood ?? scenario.persona.mood,
    trust: start?.trust ?? scenario.persona.traits.trust,
    patience: start?.patience ?? 1,
    level: scenario.level,
    known,
    now: at,
    beatEnteredAt: at,
    answeredAt: at,
    hops: 0,
    reacted: {},
  };
}

function felt(context: PersonaContext): PersonaEmitted {
  return {
    type: 'persona.felt',
    at: context.now,
    mood: context.mood,
    trust: context.trust,
    patience: context.patience,
  };
}

function reveal(
  context: PersonaContext,
  facts: readonly string[],
  emitted: PersonaEmitted[],
): PersonaContext {
  const fresh = facts.filter((f) => !context.known.includes(f));
  for (const fact of fresh) emitted.push({ type: 'persona.revealed', at: context.now, fact });
  return fresh.length === 0 ? context : { ...context, known: [...context.known, ...fresh] };
}

/** Facts that an action reveals: look-ups and reproductions reveal theirs; asking reveals the fact asked. */
function revealedBy(scenario: Scenario, action: TraineeAction, fact: string | null): string[] {
  if (action === 'lookup' || action === 'reproduce') {
    return scenario.facts.filter((f) => f.reveal === action).map((f) => f.id);
  }
  if (action === 'ask' && fact !== null) {
    return scenario.facts
      .filter((f) => f.id === fact && (f.reveal === 'ask' || f.reveal === 'start'))
      .map((f) => f.id);
  }
  return [];
}

/** What hearing an event does to the persona before any scripted transition is considered. */
export function observe(scenario: Scenario, context: PersonaContext, event: PersonaEvent): Step {
  const emitted: PersonaEmitted[] = [];
  const traits = scenario.persona.traits;
  const now = Math.max(context.now, event.at);
  let next: PersonaContext = { ...context, now, hops: 0 };
  switch (event.type) {
    case 'trainee.reply':
      next = {
        ...next,
        mood: moodAfterReply(next.mood, event.analysis.tone, traits, next.trust),
        answeredAt: now,
      };
      emitted.push(felt(next));
      break;
    case 'trainee.act':
      next = reveal({ ...next, answeredAt: now }, revealedBy(scenario, event.action, event.fact), emitted);
      break;
    case 'clock.tick': {
      const waitingFrom = Math.max(context.now, context.answeredAt + GRACE_MS);
      // Waiting for a promised call or a tier's answer is not waiting on the trainee.
      const waited = event.expecting ? 0 : Math.max(0, now - waitingFrom);
      if (waited > 0) {
        const patience = patienceAfterWait(next.patience, waited, traits, scenario.channel);
        next = { ...next, patience, mood: moodAfterWait(next.mood, next.patience - patience, traits) };
        emitted.push(felt(next));
      }
      break;
    }
    case 'promise.changed':
      next = {
        ...next,
        trust: trustAfterPromise(next.trust, event.event),
        mood: moodAfterPromise(next.mood, event.event, traits),
      };
      emitted.push(felt(next));
      break;
    case 'handoff.answered':
    case 'trainee.unanswered':
      break;
  }
  return { context: next, emitted };
}

const folded = new WeakMap<PersonaEvent, string>();
/** A reply's text folded for matching topic words, once per reply however many transitions look. */
function foldedText(event: Extract<PersonaEvent, { type: 'trainee.reply' }>): string {
  let text = folded.get(event);
  if (text === undefined) {
    text = foldText(event.text);
    folded.set(event, text);
  }
  return text;
}

function guardsHold(guards: Guards, context: PersonaContext): boolean {
  return (
    (guards.moodBelow === null || context.mood < guards.moodBelow) &&
    (guards.moodAbove === null || context.mood > guards.moodAbove) &&
    (guards.trustBelow === null || context.trust < guards.trustBelow) &&
    (guards.trustAbove === null || context.trust > guards.trustAbove) &&
    (guards.patienceBelow === null || context.patience < guards.patienceBelow) &&
    guards.known.every((fact) => context.known.includes(fact))
  );
}

/** Which persona event a transition's trigger waits for; null for transitions that fire on state alone. */
export function eventTypeOf(transition: Transition): PersonaEvent['type'] | null {
  const trigger = transition.trigger;
  if (trigger === null || trigger.kind === 'revealed') return null;
  switch (trigger.kind) {
    case 'choice':
    case 'said':
    case 'mentions':
    case 'replied':
      return 'trainee.reply';
    case 'did':
    case 'asked':
    case 'offered':
    case 'escalated':
      return 'trainee.act';
    case 'waited':
    case 'after':
      return 'clock.tick';
    case 'promise':
      return 'promise.changed';
    case 'handoff':
      return 'handoff.answered';
  }
}

/**
 * True when `transition` fires for `event` (null: an eventless check after a step), judged on the
 * persona as it is once the event has been observed.
 */
export function transitionMatches(
  transition: Transition,
  event: PersonaEvent | null,
  context: PersonaContext,
): boolean {
  if (!guardsHold(transition.guards, context)) return false;
  const trigger = transition.trigger;
  if (trigger === null) return event === null && context.hops < MAX_HOPS;
  if (trigger.kind === 'revealed')
    return event === null && context.hops < MAX_HOPS && context.known.includes(trigger.fact);
  if (event === null) return false;
  switch (trigger.kind) {
    case 'choice':
      return event.type === 'trainee.reply' && event.choice === trigger.choice;
    case 'said':
      return (
        event.type === 'trainee.reply' && trigger.families.some((f) => event.analysis.families.includes(f))
      );
    case 'mentions':
      return event.type === 'trainee.reply' && mentionsIn(trigger.words, foldedText(event), event.language);
    case 'replied':
      return event.type === 'trainee.reply' && trigger.kinds.some((k) => event.kinds.includes(k));
    case 'did':
      return event.type === 'trainee.act' && event.action === trigger.action;
    case 'asked':
      return event.type === 'trainee.act' && event.action === 'ask' && event.fact === trigger.fact;
    case 'offered': {
      if (event.type !== 'trainee.act' || event.action !== 'offer' || event.offer === null) return false;
      if (!trigger.resolutions.includes(event.offer.kind)) return false;
      const amount = event.offer.amount ?? 0;
      return (
        (trigger.min === null || amount >= trigger.min) && (trigger.max === null || amount <= trigger.max)
      );
    }
    case 'escalated':
      return (
        event.type === 'trainee.act' &&
        event.action === 'escalate' &&
        event.tier !== null &&
        event.tier >= trigger.minLevel &&
        event.tier <= trigger.maxLevel
      );
    case 'waited':
      return event.type === 'clock.tick' && context.now - context.answeredAt >= trigger.ms;
    case 'after':
      return event.type === 'clock.tick' && context.now - context.beatEnteredAt >= trigger.ms;
    case 'promise':
      return event.type === 'promise.changed' && event.event === trigger.event;
    case 'handoff':
      return event.type === 'handoff.answered' && event.event === trigger.event;
  }
}

function applyEffects(context: PersonaContext, effects: Effects, emitted: PersonaEmitted[]): PersonaContext {
  let next = context;
  if (effects.mood !== 0 || effects.trust !== 0 || effects.patience !== 0) {
    next = {
      ...next,
      mood: nudge(next.mood, effects.mood, -1, 1),
      trust: nudge(next.trust, effects.trust, 0, 1),
      patience: nudge(next.patience, effects.patience, 0, 1),
    };
    emitted.push(felt(next));
  }
  next = reveal(next, effects.reveal, emitted);
  if (effects.raiseLevel !== null && effects.raiseLevel > next.level) {
    next = { ...next, level: effects.raiseLevel };
    emitted.push({ type: 'persona.levelRaised', at: next.now, level: effects.raiseLevel });
  }
  return next;
}

/** Firing a transition: its changes, and its own line if it has one. */
export function fire(transition: Transition, from: string, context: PersonaContext): Step {
  const emitted: PersonaEmitted[] = [];
  const next = applyEffects(context, transition.effects, emitted);
  if (transition.says)
    emitted.push({ type: 'persona.said', at: next.now, beat: from, line: transition.says });
  return { context: next, emitted };
}

/**
 * Reacting to a reply nothing in the script answered: the first of the scenario's reactions (its own,
 * then the pack's) that answers one of the reply's kinds and whose conditions hold says its next line.
 * A reaction changes nothing else, so it cannot contradict the script.
 */
export function react(scenario: Scenario, context: PersonaContext, event: PersonaEvent): Step {
  if (event.type !== 'trainee.unanswered') return { context, emitted: [] };
  const now = Math.max(context.now, event.at);
  const index = scenario.reactions.findIndex(
    (r) => r.kinds.some((k) => event.kinds.includes(k)) && guardsHold(r.guards, context),
  );
  const reaction = scenario.reactions[index];
  if (!reaction || reaction.says.length === 0) return { context, emitted: [] };
  const times = context.reacted[index] ?? 0;
  const line = reaction.says[times % reaction.says.length] as LocalizedText;
  const kind = reaction.kinds.find((k) => event.kinds.includes(k)) as ReplyKind;
  return {
    context: { ...context, now, reacted: { ...context.reacted, [index]: times + 1 } },
    emitted: [{ type: 'persona.said', at: now, beat: context.beat ?? '', line, reaction: kind }],
  };
}

/** Entering a beat: the customer speaks, the beat's changes apply, and an ending ends the contact. */
export function enter(beat: Beat, context: PersonaContext): Step {
  const from = context.beat;
  const emitted: PersonaEmitted[] = [{ type: 'persona.moved', at: context.now, from, to: beat.id }];
  let next: PersonaContext = {
    ...context,
    beat: beat.id,
    beatEnteredAt: context.now,
    answeredAt: context.now,
    hops: from === null ? 0 : context.hops + 1,
  };
  for (const line of beat.says) emitted.push({ type: 'persona.said', at: next.now, beat: beat.id, line });
  next = applyEffects(next, beat.effects, emitted);
  if (beat.ending !== null) emitted.push({ type: 'persona.ended', at: next.now, ending: beat.ending });
  return { context: next, emitted };
}

/** The persona gives up: patience ran out before the script ended the contact. */
export function walkOut(context: PersonaContext): Step {
  return { context, emitted: [{ type: 'persona.ended', at: context.now, ending: 'abandoned' }] };
}

export { isPatienceExhausted };

/**
 * The next game time this persona needs a clock tick: when one of its beat's timers falls due, when
 * waiting would carry its patience or mood across a threshold its beat tests, or when its patience
 * runs out. Nothing else changes while a customer waits, and patience and mood change linearly, so
 * ticking only then gives exactly the persona that ticking constantly would.
 */
export function nextWake(scenario: Scenario, context: PersonaContext, expecting: boolean): number {
  let wake = Number.POSITIVE_INFINITY;
  // A deadline already past was judged when it passed; if its conditions failed then, only a new
  // event can change that, so it needs no more ticks.
  const timer = (at: number) => {
    if (at > context.now) wake = Math.min(wake, at);
  };
  // Thresholds are crossed a little after the exact instant (feelings are rounded to 1e-6), so they
  // are looked at on the next whole game second, when the crossing is certain.
  const threshold = (at: number) => timer(Math.max(context.now + 1000, Math.ceil(at / 1000) * 1000));
  const beat = scenario.beats.find((b) => b.id === context.beat);
  const transitions = beat ? transitionsOf(scenario, beat) : [];
  for (const t of transitions) {
    if (t.trigger?.kind === 'waited') timer(context.answeredAt + t.trigger.ms);
    if (t.trigger?.kind === 'after') timer(context.beatEnteredAt + t.trigger.ms);
  }
  if (expecting) return wake;
  const traits = scenario.persona.traits;
  const from = Math.max(context.now, context.answeredAt + GRACE_MS);
  const msPerPatience = fullPatienceMs(traits, scenario.channel);
  threshold(from + patienceLastsMs(context.patience, traits, scenario.channel));
  // Waiting lowers patience, and mood with it. Transitions that wait for an event are judged when it
  // comes; the ones that fire on state alone need a tick when waiting carries it across their line.
  for (const t of transitions) {
    if (t.trigger !== null && t.trigger.kind !== 'revealed') continue;
    const { patienceBelow, moodBelow } = t.guards;
    if (patienceBelow !== null && context.patience >= patienceBelow) {
      threshold(from + (context.patience - patienceBelow) * msPerPatience);
    }
    if (moodBelow !== null && context.mood >= moodBelow) {
      const patienceToLose = (context.mood - moodBelow) / waitMoodRate(traits);
      if (patienceToLose <= context.patience) threshold(from + patienceToLose * msPerPatience);
    }
  }
  return wake;
}
