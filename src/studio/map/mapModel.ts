/**
 * The scenario map as data: beats as nodes, transitions as edges, each with what a trainer needs to
 * read the graph (the kind of beat, whether the start reaches it, what moves the persona along each
 * edge). Pure: the words come later, from the locale keys each phrase names.
 */
import type { Ending, Guards, Scenario, Transition, Trigger } from '../../core/scenario/types';

/** Where a beat stands in the script: where it starts, in the middle, or where the contact ends. */
export type MapBeatKind = 'start' | 'ordinary' | 'ending';

/** A locale key under `map.` and the values it interpolates. */
export interface MapPhrase {
  readonly key: string;
  readonly vars: Readonly<Record<string, string | number>>;
}

/** One transition in words: its trigger and guards, each a phrase (empty: it fires at once). */
export interface MapCondition {
  readonly phrases: readonly MapPhrase[];
  /** Written under the scenario's `anywhere`, not in the beat itself. */
  readonly anywhere: boolean;
}

export interface MapNode {
  readonly id: string;
  /** What the map shows on the beat: its id. */
  readonly label: string;
  readonly kind: MapBeatKind;
  /** How the contact ends here; null for a beat that is not an ending. */
  readonly ending: Ending | null;
  /** Some path of transitions from the start leads here (timers, mood and guards aside). */
  readonly reachable: boolean;
  /** The scenario's `anywhere` transitions are tried here. */
  readonly anywhere: boolean;
}

/** Every transition from one beat to another, merged: several triggers can lead the same way. */
export interface MapEdge {
  readonly from: string;
  readonly to: string;
  /** In the order the beat tries them: its own first, then the `anywhere` ones. */
  readonly conditions: readonly MapCondition[];
  /** Every condition is an `anywhere` one. */
  readonly anywhere: boolean;
}

/** A transition a beat tries, in words, including the ones that stay in the beat (`to` null). */
export interface MapTransition {
  readonly to: string | null;
  readonly condition: MapCondition;
}

export interface MapModel {
  readonly start: string;
  /** In the file's order. */
  readonly nodes: readonly MapNode[];
  /** Sorted by the source beat's place in the file, then each target's first appearance. */
  readonly edges: readonly MapEdge[];
  /** Each beat's own transitions, in the order the beat tries them (keyed by beat id). */
  readonly transitions: ReadonlyMap<string, readonly MapTransition[]>;
  /** The scenario's `anywhere` transitions, written once. */
  readonly anywhere: readonly MapTransition[];
}

/** The map of `scenario`: its beats, its transitions merged per pair of beats, what the start reaches. */
export function scenarioMapModel(scenario: Scenario, options: { readonly language?: string } = {}): MapModel {
  const language = options.language ?? scenario.languages[0] ?? 'en';
  const topLevel = scenario.tiers.length;
  const ids = new Set(scenario.beats.map((b) => b.id));
  const anywhere = scenario.anywhere.map((t) => mapTransition(t, true, language, topLevel));
  const transitions = new Map(
    scenario.beats.map((beat) => [
      beat.id,
      beat.transitions.map((t) => mapTransition(t, false, language, topLevel)),
    ]),
  );
  // The compiler sets `anywhere` false on endings, so reading it alone matches what the engine tries.
  const tried = (beatId: string): readonly MapTransition[] => {
    const beat = scenario.beats.find((b) => b.id === beatId);
    const own = transitions.get(beatId) ?? [];
    return beat?.anywhere ? [...own, ...anywhere] : own;
  };

  const edges: MapEdge[] = [];
  for (const beat of scenario.beats) {
    const byTarget = new Map<string, MapCondition[]>();
    for (const t of tried(beat.id)) {
      if (t.to === null || !ids.has(t.to)) continue;
      const list = byTarget.get(t.to) ?? [];
      list.push(t.condition);
      byTarget.set(t.to, list);
    }
    for (const [to, conditions] of byTarget) {
      edges.push({ from: beat.id, to, conditions, anywhere: conditions.every((c) => c.anywhere) });
    }
  }

  const reachable = reach(scenario.start, edges);
  const nodes = scenario.beats.map(
    (beat): MapNode => ({
      id: beat.id,
      label: beat.id,
      kind: beat.ending !== null ? 'ending' : beat.id === scenario.start ? 'start' : 'ordinary',
      ending: beat.ending,
      reachable: reachable.has(beat.id),
      anywhere: beat.anywhere && scenario.anywhere.length > 0,
    }),
  );
  return { start: scenario.start, nodes, edges, transitions, anywhere };
}

