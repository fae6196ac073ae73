/**
 * Compiles a scenario into its persona: an XState machine with one state per beat. Scripted
 * transitions become guarded transitions (tried in the order the trainer wrote them), transitions
 * that wait on state alone become eventless ones, ending beats become final states, and a persona
 * whose patience runs out walks out. All reasoning lives in the pure steps of `personaSteps`.
 */
import { enqueueActions, setup } from 'xstate';
import { transitionsOf } from '../scenario/transitionsOf';
import type { PersonaStart, Scenario } from '../scenario/types';
import { applyStep } from './applyStep';
import { type MachineStepper, machineStepper } from './machineStepper';
import {
  enter,
  eventTypeOf,
  fire,
  initialContext,
  isPatienceExhausted,
  observe,
  type PersonaContext,
  type PersonaEmitted,
  type PersonaEvent,
  react,
  type Step,
  transitionMatches,
  walkOut,
} from './personaSteps';

/** The state a persona goes to when patience runs out; no beat may use this id. */
export const WALKED_OUT = 'walked-out';

/** The events a script's transitions can wait for (a reaction waits for `trainee.unanswered`). */
const EVENT_TYPES: readonly PersonaEvent['type'][] = [
  'trainee.reply',
  'trainee.act',
  'clock.tick',
  'promise.changed',
  'handoff.answered',
];

interface TransitionRef {
  readonly beat: number;
  readonly index: number;
}

/** What a persona machine is started with. */
export interface PersonaInput {
  /** Game time the contact starts at, in milliseconds. */
  readonly at: number;
  /**
   * Feelings and known facts to start with instead of the scenario's (see `checkPersonaStart`); its
   * beat must be the one the machine was built to start in.
   */
  readonly start?: PersonaStart;
}

/** The beat a scenario's persona starts in when nothing else is asked for. */
function ownStart(scenario: Scenario): string {
  return scenario.beats.some((b) => b.id === scenario.start)
    ? scenario.start
    : (scenario.beats[0]?.id ?? WALKED_OUT);
}

/**
 * Builds the persona machine for one compiled scenario, starting in `startBeat` (a beat of the
 * scenario, checked by the caller) or, when absent, the scenario's own start.
 */
