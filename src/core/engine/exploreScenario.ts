/**
 * Walks every path a persona can take, feeding it one representative of each thing a trainee can do
 * that its script reacts to (each choice, each phrase family it listens for, each action, amounts at the
 * edges of each range, a promise made and kept), and letting the clock run to the next moment the desk
 * would act on its own (a timer falling due, patience running out, a promise breaking, a tier
 * answering). The desk's own rules are kept: a call rings until it is answered, a tier answers an
 * escalation after its time and sends the case back (`does: returns`, or below the level the case
 * needs), and a customer told what happens next does not lose patience. So every route the walk claims
 * is one `simulate` plays. Reports which beats and endings can be reached, so a trainer learns that a
 * scenario cannot be won, or cannot be lost, before a trainee does.
 */
import { initialTransition, transition } from 'xstate';
import { everyTransition, transitionsOf } from '../scenario/transitionsOf';
import type { Ending, PhraseFamily, ReplyKind, Scenario, TraineeAction, Transition } from '../scenario/types';
import type { ReplyAnalysis } from './analyser';
import { CHANNEL_RULES } from './channelRules';
import { isOffered } from './offeredChoices';
import { MINUTE_MS } from './personaLogic';
import { createPersonaMachine } from './personaMachine';
import type { Offer, PersonaEmitted, PersonaEvent } from './personaSteps';
import { nextWake } from './personaSteps';
import { toneKind } from './replyKinds';

/**
 * Bumped whenever the walk's model of the desk changes, so cached answers from an older walk are not
 * reused (the engine version alone does not change when only the walk does).
 */
export const EXPLORER_VERSION = '2';

/** The most distinct persona states a walk visits before it stops and reports what it found. */
export const STATE_LIMIT = 20_000;

/**
 * One step of a route, as a trainee plays it at the desk: a reply (the words and how the analyser is
 * assumed to read them), an action, or letting the clock run until a game time.
 */
export type RouteStep =
  | {
      readonly kind: 'reply';
      readonly text: string;
      readonly language: string;
      readonly choice: string | null;
      readonly analysis: ReplyAnalysis;
      readonly kinds: readonly ReplyKind[];
    }
  | {
      readonly kind: 'act';
      readonly action: TraineeAction;
      readonly fact: string | null;
      readonly offer: Offer | null;
      readonly tier: number | null;
      /** For a promise: the game time it falls due. */
      readonly dueAt?: number;
    }
  | { readonly kind: 'wait'; readonly until: number };

/**
 * What makes a walk's states many: one kind of thing the persona's state is told apart by (a feeling the
 * script compares, the facts its conditions name, the timers of a beat, pending answers), how many
 * distinct values of it the walk met, and for a feeling the thresholds the script compares it with.
 */
export interface StateFactor {
  readonly factor: 'mood' | 'trust' | 'patience' | 'facts' | 'timers' | 'waiting';
  readonly values: number;
  readonly thresholds: readonly number[];
}

/**
 * What walking a persona's paths found: the beats it reaches and misses, the shortest way to each
 * ending, and whether the scenario can be won (satisfied or neutral) and lost (upset or abandoned).
 * When the walk stops at its state limit, everything here is what it found until then.
 */
export interface Exploration {
  readonly scenario: string;
  readonly reachableBeats: readonly string[];
  readonly unreachableBeats: readonly string[];
  /** For each reachable ending, the shortest list of step descriptions that leads there. */
  readonly endings: Readonly<Partial<Record<Ending, readonly string[]>>>;
  /** The same routes as steps a session can play (see {@link RouteStep}). */
  readonly routes: Readonly<Partial<Record<Ending, readonly RouteStep[]>>>;
  readonly winnable: boolean;
  readonly losable: boolean;
  /** Whether a trainee who only types (no authored choices) can reach a satisfied or neutral ending. */
  readonly winnableByTyping: boolean;
  /** Distinct desk states visited (beat, feelings against the script's thresholds, facts, timers, waits). */
  readonly states: number;
  /** True when the walk stopped at the state limit before covering everything. */
  readonly truncated: boolean;
  /** What told the states apart, most values first: why a walk that stopped at the limit grew so large. */
  readonly factors: readonly StateFactor[];
}

