/**
 * Walks every path a persona can take, with `xstate/graph`, feeding it one representative of each
 * event its script can react to (each choice, each phrase family it listens for, each action, amounts
 * at the edges of each range, each timer, promise and handoff outcome, and a long silence). Reports
 * which beats and endings can be reached, so a trainer learns that a scenario cannot be won, or cannot
 * be lost, before a trainee does. On a channel that rings, the route to an ending picks up the call
 * before the trainee's first word or act, as the desk makes them.
 */
import { initialTransition, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { everyTransition, transitionsOf } from '../scenario/transitionsOf';
import type { Ending, PhraseFamily, ReplyKind, Scenario, Transition } from '../scenario/types';
import { CHANNEL_RULES } from './channelRules';
import { isOffered } from './offeredChoices';
import { fullPatienceMs, MINUTE_MS } from './personaLogic';
import { createPersonaMachine } from './personaMachine';
import type { PersonaContext, PersonaEmitted, PersonaEvent } from './personaSteps';
import { toneKind } from './replyKinds';

/**
 * What walking a persona's paths found: the beats it reaches and misses, the shortest way to each
 * ending, and whether the scenario can be won (satisfied or neutral) and lost (upset or abandoned).
 */
export interface Exploration {
  readonly scenario: string;
  readonly reachableBeats: readonly string[];
  readonly unreachableBeats: readonly string[];
  /** For each reachable ending, the shortest list of event descriptions that leads there. */
  readonly endings: Readonly<Partial<Record<Ending, readonly string[]>>>;
  readonly winnable: boolean;
  readonly losable: boolean;
  /** Whether a trainee who only types (no authored choices) can reach a satisfied or neutral ending. */
  readonly winnableByTyping: boolean;
  /** Distinct persona states visited (beat, mood band, level, facts known). */
  readonly states: number;
  /** True when the walk stopped at the state limit before covering everything. */
  readonly truncated: boolean;
}

type EventTemplate = (now: number) => PersonaEvent;

/**
 * One representative of each event the script reacts to. With `typing`, only what a trainee who types
 * can cause: no authored choices.
 */
function templates(scenario: Scenario, options: { typing?: boolean } = {}): EventTemplate[] {
  const out: EventTemplate[] = [];
  const seen = new Set<string>();
  const add = (key: string, make: EventTemplate) => {
    if (!seen.has(key)) {
      seen.add(key);
      out.push(make);
    }
  };
  const reply =
    (
      families: readonly PhraseFamily[],
      tone: number,
      choice: string | null,
      typed: { text?: string; language?: string; kinds?: readonly ReplyKind[] } = {},
    ): EventTemplate =>
    (at) => ({
      type: 'trainee.reply',
      at,
      text: typed.text ?? choice ?? families.join(' '),
      language: typed.language ?? scenario.languages[0] ?? 'en',
      choice,
      analysis: { tone, toneSpans: [], families, effects: [], promises: [], nonsense: null },
      kinds: typed.kinds ?? [toneKind(tone)],
    });
  const act =
    (
      action: Extract<PersonaEvent, { type: 'trainee.act' }>['action'],
      extra: Partial<Extract<PersonaEvent, { type: 'trainee.act' }>> = {},
    ): EventTemplate =>
    (at) => ({
      type: 'trainee.act',
      at,
      action,
      fact: null,
      offer: null,
      tier: null,
      ...extra,
    });
  const traineeLimits = scenario.tiers[scenario.traineeTier - 1]?.limits;
  add('reply:neutral', reply([], 0, null));
  // Warm and rude replies matter only to a script that tests mood or trust.
  const feelings = everyTransition(scenario).some((t) =>
    [t.guards.moodAbove, t.guards.moodBelow, t.guards.trustAbove, t.guards.trustBelow].some(
      (g) => g !== null,
    ),
  );
  if (feelings) {
    add('reply:warm', reply(['acknowledge', 'apologise', 'ownership'], 0.8, null));
    add('reply:rude', reply(['dismissive', 'blame'], -0.9, null));
  }
  if (!options.typing) {
    for (const beat of scenario.beats) {
      for (const choice of beat.choices) add(`choice:${choice.id}`, reply([], 0, choice.id));
    }
  }
  for (const t of everyTransition(scenario)) {
    const trigger = t.trigger;
    if (!trigger) continue;
    switch (trigger.kind) {
      case 'said':
        for (const family of trigger.families) add(`said:${family}`, reply([family], 0, null));
        break;
      case 'mentions': {
        // One word of the list stands for it: the first, without its `*`.
        const [language, words] = Object.entries(trigger.words).find(([, w]) => w.length > 0) ?? [];
        const word = words?.[0]?.replace(/\*$/, '');
        if (language && word)
          add(`mentions:${language}:${word}`, reply([], 0, null, { text: word, language }));
        break;
      }
      case 'replied':
        for (const kind of trigger.kinds) {
          const tone = { warm: 0.8, rude: -0.9, cold: -0.3 }[kind as string] ?? 0;
          add(`replied:${kind}`, reply([], tone, null, { kinds: [...new Set([toneKind(tone), kind])] }));
        }
        break;
      case 'did':
        add(`did:${trigger.action}`, act(trigger.action));
        break;
      case 'asked':
        add(`asked:${trigger.fact}`, act('ask', { fact: trigger.fact }));
        break;
      case 'offered':
        for (const kind of trigger.resolutions) {
          // The desk refuses offers beyond the trainee's authority, so the walk does not try them.
          const limit = kind === 'information' ? Number.POSITIVE_INFINITY : (traineeLimits?.[kind] ?? 0);
          for (const amount of [trigger.min, trigger.max, null]) {
            if ((amount ?? 0) <= limit && (kind === 'information' || limit > 0)) {
              add(`offered:${kind}:${amount}`, act('offer', { offer: { kind, amount } }));
            }
          }
        }
        break;
      case 'escalated':
        // The desk only lets a trainee escalate above their own tier.
        for (const tier of [trigger.minLevel, trigger.maxLevel]) {
          if (tier > scenario.traineeTier) add(`escalated:${tier}`, act('escalate', { tier }));
        }
        break;
      case 'waited':
      case 'after':
        add(`tick:${trigger.ms}`, (at) => ({ type: 'clock.tick', at: at + trigger.ms, expecting: false }));
        break;
      case 'promise':
        add(`promise:${trigger.event}`, (at) => ({ type: 'promise.changed', at, event: trigger.event }));
        break;
      case 'handoff':
        add(`handoff:${trigger.event}`, (at) => ({ type: 'handoff.answered', at, event: trigger.event }));
        break;
    }
  }
  // Look-ups and reproductions reveal facts, which `known` and `revealed` conditions may wait for.
  if (scenario.facts.some((f) => f.reveal === 'lookup')) add('did:lookup', act('lookup'));
  if (scenario.facts.some((f) => f.reveal === 'reproduce')) add('did:reproduce', act('reproduce'));
  // Long enough for anyone's patience to run out on this channel.
  const silence = fullPatienceMs(scenario.persona.traits, scenario.channel) + MINUTE_MS;
  add('silence', (at) => ({ type: 'clock.tick', at: at + silence, expecting: false }));
  return out;
}

function describe(event: PersonaEvent): string {
  switch (event.type) {
    case 'trainee.reply':
      if (event.choice) return `choice ${event.choice}`;
      if (event.analysis.families.length > 0) return `reply (${event.analysis.families.join(', ')})`;
      if (event.text) return `reply "${event.text}"`;
      return event.kinds.length > 1 ? `reply (${event.kinds.join(', ')})` : 'reply (plain)';
    case 'trainee.unanswered':
      return 'no answer';
    case 'trainee.act':
      return [
        event.action,
        event.fact,
        event.offer ? `${event.offer.kind} ${event.offer.amount ?? ''}`.trim() : null,
        event.tier,
      ]
        .filter((x) => x !== null)
        .join(' ');
    case 'clock.tick':
      return `wait until ${Math.round(event.at / 60_000)}m`;
    case 'promise.changed':
      return `promise ${event.event}`;
    case 'handoff.answered':
      return `handoff ${event.event}`;
  }
}

/**
 * A route as a trainee plays it: on a channel that rings, the call is answered before their first
 * word or act (waiting while it rings needs no answer; an answer the route already takes needs no
 * other).
 */
export function playedRoute(scenario: Scenario, events: readonly PersonaEvent[]): string[] {
  const route = events.map(describe);
  if (!CHANNEL_RULES[scenario.channel].rings) return route;
  const first = events.findIndex((e) => e.type === 'trainee.reply' || e.type === 'trainee.act');
  const answers = first >= 0 && events[first]?.type === 'trainee.act' && events[first].action === 'answer';
  if (first < 0 || answers) return route;
  return [...route.slice(0, first), 'answer', ...route.slice(first)];
}

/**
 * The part of a persona's state that can change what its script does next: the beat, which side of
 * every mood, trust and patience threshold the script tests it is on, and the facts its conditions
 * name. Two states with the same key behave the same, so the walk stays finite.
 */
function stateKey(scenario: Scenario): (beat: string, c: PersonaContext) => string {
  const transitions = everyTransition(scenario);
  const cuts = (pick: (g: Transition['guards']) => (number | null)[]) =>
    [...new Set(transitions.flatMap((t) => pick(t.guards)).filter((n): n is number => n !== null))].sort(
      (a, b) => a - b,
    );
  const mood = cuts((g) => [g.moodBelow, g.moodAbove]);
  const trust = cuts((g) => [g.trustBelow, g.trustAbove]);
  const patience = cuts((g) => [g.patienceBelow]);
  const facts = [
    ...new Set(
      transitions.flatMap((t) => [
        ...t.guards.known,
        ...(t.trigger?.kind === 'revealed' ? [t.trigger.fact] : []),
      ]),
    ),
  ].sort();
  const needed = neededAhead(scenario);
  // A tested feeling is kept in quarters too, so that replies which move it a little at a time can add
  // up across a threshold instead of looking like the same state.
  const side = (value: number, at: readonly number[]) =>
    at.length === 0
      ? ''
      : `${at.map((cut) => (value < cut ? '<' : value > cut ? '>' : '=')).join('')}${Math.round(value * 4)}`;
  return (beat, c) =>
    `${beat}|${side(c.mood, mood)}|${side(c.trust, trust)}|${side(c.patience, patience)}|${facts.map((f) => (c.known.includes(f) ? 1 : 0)).join('')}|${(needed.get(beat) ?? []).map((f) => (c.known.includes(f) ? 1 : 0)).join('')}`;
}

/**
 * For each beat, the facts that a choice in it or in a beat it can lead to needs: whether they are
 * known decides which replies will be offered. A fact no choice ahead needs changes nothing, so it is
 * left out of the state and the walk does not split on it.
 */
function neededAhead(scenario: Scenario): ReadonlyMap<string, readonly string[]> {
  const next = new Map(
    scenario.beats.map((b) => [
      b.id,
      transitionsOf(scenario, b).flatMap((t) => (t.go === null ? [] : [t.go])),
    ]),
  );
  const needs = new Map(scenario.beats.map((b) => [b.id, b.choices.flatMap((c) => c.needs)]));
  const out = new Map<string, readonly string[]>();
  for (const beat of scenario.beats) {
    const found = new Set<string>();
    const seen = new Set([beat.id]);
    const stack = [beat.id];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      for (const fact of needs.get(id) ?? []) found.add(fact);
      for (const to of next.get(id) ?? []) {
        if (!seen.has(to)) {
          seen.add(to);
          stack.push(to);
        }
      }
    }
    out.set(beat.id, [...found].sort());
  }
  return out;
}

