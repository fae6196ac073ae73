/**
 * `npm run bench`: engine performance, each figure against raw XState doing the same number of
 * transitions in the same run, so the ratios hold on any machine: a bare machine stepped with xstate's
 * pure `transition()` (the baseline the targets were set against), and, in the detail, the same bare
 * machine stepped the way the engine steps its own (one inert actor scope; `transition()` builds an
 * actor per call), which shows what the engine adds beyond XState itself. Raw cost is measured per
 * transition over 20,000 of them. Prints a table and writes test-results/bench-engine.json.
 *
 * - persona: events per second through a real persona (the whole starter pack, scripted replies,
 *   actions and clock ticks);
 * - shift: a one-hour shift with 20 contacts arriving on four channels, a scripted trainee working
 *   them, the clock ticking every 10 game seconds;
 * - replay: replaying that shift's transcript and checking every event.
 */
import { assign, emit, initialTransition, setup, transition } from 'xstate';
import type { Scenario } from '../../src/core';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import { machineStepper } from '../../src/core/engine/machineStepper';
import { personaOf } from '../../src/core/engine/personaMachine';
import type { PersonaEvent } from '../../src/core/engine/personaSteps';
import { replayTranscript } from '../../src/core/engine/replayTranscript';
import { replyKinds } from '../../src/core/engine/replyKinds';
import { loadStarterPack } from '../support/starterPack';
import { playHour } from './hourShift';
import { type BenchRow, median, printTable, row, saveResults } from './report';

const RUNS = 7;
const { scenarios } = loadStarterPack();

/** A bare machine: a ring of states, an assign and an emit per step, like a persona's minimum. */
const raw = setup({
  types: {
    context: {} as { n: number },
    events: {} as { type: 'next' },
    emitted: {} as { type: 'moved'; n: number },
  },
  actions: {
    count: assign({ n: ({ context }) => context.n + 1 }),
    tell: emit(({ context }) => ({ type: 'moved' as const, n: context.n })),
  },
}).createMachine({
  context: { n: 0 },
  initial: 's0',
  states: Object.fromEntries(
    Array.from({ length: 8 }, (_, i) => [
      `s${i}`,
      { on: { next: { target: `s${(i + 1) % 8}`, actions: ['count', 'tell'] } } },
    ]),
  ),
});

const rawStepper = machineStepper<ReturnType<typeof raw.transition>, { type: 'next' }, unknown, undefined>(
  raw,
);

/** Milliseconds for raw XState to make `count` transitions, stepped as the engine steps. */
function rawTransitions(count: number): number {
  const started = performance.now();
  let [snapshot] = rawStepper.initial(undefined);
  for (let i = 0; i < count; i += 1) [snapshot] = rawStepper.step(snapshot, { type: 'next' });
  return performance.now() - started;
}

/** The same with xstate's `transition()`, which builds a new actor for every call. */
function rawPureTransitions(count: number): number {
  const started = performance.now();
  let [snapshot] = initialTransition(raw);
  for (let i = 0; i < count; i += 1) [snapshot] = transition(raw, snapshot, { type: 'next' });
  return performance.now() - started;
}

const SAMPLE = 20_000;

/**
 * What one raw transition costs, stepped as the engine steps and with `transition()`: the median over
 * RUNS runs of SAMPLE transitions each, after warming up. Measured on many transitions, so the
 * baseline of a figure made of a few hundred is not at the mercy of one garbage collection.
 */
const perTransition = (() => {
  rawTransitions(SAMPLE);
  rawPureTransitions(SAMPLE);
  return {
    stepped: median(Array.from({ length: RUNS }, () => rawTransitions(SAMPLE))) / SAMPLE,
    pure: median(Array.from({ length: RUNS }, () => rawPureTransitions(SAMPLE))) / SAMPLE,
  };
})();

/** Both baselines for `count` transitions. */
function baselines(count: number): { stepped: number; pure: number } {
  return { stepped: perTransition.stepped * count, pure: perTransition.pure * count };
}