/** A pending escalation: the tier, when it answers and what its file says it does (null: by level). */
interface PendingHandoff {
  readonly tier: number;
  readonly answerAt: number;
  readonly does: 'resolves' | 'returns' | null;
}

type Snapshot = ReturnType<typeof initialTransition<ReturnType<typeof createPersonaMachine>>>[0];

/** The desk around one persona, as far as the walk needs it. */
interface DeskState {
  readonly persona: Snapshot;
  /** Whether the call has been picked up; always true on a channel that does not ring. */
  readonly answered: boolean;
  readonly handoffs: readonly PendingHandoff[];
  /** Due times of the open promises the trainee put on the tracker. */
  readonly promises: readonly number[];
}

/** How far ahead the walk's promises fall due: ten minutes of a chat customer's time. */
const PROMISE_DUE_MS = 10 * MINUTE_MS;

/** A thing the trainee can do, made for the state it is done in. */
type Move = (state: DeskState) => RouteStep | null;

/**
 * One representative of each thing a trainee can do that the script reacts to. With `typing`, only what
 * a trainee who types can cause: no authored choices.
 */
function moves(scenario: Scenario, options: { typing?: boolean } = {}): Move[] {
  const out: Move[] = [];
  const seen = new Set<string>();
  const add = (key: string, make: Move) => {
    if (!seen.has(key)) {
      seen.add(key);
      out.push(make);
    }
  };
  const language = scenario.languages[0] ?? 'en';
  const reply =
    (
      families: readonly PhraseFamily[],
      tone: number,
      choice: string | null,
      typed: { text?: string; language?: string; kinds?: readonly ReplyKind[] } = {},
    ): Move =>
    () => ({
      kind: 'reply',
      text: typed.text ?? choice ?? (families.length > 0 ? families.join(' ') : `(${toneKind(tone)} reply)`),
      language: typed.language ?? language,
      choice,
      analysis: { tone, toneSpans: [], families, effects: [], promises: [], nonsense: null },
      kinds: typed.kinds ?? [toneKind(tone)],
    });
  const act =
    (action: TraineeAction, extra: { fact?: string; offer?: Offer; tier?: number } = {}): Move =>
    () => ({
      kind: 'act',
      action,
      fact: extra.fact ?? null,
      offer: extra.offer ?? null,
      tier: extra.tier ?? null,
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
  let promises = false;
  // Every tier above the trainee's, as the desk allows.
  const escalateToEveryTier = () => {
    for (let tier = scenario.traineeTier + 1; tier <= scenario.tiers.length; tier += 1)
      add(`escalated:${tier}`, act('escalate', { tier }));
  };
  for (const t of everyTransition(scenario)) {
    const trigger = t.trigger;
    if (!trigger) continue;
    switch (trigger.kind) {
      case 'said':
        for (const family of trigger.families) add(`said:${family}`, reply([family], 0, null));
        break;
      case 'mentions': {
        // One word of the list stands for it: the first, without its `*`.
        const [lang, words] = Object.entries(trigger.words).find(([, w]) => w.length > 0) ?? [];
        const word = words?.[0]?.replace(/\*$/, '');
        if (lang && word) add(`mentions:${lang}:${word}`, reply([], 0, null, { text: word, language: lang }));
        break;
      }
      case 'replied':
        for (const kind of trigger.kinds) {
          const tone = { warm: 0.8, rude: -0.9, cold: -0.3 }[kind as string] ?? 0;
          add(
            `replied:${kind}`,
            reply([], tone, null, { text: `(${kind} reply)`, kinds: [...new Set([toneKind(tone), kind])] }),
          );
        }
        break;
      case 'did':
        // Answering a call, making and keeping promises and escalating are the desk's own moves.
        if (!['answer', 'promise', 'fulfil', 'escalate'].includes(trigger.action))
          add(`did:${trigger.action}`, act(trigger.action));
        if (trigger.action === 'promise' || trigger.action === 'fulfil') promises = true;
        if (trigger.action === 'escalate') escalateToEveryTier();
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
        // The desk only lets a trainee escalate above their own tier, within the ladder.
        for (const tier of [trigger.minLevel, trigger.maxLevel]) {
          if (tier > scenario.traineeTier && tier <= scenario.tiers.length)
            add(`escalated:${tier}`, act('escalate', { tier }));
        }
        break;
      case 'promise':
        promises = true;
        break;
      case 'handoff':
        // A tier's answer comes only after an escalation.
        escalateToEveryTier();
        break;
    }
  }
  // Look-ups and reproductions reveal facts, which `known` and `revealed` conditions may wait for.
  if (scenario.facts.some((f) => f.reveal === 'lookup')) add('did:lookup', act('lookup'));
  if (scenario.facts.some((f) => f.reveal === 'reproduce')) add('did:reproduce', act('reproduce'));
  if (promises) {
    // A promise due soon, and one due after every pending answer: which comes first decides whether a
    // tier's answer or the broken promise reaches the customer.
    const promise =
      (due: (state: DeskState) => number): Move =>
      (state) =>
        state.promises.length === 0
          ? { ...(act('promise')(state) as RouteStep & { kind: 'act' }), dueAt: due(state) }
          : null;
    const soon = PROMISE_DUE_MS * CHANNEL_RULES[scenario.channel].patience;
    add(
      'promise',
      promise((state) => state.persona.context.now + soon),
    );
    add('promise-late', (state) =>
      state.handoffs.length === 0
        ? null
        : promise((s) => Math.max(...s.handoffs.map((h) => h.answerAt)) + soon)(state),
    );
    add('fulfil', (state) => (state.promises.length > 0 ? act('fulfil')(state) : null));
  }
  return out;
}

/** A game time as a trainee reads it in a route: `41m`, `1m30s`, `3h05m`. */
function clockText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const tail = s === 0 ? '' : `${s}s`;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m${tail}`;
  return `${m}m${tail}`;
}

/** A route step in a few words, as the explorer prints it. */
export function describeStep(step: RouteStep): string {
  switch (step.kind) {
    case 'reply':
      if (step.choice) return `choice ${step.choice}`;
      if (step.analysis.families.length > 0) return `reply (${step.analysis.families.join(', ')})`;
      if (step.kinds.length > 1) return `reply (${step.kinds.join(', ')})`;
      if (step.text.startsWith('(')) return 'reply (plain)';
      return `reply "${step.text}"`;
    case 'act':
      return [
        step.action,
        step.fact,
        step.offer ? `${step.offer.kind} ${step.offer.amount ?? ''}`.trim() : null,
        step.tier,
        step.dueAt === undefined ? null : `due ${clockText(step.dueAt)}`,
      ]
        .filter((x) => x !== null)
        .join(' ');
    case 'wait':
      return `wait until ${clockText(step.until)}`;
  }
}

/** Whether the customer has been told what happens next, so waiting costs them no patience. */
function isExpecting(state: DeskState): boolean {
  return state.handoffs.length > 0 || state.promises.length > 0;
}

/**
 * The desk's next moment on its own, as `simulate` finds it: the persona's next wake, a promise
 * breaking the millisecond after it falls due, or a tier answering. Null when nothing is due.
 */
function nextDue(scenario: Scenario, state: DeskState): number | null {
  const context = state.persona.context;
  let at = Number.POSITIVE_INFINITY;
  const wake = nextWake(scenario, context, isExpecting(state));
  if (wake > context.now) at = wake;
  for (const due of state.promises) at = Math.min(at, due + 1);
  for (const h of state.handoffs) at = Math.min(at, h.answerAt);
  return Number.isFinite(at) ? at : null;
}

/** What the walk builds once per scenario and reuses for every state. */
interface Walker {
  readonly scenario: Scenario;
  readonly machine: ReturnType<typeof createPersonaMachine>;
}

/** Feeds one persona event and collects what the persona emitted. */
function feed(walker: Walker, state: DeskState, event: PersonaEvent, emitted: PersonaEmitted[]): DeskState {
  if (state.persona.status !== 'active') return state;
  const [persona, actions] = transition(walker.machine, state.persona, event);
  collect(actions, emitted);
  return { ...state, persona };
}

function collect(actions: readonly unknown[], into: PersonaEmitted[]): void {
  for (const action of actions as readonly { type: string; params?: unknown }[]) {
    if (action.type === 'xstate.emit') into.push((action.params as { event: PersonaEmitted }).event);
  }
}

/**
 * Plays one route step on the desk as `simulate` does, or returns null when the desk would refuse it
 * (a choice whose facts are not known yet, anything but answering while a call rings).
 */
function play(
  walker: Walker,
  state: DeskState,
  step: RouteStep,
): { state: DeskState; emitted: PersonaEmitted[] } | null {
  const { scenario } = walker;
  const context = state.persona.context;
  const at = context.now;
  const emitted: PersonaEmitted[] = [];
  if (step.kind === 'wait') {
    let next = state;
    const wake = nextWake(scenario, context, isExpecting(state));
    if (wake <= step.until) {
      next = feed(
        walker,
        next,
        { type: 'clock.tick', at: step.until, expecting: isExpecting(next) },
        emitted,
      );
    }
    // Promises break, then tiers answer, one at a time in the order they fall due.
    for (const due of [...next.promises].sort((a, b) => a - b)) {
      if (due + 1 > step.until) continue;
      next = { ...next, promises: next.promises.filter((p) => p !== due) };
      next = feed(walker, next, { type: 'promise.changed', at: step.until, event: 'broken' }, emitted);
    }
    for (const h of [...next.handoffs].sort((a, b) => a.answerAt - b.answerAt)) {
      if (h.answerAt > step.until) continue;
      next = { ...next, handoffs: next.handoffs.filter((x) => x !== h) };
      // The tier judges the case as it stands when it answers: a twist since the handoff counts.
      const does = h.does ?? (h.tier >= next.persona.context.level ? 'resolves' : 'returns');
      next = feed(
        walker,
        next,
        { type: 'handoff.answered', at: step.until, event: does === 'resolves' ? 'resolved' : 'returned' },
        emitted,
      );
    }
    return { state: next, emitted };
  }
  if (!state.answered) {
    if (step.kind !== 'act' || step.action !== 'answer') return null;
    const next = feed(walker, { ...state, answered: true }, toEvent(step, at), emitted);
    return { state: next, emitted };
  }
  if (step.kind === 'act' && step.action === 'answer') return null;
  if (step.kind === 'reply' && step.choice !== null) {
    const choice = scenario.beats
      .find((b) => b.id === context.beat)
      ?.choices.find((c) => c.id === step.choice);
    if (!choice || !isOffered(choice, context.known)) return null;
  }
  let next = state;
  // One escalation at a time: a second while the first is pending reaches no ending the first cannot,
  // and letting them pile up would make the walk endless.
  if (step.kind === 'act' && step.action === 'escalate' && state.handoffs.length > 0) return null;
  if (step.kind === 'act' && step.action === 'escalate' && step.tier !== null) {
    const handoff = scenario.escalation[step.tier - 1];
    next = {
      ...next,
      handoffs: [
        ...next.handoffs,
        { tier: step.tier, answerAt: at + (handoff?.respondsInMs ?? 0), does: handoff?.does ?? null },
      ],
    };
  }
  next = feed(walker, next, toEvent(step, at), emitted);
  if (step.kind === 'act' && step.action === 'promise') {
    const due = step.dueAt ?? at + PROMISE_DUE_MS * CHANNEL_RULES[scenario.channel].patience;
    next = { ...next, promises: [...next.promises, due] };
    next = feed(walker, next, { type: 'promise.changed', at, event: 'made' }, emitted);
  }
  if (step.kind === 'act' && step.action === 'fulfil' && next.promises.length > 0) {
    next = { ...next, promises: next.promises.slice(1) };
    next = feed(walker, next, { type: 'promise.changed', at, event: 'kept' }, emitted);
  }
  return { state: next, emitted };
}

function toEvent(step: Exclude<RouteStep, { kind: 'wait' }>, at: number): PersonaEvent {
  if (step.kind === 'reply') {
    const { text, language, choice, analysis, kinds } = step;
    return { type: 'trainee.reply', at, text, language, choice, analysis, kinds };
  }
  const { action, fact, offer, tier } = step;
  return { type: 'trainee.act', at, action, fact, offer, tier };
}

/** The moves open in a state: the trainee's, then letting the clock run to the desk's next moment. */
function stepsFrom(walker: Walker, made: readonly Move[], state: DeskState): RouteStep[] {
  const out: RouteStep[] = [];
  if (!state.answered) out.push({ kind: 'act', action: 'answer', fact: null, offer: null, tier: null });
  else
    for (const make of made) {
      const step = make(state);
      if (step) out.push(step);
    }
  const due = nextDue(walker.scenario, state);
  if (due !== null) out.push({ kind: 'wait', until: due });
  return out;
}

/**
 * The part of the desk that can change what the script does next: the beat, which side of every mood,
 * trust and patience threshold the script tests the persona is on, the facts its conditions name,
 * which of the beat's timers have passed, and what the customer waits for. Two states with the same key
 * behave alike, so the walk stays finite. A tested feeling is also counted in its smallest step from
 * the threshold below it; only the thresholds the script compares against matter, so a script with no
 * condition on a feeling does not split on it at all.
 */
function stateKey(scenario: Scenario): {
  key: (state: DeskState) => string;
  parts: (state: DeskState) => Record<StateFactor['factor'], string>;
  thresholds: Record<'mood' | 'trust' | 'patience', readonly number[]>;
} {
  const transitions = everyTransition(scenario);
  const cuts = (pick: (g: Transition['guards']) => (number | null)[]) =>
    [...new Set(transitions.flatMap((t) => pick(t.guards)).filter((n): n is number => n !== null))].sort(
      (a, b) => a - b,
    );
  const thresholds = {
    mood: cuts((g) => [g.moodBelow, g.moodAbove]),
    trust: cuts((g) => [g.trustBelow, g.trustAbove]),
    patience: cuts((g) => [g.patienceBelow]),
  };
  const facts = [
    ...new Set(
      transitions.flatMap((t) => [
        ...t.guards.known,
        ...(t.trigger?.kind === 'revealed' ? [t.trigger.fact] : []),
      ]),
    ),
  ].sort();
  const needed = neededAhead(scenario);
  // The smallest step each feeling moves by in one move of the walk: a warm reply to a customer who
  // trusts nothing, a kept promise, or a scripted change. Counting a feeling in steps of that size from
  // the threshold below it means every move changes the count, so replies that move it a little at a
  // time add up across a threshold, and values that differ by less than a step are one state.
  const traits = scenario.persona.traits;
  const scripted = (pick: (e: Transition['effects']) => number) =>
    [...transitions.map((t) => pick(t.effects)), ...scenario.beats.map((b) => pick(b.effects))]
      .map(Math.abs)
      .filter((n) => n > 0);
  const unit = {
    mood: Math.min(0.8 * (0.1 + 0.3 * traits.volatility) * 0.5, 0.2, ...scripted((e) => e.mood)),
    trust: Math.min(0.15, ...scripted((e) => e.trust)),
    patience: Math.min(0.25, ...scripted((e) => e.patience)),
  };
  const side = (value: number, at: readonly number[], low: number, step: number) => {
    if (at.length === 0) return '';
    const sides = at.map((cut) => (value < cut ? '<' : value > cut ? '>' : '=')).join('');
    const below = Math.max(low, ...at.filter((c) => c <= value));
    return `${sides}${Math.floor((value - below) / step)}`;
  };
  const beats = new Map(scenario.beats.map((b) => [b.id, b]));
  const timers = (state: DeskState) => {
    const c = state.persona.context;
    const beat = beats.get(String(state.persona.value));
    if (!beat) return '';
    return transitionsOf(scenario, beat)
      .map((t) =>
        t.trigger?.kind === 'waited'
          ? c.now - c.answeredAt >= t.trigger.ms
            ? 1
            : 0
          : t.trigger?.kind === 'after'
            ? c.now - c.beatEnteredAt >= t.trigger.ms
              ? 1
              : 0
            : '',
      )
      .join('');
  };
  const parts = (state: DeskState): Record<StateFactor['factor'], string> => {
    const c = state.persona.context;
    const beat = String(state.persona.value);
    const known = (list: readonly string[]) => list.map((f) => (c.known.includes(f) ? 1 : 0)).join('');
    return {
      mood: side(c.mood, thresholds.mood, -1, unit.mood),
      trust: side(c.trust, thresholds.trust, 0, unit.trust),
      patience: side(c.patience, thresholds.patience, 0, unit.patience),
      facts: `${known(facts)}/${known(needed.get(beat) ?? [])}`,
      timers: timers(state),
      // What the customer waits for and in which order, not how long: the walk reaches each answer by
      // waiting for it, but whether a promise breaks before a tier answers decides what they hear.
      waiting: `${state.answered ? 1 : 0}${[
        ...state.handoffs.map((h) => ({ at: h.answerAt, what: `h${h.tier}` })),
        ...state.promises.map((due) => ({ at: due + 1, what: 'p' })),
      ]
        .sort((a, b) => a.at - b.at)
        .map((w) => w.what)
        .join()}`,
    };
  };
  return {
    key: (state) => {
      const p = parts(state);
      return `${String(state.persona.value)}|${p.mood}|${p.trust}|${p.patience}|${p.facts}|${p.timers}|${p.waiting}`;
    },
    parts,
    thresholds,
  };
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

/** What one walk found. */
interface Walk {
  readonly reached: ReadonlySet<string>;
  readonly routes: Partial<Record<Ending, RouteStep[]>>;
  readonly states: number;
  readonly truncated: boolean;
  readonly factors: readonly StateFactor[];
}

/**
 * Walks the desk breadth first from the persona's start, so the first route found to an ending is a
 * shortest one. Stops at `limit` distinct states, or as soon as `enough` says the question is settled,
 * and reports what it found either way.
 */
function walk(
  scenario: Scenario,
  options: { typing?: boolean; limit: number; enough?: (routes: Walk['routes']) => boolean },
): Walk {
  const machine = createPersonaMachine(scenario);
  const walker: Walker = { scenario, machine };
  const made = moves(scenario, { typing: options.typing });
  const { key, parts, thresholds } = stateKey(scenario);
  const [persona, actions] = initialTransition(machine, { at: 0 });
  const first: DeskState = {
    persona,
    answered: !CHANNEL_RULES[scenario.channel].rings,
    handoffs: [],
    promises: [],
  };
  const reached = new Set<string>();
  const routes: Partial<Record<Ending, RouteStep[]>> = {};
  const startEmitted: PersonaEmitted[] = [];
  collect(actions, startEmitted);
  const note = (emitted: readonly PersonaEmitted[], route: () => RouteStep[]) => {
    for (const e of emitted) {
      if (e.type === 'persona.moved') reached.add(e.to);
      if (e.type === 'persona.ended' && routes[e.ending as Ending] === undefined)
        routes[e.ending as Ending] = route();
    }
  };
  note(startEmitted, () => []);
  const nodes: { state: DeskState; parent: number; step: RouteStep | null }[] = [
    { state: first, parent: -1, step: null },
  ];
  const routeTo = (index: number, last: RouteStep): RouteStep[] => {
    const out = [last];
    for (let i = index; i > 0; i = nodes[i]?.parent ?? 0) {
      const step = nodes[i]?.step;
      if (step) out.unshift(step);
    }
    return out;
  };
  const seen = new Set([key(first)]);
  const values = new Map<StateFactor['factor'], Set<string>>();
  const count = (state: DeskState) => {
    for (const [factor, value] of Object.entries(parts(state)) as [StateFactor['factor'], string][]) {
      const set = values.get(factor) ?? new Set<string>();
      set.add(value);
      values.set(factor, set);
    }
  };
  count(first);
  let truncated = false;
  outer: for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i];
    if (node?.state.persona.status !== 'active') continue;
    for (const step of stepsFrom(walker, made, node.state)) {
      const played = play(walker, node.state, step);
      if (!played) continue;
      note(played.emitted, () => routeTo(i, step));
      if (options.enough?.(routes)) break outer;
      const k = key(played.state);
      if (seen.has(k)) continue;
      if (seen.size >= options.limit) {
        truncated = true;
        break outer;
      }
      seen.add(k);
      count(played.state);
      nodes.push({ state: played.state, parent: i, step });
    }
  }
  const factors = [...values]
    .map(([factor, set]) => ({
      factor,
      values: set.size,
      thresholds: factor === 'mood' || factor === 'trust' || factor === 'patience' ? thresholds[factor] : [],
    }))
    .filter((f) => f.values > 1)
    .sort((a, b) => b.values - a.values);
  return { reached, routes, states: seen.size, truncated, factors };
}

const isWin = (routes: Walk['routes']) => routes.satisfied !== undefined || routes.neutral !== undefined;
const isLoss = (routes: Walk['routes']) => routes.upset !== undefined || routes.abandoned !== undefined;

/** Explores a scenario's persona; `limit` caps the distinct states visited. */
export function exploreScenario(scenario: Scenario, options: { limit?: number } = {}): Exploration {
  const limit = options.limit ?? STATE_LIMIT;
  const all = walk(scenario, { limit });
  const winnable = isWin(all.routes);
  const byTyping =
    winnable && scenario.beats.some((b) => b.choices.length > 0)
      ? isWin(walk(scenario, { typing: true, limit, enough: isWin }).routes)
      : winnable;
  const endings: Partial<Record<Ending, string[]>> = {};
  for (const [ending, route] of Object.entries(all.routes) as [Ending, RouteStep[]][])
    endings[ending] = route.map(describeStep);
  return {
    scenario: scenario.id,
    reachableBeats: scenario.beats.map((b) => b.id).filter((id) => all.reached.has(id)),
    unreachableBeats: scenario.beats.map((b) => b.id).filter((id) => !all.reached.has(id)),
    endings,
    routes: all.routes,
    winnable,
    losable: isLoss(all.routes),
    winnableByTyping: byTyping,
    states: all.states,
    truncated: all.truncated,
    factors: all.factors,
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
  /** When truncated: what told the states apart, most values first (see {@link StateFactor}). */
  readonly factors?: readonly StateFactor[];
}

/**
 * Answers only "can this scenario be won, and can it be lost, and can it be won by typing?", walking
 * the same states with the same moves as {@link exploreScenario} and stopping as soon as each is
 * settled. It visits every state before answering no, so a "no" is as sure as the full walk's.
 */
export function playOutcome(scenario: Scenario, options: { limit?: number } = {}): PlayOutcome {
  const limit = options.limit ?? STATE_LIMIT;
  const all = walk(scenario, { limit, enough: (r) => isWin(r) && isLoss(r) });
  const winnable = isWin(all.routes);
  const typed =
    winnable && scenario.beats.some((b) => b.choices.length > 0)
      ? walk(scenario, { typing: true, limit, enough: isWin })
      : all;
  const truncated = all.truncated || typed.truncated;
  return {
    winnable,
    losable: isLoss(all.routes),
    winnableByTyping: isWin(typed.routes),
    truncated,
    ...(truncated ? { factors: all.truncated ? all.factors : typed.factors } : {}),
  };
}