/**
 * Whether the desk lets `event` reach the persona in `context`: an authored reply its beat offers only
 * once its `needs` are known is refused before then (see `offeredChoices`).
 */
function deskAllows(scenario: Scenario, context: PersonaContext, event: PersonaEvent): boolean {
  if (event.type !== 'trainee.reply' || event.choice === null) return true;
  const choice = scenario.beats
    .find((b) => b.id === context.beat)
    ?.choices.find((c) => c.id === event.choice);
  return choice === undefined || isOffered(choice, context.known);
}

/** Explores a scenario's persona; `limit` caps the distinct states visited. */
export function exploreScenario(scenario: Scenario, options: { limit?: number } = {}): Exploration {
  const machine = createPersonaMachine(scenario);
  const made = templates(scenario);
  const limit = options.limit ?? 20_000;
  let truncated = false;
  const key = stateKey(scenario);
  type Snapshot = { status: string; value: unknown; context: PersonaContext };
  let paths: ReturnType<typeof getShortestPaths<typeof machine>> = [];
  try {
    paths = getShortestPaths(machine, {
      input: { at: 0 },
      events: (snapshot: Snapshot) =>
        snapshot.status === 'active'
          ? made
              .map((make) => make(snapshot.context.now))
              .filter((event) => deskAllows(scenario, snapshot.context, event))
          : [],
      serializeState: (snapshot: Snapshot) => key(String(snapshot.value), snapshot.context),
      limit,
    } as never);
  } catch {
    truncated = true; // the walk hit the state limit; report nothing rather than half a graph
  }

  // Beats a persona passes through within one step (it speaks, then moves on at once) never rest in
  // a path's states, so each path is replayed to see every beat it enters and how it ends.
  const reached = new Set<string>();
  const endings: Partial<Record<Ending, string[]>> = {};
  for (const path of paths) {
    let [snapshot, actions] = initialTransition(machine, { at: 0 });
    const events = path.steps.slice(1).map((s) => s.event as PersonaEvent);
    const seen = [...actions];
    for (const event of events) {
      [snapshot, actions] = transition(machine, snapshot, event);
      seen.push(...actions);
    }
    for (const action of seen as readonly { type: string; params?: unknown }[]) {
      if (action.type !== 'xstate.emit') continue;
      const emitted = (action.params as { event: PersonaEmitted }).event;
      if (emitted.type === 'persona.moved') reached.add(emitted.to);
      if (emitted.type === 'persona.ended') {
        const ending = emitted.ending as Ending;
        const route = playedRoute(scenario, events);
        const known = endings[ending];
        if (!known || route.length < known.length) endings[ending] = route;
      }
    }
  }
  const reachableBeats = scenario.beats.map((b) => b.id).filter((id) => reached.has(id));
  const winnable = endings.satisfied !== undefined || endings.neutral !== undefined;
  const byTyping =
    winnable && scenario.beats.some((b) => b.choices.length > 0)
      ? walkOutcome(scenario, machine, templates(scenario, { typing: true }), limit, false).winnable
      : winnable;
  return {
    scenario: scenario.id,
    reachableBeats,
    unreachableBeats: scenario.beats.map((b) => b.id).filter((id) => !reached.has(id)),
    endings,
    winnable,
    losable: endings.upset !== undefined || endings.abandoned !== undefined,
    winnableByTyping: byTyping,
    states: paths.length,
    truncated,
  };
}

