/**
 * The shift machine: owns the game clock, the queue, the channels, the promises and the handoffs of
 * one shift, and holds each contact's persona. Time only moves when the clock is told to: a
 * `clock.tick` carries real elapsed milliseconds (the game's frames), which pass at the conversation
 * pace while a customer in a chat or a call waits on the trainee and at the shift's speed otherwise; a
 * `clock.skip` jumps to the next thing that will happen when nobody is waiting; a `clock.advance`
 * moves game time exactly (playthroughs and tests). Tests and replays send exactly what was recorded,
 * so a run is a pure function of its inputs. The reasoning lives in `shiftSteps`.
 */
import { enqueueActions, setup } from 'xstate';
import { applyStep } from './applyStep';
import type { Intent } from './intents';
import {
  advanceClock,
  advanceGameTime,
  handleIntent,
  initialShiftContext,
  type ShiftContext,
  type ShiftEmitted,
  type ShiftWorld,
  skipAhead,
  startShift,
} from './shiftSteps';

/** What drives a shift: the clock and the trainee. */
export type ShiftInput =
  /** Real milliseconds have passed. */
  | { readonly type: 'clock.tick'; readonly ms: number }
  /** The trainee skips to the next event; nothing happens while a customer waits on them. */
  | { readonly type: 'clock.skip' }
  /** Exactly this many game milliseconds pass, whatever the pace (playthroughs and tests). */
  | { readonly type: 'clock.advance'; readonly ms: number }
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
      skip: enqueueActions(({ context, enqueue }) => applyStep(skipAhead(context, world), enqueue)),
      advance: enqueueActions(({ context, event, enqueue }) => {
        if (event.type === 'clock.advance') applyStep(advanceGameTime(context, world, event.ms), enqueue);
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
          'clock.skip': { actions: 'skip' },
          'clock.advance': { actions: 'advance' },
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
