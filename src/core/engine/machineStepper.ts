/**
 * Steps an XState machine purely, as xstate's `transition()` and `initialTransition()` do, with one
 * inert actor scope made once per machine, as a running actor keeps one. `transition()` builds a new
 * actor for every call, and that actor's constructor works out the machine's whole initial state
 * first: on the engine's hot path that was most of the work (a one-hour shift took about three times
 * as long). The engine's machines spawn nothing, schedule nothing and never read `self`, so the scope's
 * actor is one idle actor of an empty machine, shared by every stepper: making a stepper computes
 * nothing of its machine.
 */
import { createActor, createMachine } from 'xstate';

/** What a stepper needs of a machine: XState's pure logic, as every state machine has it. */
interface MachineLogic<Snapshot, Event> {
  transition(snapshot: Snapshot, event: Event, scope: never): Snapshot;
  getInitialSnapshot(scope: never, input: never): Snapshot;
}

/** A machine's pure steps: each returns the next snapshot and the events emitted on the way, in order. */
export interface MachineStepper<Snapshot, Event, Emitted, Input> {
  initial(input: Input): readonly [Snapshot, Emitted[]];
  step(snapshot: Snapshot, event: Event): readonly [Snapshot, Emitted[]];
}

/** The actor every scope names as `self` and whose system it uses; never started. */
const idle = createActor(createMachine({}));

/** Builds the stepper of one machine; emitted events are collected from its `emit` actions. */
export function machineStepper<Snapshot, Event, Emitted, Input>(
  machine: MachineLogic<Snapshot, Event>,
): MachineStepper<Snapshot, Event, Emitted, Input> {
  let sink: Emitted[] | null = null;
  const ignore = () => {};
  const scope = {
    self: idle,
    defer: ignore,
    id: '',
    logger: ignore,
    sessionId: '',
    stopChild: ignore,
    system: idle.system,
    emit: ignore,
    actionExecutor: (action: { readonly type: string; readonly params?: unknown }) => {
      if (action.type === 'xstate.emit') sink?.push((action.params as { event: Emitted }).event);
    },
  } as never;
  const run = (make: () => Snapshot): readonly [Snapshot, Emitted[]] => {
    // One machine's step never steps the same machine again; if it did, events would be lost.
    if (sink !== null) throw new Error('A machine was stepped again while it was being stepped.');
    const emitted: Emitted[] = [];
    sink = emitted;
    try {
      return [make(), emitted];
    } finally {
      sink = null;
    }
  };
  return {
    initial: (input) => run(() => machine.getInitialSnapshot(scope, input as never)),
    step: (snapshot, event) => run(() => machine.transition(snapshot, event, scope)),
  };
}