function reach(start: string, edges: readonly MapEdge[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of next.get(id) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

function mapTransition(
  transition: Transition,
  anywhere: boolean,
  language: string,
  topLevel: number,
): MapTransition {
  const phrases = [
    ...(transition.trigger ? [triggerPhrase(transition.trigger, language, topLevel)] : []),
    ...guardPhrases(transition.guards),
  ];
  return { to: transition.go, condition: { phrases, anywhere } };
}

const phrase = (key: string, vars: Record<string, string | number> = {}): MapPhrase => ({
  key: `map.when.${key}`,
  vars,
});

/** Alternatives, as the file lists them. */
const either = (items: readonly (string | number)[]) => items.join(' / ');

/** The most words of a `mentions` list the map shows before an ellipsis. */
const MENTIONS_SHOWN = 3;

function triggerPhrase(trigger: Trigger, language: string, topLevel: number): MapPhrase {
  switch (trigger.kind) {
    case 'choice':
      return phrase('choice', { choice: trigger.choice });
    case 'said':
      return phrase('said', { families: either(trigger.families) });
    case 'mentions': {
      const words = trigger.words[language] ?? Object.values(trigger.words)[0] ?? [];
      const shown = either(words.slice(0, MENTIONS_SHOWN));
      return phrase('mentions', { words: words.length > MENTIONS_SHOWN ? `${shown} …` : shown });
    }
    case 'replied':
      return phrase('replied', { kinds: either(trigger.kinds) });
    case 'did':
      return phrase('did', { action: trigger.action });
    case 'asked':
      return phrase('asked', { fact: trigger.fact });
    case 'offered': {
      const resolutions = either(trigger.resolutions);
      if (trigger.min === null && trigger.max === null) return phrase('offered', { resolutions });
      if (trigger.max === null) return phrase('offeredFrom', { resolutions, min: trigger.min ?? 0 });
      if (trigger.min === null) return phrase('offeredUpTo', { resolutions, max: trigger.max });
      return phrase('offeredAmount', { resolutions, min: trigger.min, max: trigger.max });
    }
    case 'escalated':
      if (trigger.minLevel <= 1 && trigger.maxLevel >= topLevel) return phrase('escalatedAny');
      return trigger.minLevel === trigger.maxLevel
        ? phrase('escalatedTo', { level: trigger.minLevel })
        : phrase('escalated', { min: trigger.minLevel, max: trigger.maxLevel });
    case 'promise':
      return phrase('promise', { event: trigger.event });
    case 'handoff':
      return phrase('handoff', { event: trigger.event });
    case 'revealed':
      return phrase('revealed', { fact: trigger.fact });
    case 'waited':
      return phrase('waited', { duration: duration(trigger.ms) });
    case 'after':
      return phrase('after', { duration: duration(trigger.ms) });
  }
}

function guardPhrases(guards: Guards): MapPhrase[] {
  return [
    ...(guards.moodBelow === null ? [] : [phrase('moodBelow', { value: guards.moodBelow })]),
    ...(guards.moodAbove === null ? [] : [phrase('moodAbove', { value: guards.moodAbove })]),
    ...(guards.trustBelow === null ? [] : [phrase('trustBelow', { value: guards.trustBelow })]),
    ...(guards.trustAbove === null ? [] : [phrase('trustAbove', { value: guards.trustAbove })]),
    ...(guards.patienceBelow === null ? [] : [phrase('patienceBelow', { value: guards.patienceBelow })]),
    ...(guards.known.length === 0 ? [] : [phrase('known', { facts: guards.known.join(', ') })]),
  ];
}

/**
 * A game duration as a trainer writes it in a file (`4h`, `5m`, `1h30m`, `45s`, `2d`): the units are
 * the file's, the same in every interface language.
 */
export function duration(ms: number): string {
  let seconds = Math.round(ms / 1000);
  let text = '';
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds >= size) {
      text += `${Math.floor(seconds / size)}${unit}`;
      seconds %= size;
    }
  }
  return seconds > 0 || text === '' ? `${text}${seconds}s` : text;
}
