/**
 * The compiled, normalised forms of scenario and pack files: every default applied, every tier
 * reference resolved to a level number, every duration in game milliseconds, choice shorthands turned
 * into transitions. The engine, the scoring and the game only ever see these, never raw YAML.
 */
import type {
  ACTIONS,
  CHANNELS,
  CRITICAL_ERRORS,
  DIFFICULTIES,
  DIMENSIONS,
  ENDINGS,
  HANDOFF_EVENTS,
  PHRASE_FAMILIES,
  PROMISE_EVENTS,
  REPLY_KINDS,
  RESOLUTION_KINDS,
  REVEALS,
} from './schema';

/** A channel a customer reaches the desk on: chat, email, phone or social. */
export type Channel = (typeof CHANNELS)[number];
/** A resolution a trainee can offer: information, refund, replace, pay or credit. */
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
/** Something a trainee does besides replying. */
export type TraineeAction = (typeof ACTIONS)[number];
/** A family of phrasing the reply analyser recognises, such as `apologise` or `blame`. */
export type PhraseFamily = (typeof PHRASE_FAMILIES)[number];
/** How a contact ends: satisfied, neutral, upset or abandoned. */
export type Ending = (typeof ENDINGS)[number];
/** How a fact becomes known: from the start, by a lookup, by asking, by reproducing, or by the script. */
export type Reveal = (typeof REVEALS)[number];
/** What happened to a promise: made, kept, broken, or withdrawn after the customer had heard it. */
export type PromiseEvent = (typeof PROMISE_EVENTS)[number];
/** How a tier answered a handoff: it resolved the case or returned it. */
export type HandoffEvent = (typeof HANDOFF_EVENTS)[number];
/** What a reply did as the customer hears it: its tone, a question, a promise, nothing new, a repeat. */
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** Text in every pack language, keyed by language code. */
export type LocalizedText = Readonly<Record<string, string>>;

/** How hard a scenario is to play well: easy, moderate or hard (never a tier level). */
export type Difficulty = (typeof DIFFICULTIES)[number];

/** What a case is about, for the menu: the id scenarios name and its name in every pack language. */
export interface Topic {
  readonly id: string;
  readonly name: LocalizedText;
}

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
  /** A crisis tier: a case that needs it is a crisis (the default ladder marks Level 4). */
  readonly crisis: boolean;
}

/**
 * A persona's traits, each 0..1: patience (how long they wait), volatility (how far their mood swings)
 * and trust (how far they believe the company at the start).
 */
export interface Traits {
  readonly patience: number;
  readonly volatility: number;
  readonly trust: number;
}

/** A compiled pack: languages, currency, tier ladder (lowest first), trainees' tier and persona defaults. */
/** One of the scorecard's dimensions. */
export type Dimension = (typeof DIMENSIONS)[number];

/** The pack's scoring rules: each dimension's weight and the lowest overall score of each grade. */
export interface ScoringRules {
  readonly weights: Readonly<Record<Dimension, number>>;
  readonly grades: { readonly expected: number; readonly desired: number; readonly exceptional: number };
  /** The critical errors counted, and the highest grade a contact or attempt with one can get. */
  readonly critical: { readonly errors: readonly CriticalError[]; readonly cap: CriticalCap };
}

/** A mistake serious enough to cap the grade whatever the rest of the attempt earned. */
export type CriticalError = (typeof CRITICAL_ERRORS)[number];
/** The highest grade a critical error leaves, as a pack writes it. */
export type CriticalCap = 'unsatisfactory' | 'expected' | 'desired';

export interface Pack {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly languages: readonly string[];
  readonly currency: string;
  readonly tiers: readonly Tier[];
  readonly traineeTier: number;
  /** The topics scenarios may name, in the order the menu shows them. */
  readonly topics: readonly Topic[];
  readonly personaDefaults: { readonly traits: Traits; readonly mood: number };
  readonly scoring: ScoringRules;
  /**
   * The overall score (0..100) that passes an attempt reported to a learning management system (a
   * SCORM package's mastery score): `mastery_score` from the pack file, else the lowest Desired score.
   * It decides nothing inside the game, so it stays out of the scoring rules a scorecard carries.
   */
  readonly masteryScore: number;
  /** The pack's reactions, then the built-in ones where the pack's languages allow. */
  readonly reactions: readonly Reaction[];
  /** SHA-256 of the pack file (of the defaults when there is none): scorecards name it. */
  readonly contentHash: string;
}

/** A scenario's customer: name, traits, starting mood (-1..1); `about` and `look` are null when absent. */
export interface Persona {
  readonly name: string;
  readonly about: LocalizedText | null;
  readonly traits: Traits;
  readonly mood: number;
  readonly look: { readonly portrait: string; readonly accent: string } | null;
}

/** A fact of the case and how it becomes known; `question` is what the trainee asks for it, or null. */
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
  | {
      readonly kind: 'mentions';
      /** Per language, the topic words folded (lower case, no accents); a final `*` ends a stem. */
      readonly words: Readonly<Record<string, readonly string[]>>;
    }
  | { readonly kind: 'replied'; readonly kinds: readonly ReplyKind[] }
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