/** Whether some way of playing ends well and some ends badly; what the pack check needs to know. */
export interface PlayOutcome {
  readonly winnable: boolean;
  readonly losable: boolean;
  /** Whether a trainee who only types (no authored choices) can reach a satisfied or neutral ending. */
  readonly winnableByTyping: boolean;
  /** True when the walk hit its state limit before settling the questions. */
  readonly truncated: boolean;
}

/**
 * Answers only "can this scenario be won, and can it be lost, and can it be won by typing?", walking
 * the same states with the same events as {@link exploreScenario}, states that reach a new beat first,
 * and stopping as soon as each is settled. It visits every state before answering no, so a "no" is as
 * sure as the full walk's.
 */
export function playOutcome(scenario: Scenario, options: { limit?: number } = {}): PlayOutcome {
  const machine = createPersonaMachine(scenario);
  const limit = options.limit ?? 20_000;
  const all = walkOutcome(scenario, machine, templates(scenario), limit, true);
  const hasChoices = scenario.beats.some((b) => b.choices.length > 0);
  const typed =
    all.winnable && hasChoices
      ? walkOutcome(scenario, machine, templates(scenario, { typing: true }), limit, false)
      : all;
  return {
    winnable: all.winnable,
    losable: all.losable,
    winnableByTyping: typed.winnable,
    truncated: all.truncated || typed.truncated,
  };
}