/** Events a trainee and the clock would send a persona, cycling through its script's choices. */
function personaWorkload(scenario: Scenario): PersonaEvent[] {
  const events: PersonaEvent[] = [];
  const choices = scenario.beats.flatMap((b) => b.choices.map((c) => c.id));
  const replies = [
    "Hello, I'm sorry about this. Let me check now.",
    'Thank you, I understand.',
    'That is the policy.',
  ];
  for (let i = 0; i < 60; i += 1) {
    const at = i * 20_000;
    if (i % 3 === 0) {
      const text = replies[i % replies.length] ?? '';
      const analysis = lexiconAnalyser.reply(text, {
        language: 'en',
        customerName: scenario.persona.name,
        previous: [],
      });
      events.push({
        type: 'trainee.reply',
        at,
        text,
        language: 'en',
        choice: choices[i % Math.max(1, choices.length)] ?? null,
        analysis,
        kinds: replyKinds(scenario, { text, language: 'en', analysis, previous: [] }),
      });
    } else if (i % 3 === 1) {
      events.push({
        type: 'trainee.act',
        at,
        action: i % 2 ? 'lookup' : 'ask',
        fact: scenario.facts[0]?.id ?? null,
        offer: null,
        tier: null,
      });
    } else {
      events.push({ type: 'clock.tick', at, expecting: false });
    }
  }
  return events;
}

function benchPersona(): { engineMs: number; events: number } {
  const personas = scenarios.map((s) => ({ stepper: personaOf(s).stepper, events: personaWorkload(s) }));
  let events = 0;
  const started = performance.now();
  for (let round = 0; round < 20; round += 1) {
    for (const { stepper, events: workload } of personas) {
      let [snapshot] = stepper.initial({ at: 0 });
      for (const event of workload) {
        // A finished persona ignores events; start again so every event does real work.
        if (snapshot.status !== 'active') [snapshot] = stepper.initial({ at: event.at });
        [snapshot] = stepper.step(snapshot, event);
        events += 1;
      }
    }
  }
  return { engineMs: performance.now() - started, events };
}

/** A row against raw `transition()`, saying what the figure is against raw XState stepped as the engine steps too. */
function againstRaw(ms: number, count: number, detail: string): BenchRow {
  const { stepped, pure } = baselines(count);
  return row(
    ms,
    pure,
    `${detail}; ${(ms / stepped).toFixed(2)}x raw XState stepped as the engine steps (${stepped.toFixed(1)} ms)`,
  );
}

const results: Record<string, BenchRow> = {};

for (let i = 0; i < 3; i += 1) playHour(scenarios); // warm up the JIT before timing
const hours = Array.from({ length: RUNS }, () => {
  const started = performance.now();
  const { session, sent } = playHour(scenarios);
  return { engineMs: performance.now() - started, session, sent };
});
const hourMs = median(hours.map((h) => h.engineMs));
const sample = hours[0]?.session;
if (!sample) throw new Error('no hour was played');
results.shift = againstRaw(
  hourMs,
  (hours[0]?.sent ?? 0) + sample.context.personaSteps,
  `${sample.context.contacts.length} contacts, ${hours[0]?.sent ?? 0} inputs sent (${sample.inputs.length} recorded), ${sample.context.personaSteps} persona steps, ${sample.events.length} events, ${sample.context.contacts.filter((c) => c.status === 'ended').length} ended`,
);

const transcript = sample.transcript;
const replays = Array.from({ length: RUNS }, () => {
  const started = performance.now();
  const result = replayTranscript(transcript, scenarios, lexiconAnalyser);
  if (!result.ok) throw new Error(`replay diverged: ${result.problems[0]?.message}`);
  return performance.now() - started;
});
results.replay = againstRaw(
  median(replays),
  transcript.entries.filter((e) => e.kind === 'input').length + sample.context.personaSteps,
  `${transcript.entries.length} transcript entries checked`,
);

benchPersona(); // warm up the JIT before timing
const persona = Array.from({ length: RUNS }, benchPersona);
const personaMs = median(persona.map((p) => p.engineMs));
const personaEvents = persona[0]?.events ?? 0;
results.persona = againstRaw(
  personaMs,
  personaEvents,
  `${personaEvents} events, ${Math.round((personaEvents / personaMs) * 1000).toLocaleString('en')} events/s`,
);

printTable(
  `Engine benchmark, median of ${RUNS} runs (Node ${process.version})`,
  { ms: 'engine ms', baseline: 'raw XState ms' },
  results,
);
console.log('targets: the hour under 50 ms and at most 2x raw XState; its replay at most 2x');
saveResults('bench-engine', RUNS, results);