/**
 * A scripted move to beat `go` (null: the persona answers and stays in its beat): it fires on its
 * trigger when its guards hold, and applies its effects.
 */
export interface Transition {
  readonly go: string | null;
  /** A line the customer says as the transition fires, before the next beat's own lines. */
  readonly says: LocalizedText | null;
  /** null: fires as soon as the guards hold. */
  readonly trigger: Trigger | null;
  readonly guards: Guards;
  readonly effects: Effects;
}

/**
 * An answer to a reply that no transition answered: it fires for any of its reply kinds when its
 * guards hold, says its lines in turn, and never moves the beat or changes the persona.
 */
export interface Reaction {
  readonly kinds: readonly ReplyKind[];
  readonly guards: Guards;
  readonly says: readonly LocalizedText[];
}

/**
 * An authored reply the trainee can pick in a beat. It is offered only once every fact in `needs` is
 * known (see `offeredChoices`); the engine refuses it before then.
 */
export interface Choice {
  readonly id: string;
  readonly text: LocalizedText;
  /** Facts the reply states, which the trainee must know before it is offered; empty: always offered. */
  readonly needs: readonly string[];
}

/**
 * A moment in a persona's script: the lines said on entering it, the choices and transitions out, its
 * effects, and its ending (null: not an ending).
 */
export interface Beat {
  readonly id: string;
  readonly says: readonly LocalizedText[];
  readonly choices: readonly Choice[];
  /** The beat's own transitions; see `transitionsOf` for all it tries. */
  readonly transitions: readonly Transition[];
  /** Whether the scenario's `anywhere` transitions are tried here, after the beat's own. */
  readonly anywhere: boolean;
  readonly ending: Ending | null;
  readonly effects: Effects;
}

/**
 * What a tier does when the case is escalated to it: its answer, how many game milliseconds it takes,
 * and its note back (null: none).
 */
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

/** A resolution that is right for the case, with the amounts accepted (null: no bound). */
export interface AcceptableResolution {
  readonly kind: ResolutionKind;
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * The right handling of a case, for the debrief: why, the acceptable resolutions (none: it must be
 * escalated), the facts a handoff note must carry, and whether a follow-up is expected.
 */
export interface Expected {
  readonly why: LocalizedText;
  readonly resolutions: readonly AcceptableResolution[];
  readonly handoff: readonly string[];
  readonly followUp: boolean;
}

/**
 * A compiled scenario: one customer, one case, scripted in beats. `level` is the tier the case truly
 * needs; every default is applied and every duration is in game milliseconds.
 */
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
  /** What the case is about, from the pack's `topics`; null when the file names none. */
  readonly topic: Topic | null;
  /** How hard the case is to play well; null when the file does not say. The menu shows it, never the level. */
  readonly difficulty: Difficulty | null;
  readonly tags: readonly string[];
  readonly minutes: number | null;
  readonly persona: Persona;
  readonly facts: readonly Fact[];
  /** The ladder with this scenario's authority overrides applied, lowest tier first. */
  readonly tiers: readonly Tier[];
  readonly traineeTier: number;
  readonly start: string;
  readonly beats: readonly Beat[];
  /** Transitions tried in every beat that allows them, after the beat's own (see `transitionsOf`). */
  readonly anywhere: readonly Transition[];
  /** Answers to replies no transition answers: this persona's own first, then the pack's. */
  readonly reactions: readonly Reaction[];
  /** What each tier does with an escalation, one entry per tier of the ladder. */
  readonly escalation: readonly Handoff[];
  readonly expected: Expected;
  readonly languages: readonly string[];
  readonly currency: string;
  readonly scoring: ScoringRules;
  /** The content hash of the pack the scenario was compiled with. */
  readonly packHash: string;
}

/**
 * Where a persona starts when not at its scenario's own start (a trainer's "Play from a beat"): the
 * beat, and feelings and known facts that replace the scenario's starting ones. Mood runs -1..1, trust
 * and patience 0..1; `facts` are ids the trainee already knows, as if revealed.
 */
export interface PersonaStart {
  readonly beat: string;
  readonly mood?: number;
  readonly trust?: number;
  readonly patience?: number;
  readonly facts?: readonly string[];
}

/** One customer due in a shift: the scenario played and its arrival time, in game ms from the start. */
export interface Arrival {
  readonly scenario: string;
  readonly atMs: number;
  /** Where its persona starts, when not at the scenario's `start` (practice from a beat). */
  readonly from?: PersonaStart;
}

/** A compiled shift: who arrives when (earliest first), how fast game time runs and how long it lasts. */
export interface Shift {
  readonly id: string;
  readonly title: LocalizedText;
  /** Game milliseconds the shift lasts; null: until every contact has ended. */
  readonly lengthMs: number | null;
  /** Game seconds per real second. */
  readonly speed: number;
  readonly jitterMs: number;
  readonly arrivals: readonly Arrival[];
}
