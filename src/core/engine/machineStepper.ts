/**
 * Steps an XState machine purely, as xstate's `transition()` and `initialTransition()` do, with one
 * inert actor scope made once per machine, as a running actor keeps one. `transition()` builds a new
 * actor for every call, and that actor's constructor works out the machine's whole initial state
 * first: on the engine's hot path that was most of the work (a one-hour shift took about three times
 * as long). The engine's machines spawn nothing and schedule nothing, so one scope serves every step.
 */
import { createActor } from 'xstate';

/** What a stepper needs of a machine: XState's pure logic, as every state machine has it. */
interface MachineLogic<Snapshot, Event> {
  transition(snapshot: Snapshot, event: Event, scope: never): Snapshot;
  getInitialSnapshot(scope: never, input: never): Snapshot;
}

/** A machine's pure steps: each returns the next snapshot and the events emitted on the way, in order. */
export interface MachineStepper<Snapshot, Event, Emitted> {
  initial(input: unknown): readonly [Snapshot, Emitted[]];
  step(snapshot: Snapshot, event: Event): readonly [Snapshot, Emitted[]];
}

/**
 * Builds the stepper of one machine; emitted events are collected from its `emit` actions. `input` is
 * what the scope's own (never started) actor is made with, as any actor is.
 */
export function machineStepper<Snapshot, Event, Emitted>(
  machine: MachineLogic<Snapshot, Event>,
  input: unknown,
): MachineStepper<Snapshot, Event, Emitted> {
  const self = createActor(machine as never, { input } as never);
  let sink: Emitted[] = [];
  const ignore = () => {};
  const scope = {
    self,
    defer: ignore,
    id: '',
    logger: ignore,
    sessionId: '',
    stopChild: ignore,
    system: self.system,
    emit: ignore,
    actionExecutor: (action: { readonly type: string; readonly params?: unknown }) => {
      if (action.type === 'xstate.emit') sink.push((action.params as { event: Emitted }).event);
    },
  } as never;
  const run = (make: () => Snapshot): readonly [Snapshot, Emitted[]] => {
    sink = [];
    const snapshot = make();
    const emitted = sink;
    sink = [];
    return [snapshot, emitted];
  };
  return {
    initial: (start) => run(() => machine.getInitialSnapshot(scope, start as never)),
    step: (snapshot, event) => run(() => machine.transition(snapshot, event, scope)),
  };
}
