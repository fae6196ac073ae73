/**
 * The game sends clock ticks as frames come (tiny and irregular); tests and the simulator send them
 * as they please. Personas wake at their own due times, so how the same span of game time is cut
 * into ticks must not change a single event.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { canonicalJson } from '../../../src/core/canonicalJson';
import type { Intent } from '../../../src/core/engine/intents';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { ShiftSession } from '../../../src/core/engine/session';
import { loadStarterPack } from '../../support/starterPack';

const { scenarios } = loadStarterPack();

type Plan = { gapMs: number; pieces: number[]; action: 'reply' | 'lookup' | 'promise' | 'none' }[];

function run(scenario: Scenario, plan: Plan, split: boolean): string {
  const session = new ShiftSession({
    scenarios: [scenario],
    shift: { ...practiceShift(scenario), speed: 1 },
    seed: 3,
    analyser: lexiconAnalyser,
  });
  for (const step of plan) {
    if (split) {
      const total = step.pieces.reduce((a, b) => a + b, 0);
      let sent = 0;
      for (const piece of step.pieces) {
        const ms = Math.floor((piece / total) * step.gapMs);
        sent += ms;
        if (ms > 0) session.send({ type: 'clock.tick', ms });
      }
      if (step.gapMs - sent > 0) session.send({ type: 'clock.tick', ms: step.gapMs - sent });
    } else {
      session.send({ type: 'clock.tick', ms: step.gapMs });
    }
    const base = { at: session.now, contact: 'c1' };
    const intent: Intent | null =
      step.action === 'reply'
        ? {
            type: 'reply',
            ...base,
            text: "I'm sorry, let me check that for you.",
            choice: null,
            language: 'en',
          }
        : step.action === 'lookup'
          ? { type: 'lookup', ...base }
          : step.action === 'promise'
            ? { type: 'promise', ...base, what: 'callback', dueAt: session.now + 10 * 60_000, text: null }
            : null;
    if (intent) session.send({ type: 'trainee.intent', intent });
  }
  return canonicalJson(session.events);
}

describe('clock ticks', () => {
  it('cutting the same game time into different ticks gives exactly the same events', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios.map((s) => s.id)),
        fc.array(
          fc.record({
            gapMs: fc.integer({ min: 1, max: 30 * 60_000 }),
            pieces: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
            action: fc.constantFrom('reply', 'lookup', 'promise', 'none'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (id, plan) => {
          const scenario = scenarios.find((s) => s.id === id) as Scenario;
          expect(run(scenario, plan, true)).toBe(run(scenario, plan, false));
        },
      ),
      { numRuns: 120 },
    );
  });
});
