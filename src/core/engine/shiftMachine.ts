/**
 * The shift machine: owns the game clock, the queue, the channels, the promises and the handoffs of
 * one shift, and holds each contact's persona. Time only moves when a `clock.tick` arrives (the game
 * sends real elapsed milliseconds; tests and replays send exactly what was recorded), so a run is a
 * pure function of its inputs. The reasoning lives in `shiftSteps`.
 */
import { enqueueActions, setup } from 'xstate';
import { applyStep } from './applyStep';
import type { Intent } from './intents';
import {
  advanceClock,
  handleIntent,
  initialShiftContext,
  type ShiftContext,
  type ShiftEmitted,
  type ShiftWorld,
  startShift,
} from './shiftSteps';

/** What drives a shift: the clock and the trainee. */
export type ShiftInput =
  | { readonly type: 'clock.tick'; readonly ms: number }
  | { readonly type: 'clock.pause' }
  | { readonly type: 'clock.resume' }
  | { readonly type: 'clock.speed'; readonly speed: number }
  | { readonly type: 'trainee.intent'; readonly intent: Intent };

/**
 * Builds the shift machine for one world. Started with a PRNG state (`rngState`), it runs until the
 * shift is over, then stops in its final state.
 */
export function createShiftMachine(world: ShiftWorld) {
  return setup({
    types: {
      context: {} as ShiftContext,
      events: {} as ShiftInput,
      emitted: {} as ShiftEmitted,
      input: {} as { rngState: number },
    },
    guards: {
      isOver: ({ context }) => context.over,
    },
    actions: {
      start: enqueueActions(({ context, enqueue }) => applyStep(startShift(context, world), enqueue)),
      tick: enqueueActions(({ context, event, enqueue }) => {
        if (event.type === 'clock.tick') applyStep(advanceClock(context, world, event.ms), enqueue);
      }),
      handle: enqueueActions(({ context, event, enqueue }) => {
        if (event.type === 'trainee.intent') applyStep(handleIntent(context, world, event.intent), enqueue);
      }),
      pause: enqueueActions(({ context, enqueue }) =>
        applyStep({ context: { ...context, paused: true }, emitted: [] }, enqueue),
      ),
      resume: enqueueActions(({ context, enqueue }) =>
        applyStep({ context: { ...context, paused: false }, emitted: [] }, enqueue),
      ),
      setSpeed: enqueueActions(({ context, event, enqueue }) => {
        if (event.type === 'clock.speed')
          applyStep({ context: { ...context, speed: event.speed }, emitted: [] }, enqueue);
      }),
    },
  }).createMachine({
    id: 'shift',
    context: ({ input }) => initialShiftContext(world, input.rngState),
    initial: 'running',
    states: {
      running: {
        entry: 'start',
        on: {
          'clock.tick': { actions: 'tick' },
          'trainee.intent': { actions: 'handle' },
          'clock.pause': { actions: 'pause' },
          'clock.resume': { actions: 'resume' },
          'clock.speed': { actions: 'setSpeed' },
        },
        always: { guard: 'isOver', target: 'over' },
      },
      over: { type: 'final' },
    },
  });
}

/** The machine {@link createShiftMachine} builds. */
export type ShiftMachine = ReturnType<typeof createShiftMachine>;
