/**
 * The compiled, normalised forms of scenario and pack files: every default applied, every tier
 * reference resolved to a level number, every duration in game milliseconds, choice shorthands turned
 * into transitions. The engine, the scoring and the game only ever see these, never raw YAML.
 */
import type {
  ACTIONS,
  CHANNELS,
  ENDINGS,
  HANDOFF_EVENTS,
  PHRASE_FAMILIES,
  PROMISE_EVENTS,
  RESOLUTION_KINDS,
  REVEALS,
} from './schema';

export type Channel = (typeof CHANNELS)[number];
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
export type TraineeAction = (typeof ACTIONS)[number];
export type PhraseFamily = (typeof PHRASE_FAMILIES)[number];
export type Ending = (typeof ENDINGS)[number];
export type Reveal = (typeof REVEALS)[number];
export type PromiseEvent = (typeof PROMISE_EVENTS)[number];
export type HandoffEvent = (typeof HANDOFF_EVENTS)[number];

/** Text in every pack language, keyed by language code. */
export type LocalizedText = Readonly<Record<string, string>>;

/** What a tier may grant: the largest amount per paid resolution kind (0: not allowed). */
export interface Limits {
  readonly refund: number;
  readonly replace: number;
  readonly pay: number;
  readonly credit: number;
  /** May act outside policy. */
  readonly exceptions: boolean;
}

/** One rung of the ladder. `level` is its 1-based place, lowest first. */
export interface Tier {
  readonly level: number;
  readonly id: string;
  readonly name: LocalizedText;
  readonly does: LocalizedText | null;
  readonly limits: Limits;
  /** Game milliseconds this tier takes to answer a handoff. */
  readonly respondsInMs: number;
}

export interface Traits {
  readonly patience: number;
  readonly volatility: number;
  readonly trust: number;
}

export interface Pack {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly languages: readonly string[];
  readonly currency: string;
  readonly tiers: readonly Tier[];
  readonly traineeTier: number;
  readonly personaDefaults: { readonly traits: Traits; readonly mood: number };
}

export interface Persona {
  readonly name: string;
  readonly about: LocalizedText | null;
  readonly traits: Traits;
  readonly mood: number;
  readonly look: { readonly portrait: string; readonly accent: string } | null;
}

export interface Fact {
  readonly id: string;
  readonly label: LocalizedText;
  readonly value: LocalizedText;
  readonly reveal: Reveal;
  readonly question: LocalizedText | null;
}

/** Changes applied when a transition fires or a beat is entered. Deltas are 0 when absent. */
export interface Effects {
  readonly mood: number;
  readonly trust: number;
  readonly patience: number;
  readonly reveal: readonly string[];
  readonly raiseLevel: number | null;
}

/** The one kind of event a transition waits for, if any. */
export type Trigger =
  | { readonly kind: 'choice'; readonly choice: string }
  | { readonly kind: 'said'; readonly families: readonly PhraseFamily[] }
  | { readonly kind: 'did'; readonly action: TraineeAction }
  | { readonly kind: 'asked'; readonly fact: string }
  | {
      readonly kind: 'offered';
      readonly resolutions: readonly ResolutionKind[];
      readonly min: number | null;
      readonly max: number | null;
    }
  | { readonly kind: 'escalated'; readonly minLevel: number; readonly maxLevel: number }
  | { readonly kind: 'promise'; readonly event: PromiseEvent }
  | { readonly kind: 'handoff'; readonly event: HandoffEvent }
  | { readonly kind: 'revealed'; readonly fact: string }
  | { readonly kind: 'waited'; readonly ms: number }
  | { readonly kind: 'after'; readonly ms: number };

/** State conditions that must also hold; null when absent. */
export interface Guards {
  readonly moodBelow: number | null;
  readonly moodAbove: number | null;
  readonly trustBelow: number | null;
  readonly trustAbove: number | null;
  readonly patienceBelow: number | null;
  /** Facts that must already be known. */
  readonly known: readonly string[];
}

export interface Transition {
  readonly go: string;
  /** A line the customer says as the transition fires, before the next beat's own lines. */
  readonly says: LocalizedText | null;
  /** null: fires as soon as the guards hold. */
  readonly trigger: Trigger | null;
  readonly guards: Guards;
  readonly effects: Effects;
}

export interface Choice {
  readonly id: string;
  readonly text: LocalizedText;
}

export interface Beat {
  readonly id: string;
  readonly says: readonly LocalizedText[];
  readonly choices: readonly Choice[];
  readonly transitions: readonly Transition[];
  readonly ending: Ending | null;
  readonly effects: Effects;
}

export interface Handoff {
  readonly level: number;
  /**
   * What the tier does with the case. null: the pack default, decided when the tier answers — a tier
   * at or above the level the case needs by then (twists included) resolves it, a lower one sends it
   * back.
   */
  readonly does: 'resolves' | 'returns' | null;
  readonly respondsInMs: number;
  readonly says: LocalizedText | null;
}

export interface AcceptableResolution {
  readonly kind: ResolutionKind;
  readonly min: number | null;
  readonly max: number | null;
}

export interface Expected {
  readonly why: LocalizedText;
  readonly resolutions: readonly AcceptableResolution[];
  readonly handoff: readonly string[];
  readonly followUp: boolean;
}

export interface Scenario {
  readonly id: string;
  readonly version: number;
  /** The file it was compiled from, as given to the compiler. */
  readonly file: string;
  /** SHA-256 of the file's text: which exact version of the scenario this is. */
  readonly contentHash: string;
  readonly title: LocalizedText;
  readonly level: number;
  readonly channel: Channel;
  readonly tags: readonly string[];
  readonly minutes: number | null;
  readonly persona: Persona;
  readonly facts: readonly Fact[];
  /** The ladder with this scenario's authority overrides applied, lowest tier first. */
  readonly tiers: readonly Tier[];
  readonly traineeTier: number;
  readonly start: string;
  readonly beats: readonly Beat[];
  /** What each tier does with an escalation, one entry per tier of the ladder. */
  readonly escalation: readonly Handoff[];
  readonly expected: Expected;
  readonly languages: readonly string[];
  readonly currency: string;
}