export function createPersonaMachine(scenario: Scenario, startBeat?: string) {
  const transitionAt = ({ beat, index }: TransitionRef) => {
    const at = scenario.beats[beat];
    const found = at && transitionsOf(scenario, at)[index];
    if (!found) throw new RangeError(`No transition ${index} in beat ${beat} of ${scenario.id}`);
    return found;
  };
  const beatIndex = new Map(scenario.beats.map((b, i) => [b.id, i]));
  const beatAt = (beat: number) => {
    const found = scenario.beats[beat];
    if (!found) throw new RangeError(`No beat ${beat} in ${scenario.id}`);
    return found;
  };

  // Every candidate transition for an event judges the persona as it is once the event is observed;
  // observing once per event (not once per candidate) keeps long scripts cheap.
  const observed = new WeakMap<PersonaEvent, { context: PersonaContext; step: Step }>();
  const observeOnce = (context: PersonaContext, event: PersonaEvent): Step => {
    const cached = observed.get(event);
    if (cached && cached.context === context) return cached.step;
    const step = observe(scenario, context, event);
    observed.set(event, { context, step });
    return step;
  };

  const machineSetup = setup({
    types: {
      context: {} as PersonaContext,
      events: {} as PersonaEvent,
      emitted: {} as PersonaEmitted,
      input: {} as PersonaInput,
    },
    guards: {
      matches: ({ context, event }, ref: TransitionRef) =>
        transitionMatches(transitionAt(ref), event, observeOnce(context, event).context),
      holdsNow: ({ context }, ref: TransitionRef) => transitionMatches(transitionAt(ref), null, context),
      isPatienceExhausted: ({ context }) => isPatienceExhausted(context.patience),
    },
    actions: {
      observe: enqueueActions(({ context, event, enqueue }) => {
        applyStep(observeOnce(context, event), enqueue);
      }),
      fire: enqueueActions(({ context, enqueue }, ref: TransitionRef) => {
        applyStep(fire(transitionAt(ref), context.beat ?? '', context), enqueue);
      }),
      enter: enqueueActions(({ context, enqueue }, params: { beat: number }) => {
        applyStep(enter(beatAt(params.beat), context), enqueue);
      }),
      walkOut: enqueueActions(({ context, enqueue }) => {
        applyStep(walkOut(context), enqueue);
      }),
      react: enqueueActions(({ context, event, enqueue }) => {
        applyStep(react(scenario, context, event), enqueue);
      }),
    },
  });

  // The states are generated from data, so they are built untyped; setup() above types what they name.
  const states: Record<string, unknown> = {};
  scenario.beats.forEach((beat, b) => {
    const entry = [{ type: 'enter' as const, params: { beat: b } }];
    if (beat.ending !== null) {
      states[beat.id] = { type: 'final', entry };
      return;
    }
    const on: Record<string, unknown[]> = {};
    for (const type of EVENT_TYPES) on[type] = [];
    const always: unknown[] = [];
    transitionsOf(scenario, beat).forEach((transition, index) => {
      const ref = { beat: b, index };
      const type = eventTypeOf(transition);
      const target = transition.go;
      if (type === null) {
        always.push({
          guard: { type: 'holdsNow', params: ref },
          target,
          reenter: true,
          actions: [{ type: 'fire', params: ref }],
        });
      } else if (target === null) {
        // Staying answers in place: no re-entry, so the beat's lines and timers stay as they were.
        on[type]?.push({
          guard: { type: 'matches', params: ref },
          actions: [{ type: 'observe' }, { type: 'fire', params: ref }],
        });
      } else {
        on[type]?.push({
          guard: { type: 'matches', params: ref },
          target,
          reenter: true,
          actions: [{ type: 'observe' }, { type: 'fire', params: ref }],
        });
      }
    });
    for (const type of EVENT_TYPES) on[type]?.push({ actions: [{ type: 'observe' }] });
    on['trainee.unanswered'] = [{ actions: [{ type: 'react' }] }];
    always.push({ guard: 'isPatienceExhausted', target: WALKED_OUT });
    states[beat.id] = { entry, on, always };
  });
  states[WALKED_OUT] = { type: 'final', entry: [{ type: 'walkOut' }] };

  return machineSetup.createMachine({
    id: `persona:${scenario.id}`,
    context: ({ input }) => initialContext(scenario, input.at, input.start),
    initial: startBeat !== undefined && beatIndex.has(startBeat) ? startBeat : ownStart(scenario),
    states: states as never,
  });
}

/** The machine {@link createPersonaMachine} builds for one scenario. */
export type PersonaMachine = ReturnType<typeof createPersonaMachine>;

/** A scenario's persona machine and its stepper, built once and shared by every session that plays it. */
export interface Persona {
  readonly machine: PersonaMachine;
  readonly stepper: MachineStepper<PersonaSnapshot, PersonaEvent, PersonaEmitted, PersonaInput>;
}

/** A persona machine's snapshot: the beat it is in and its context. */
export type PersonaSnapshot = ReturnType<PersonaMachine['transition']>;

const personas = new WeakMap<Scenario, Map<string, Persona>>();

/**
 * The persona of a compiled scenario, built on first use: one per beat it starts in (the scenario's
 * own start when `startBeat` is absent), since a machine's first state is part of its definition.
 */
export function personaOf(scenario: Scenario, startBeat?: string): Persona {
  let byStart = personas.get(scenario);
  if (!byStart) {
    byStart = new Map();
    personas.set(scenario, byStart);
  }
  const beat = startBeat ?? ownStart(scenario);
  let persona = byStart.get(beat);
  if (!persona) {
    const machine = createPersonaMachine(scenario, beat);
    persona = {
      machine,
      stepper: machineStepper<PersonaSnapshot, PersonaEvent, PersonaEmitted, PersonaInput>(machine),
    };
    byStart.set(beat, persona);
  }
  return persona;
}