function walkOutcome(
  scenario: Scenario,
  machine: ReturnType<typeof createPersonaMachine>,
  made: readonly EventTemplate[],
  limit: number,
  /** Whether to walk on until a losing ending is found too. */
  wantLosable: boolean,
): { winnable: boolean; losable: boolean; truncated: boolean } {
  const key = stateKey(scenario);
  let winnable = false;
  let losable = false;
  const settled = () => winnable && (losable || !wantLosable);
  const [first] = initialTransition(machine, { at: 0 });
  const seen = new Set([key(String(first.value), first.context)]);
  // States that reached a beat not seen before go first: endings lie down the paths that move on.
  const moved = [first];
  const stayed: (typeof first)[] = [];
  const beats = new Set([String(first.value)]);
  let steps = 0;
  for (let snapshot = moved.pop() ?? stayed.shift(); snapshot; snapshot = moved.pop() ?? stayed.shift()) {
    for (const make of made) {
      if (settled()) return { winnable, losable, truncated: false };
      const event = make(snapshot.context.now);
      if (!deskAllows(scenario, snapshot.context, event)) continue;
      steps += 1;
      if (steps > limit) return { winnable, losable, truncated: true };
      const [next, actions] = transition(machine, snapshot, event);
      for (const action of actions as readonly { type: string; params?: unknown }[]) {
        if (action.type !== 'xstate.emit') continue;
        const emitted = (action.params as { event: PersonaEmitted }).event;
        if (emitted.type !== 'persona.ended') continue;
        if (emitted.ending === 'satisfied' || emitted.ending === 'neutral') winnable = true;
        else losable = true;
      }
      const k = key(String(next.value), next.context);
      if (next.status === 'active' && !seen.has(k)) {
        seen.add(k);
        const beat = String(next.value);
        if (beats.has(beat)) stayed.push(next);
        else {
          beats.add(beat);
          moved.push(next);
        }
      }
    }
  }
  return { winnable, losable, truncated: false };
}
