/**
 * `npm run bench`: engine performance, each figure against raw XState doing the same number of
 * transitions in the same run (a bare machine stepped with the same pure `transition()` API), so the
 * ratios hold on any machine. Prints a table and writes test-results/bench-engine.json.
 *
 * - persona: events per second through a real persona (the whole starter pack, scripted replies,
 *   actions and clock ticks);
 * - shift: a one-hour shift with 20 contacts arriving on four channels, a scripted trainee working
 *   them, the clock ticking every 10 game seconds;
 * - replay: replaying that shift's transcript and checking every event.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { assign, emit, initialTransition, setup, transition } from 'xstate';
import type { Scenario } from '../../src/core';
import { lexiconAnalyser } from '../../src/core/analysis/analyseReply';
import type { Intent } from '../../src/core/engine/intents';
import { createPersonaMachine } from '../../src/core/engine/personaMachine';
import type { PersonaEvent } from '../../src/core/engine/personaSteps';
import { replayTranscript, ShiftSession } from '../../src/core/engine/session';
import type { Shift } from '../../src/core/engine/shift';
import { loadStarterPack } from '../support/starterPack';

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

function rawTransitions(count: number): number {
  const started = performance.now();
  let [snapshot] = initialTransition(raw);
  for (let i = 0; i < count; i += 1) [snapshot] = transition(raw, snapshot, { type: 'next' });
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
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
      events.push({
        type: 'trainee.reply',
        at,
        text,
        choice: choices[i % Math.max(1, choices.length)] ?? null,
        analysis: lexiconAnalyser(text, {
          language: 'en',
          customerName: scenario.persona.name,
          previous: [],
        }),
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

function benchPersona(): { engineMs: number; rawMs: number; events: number } {
  const machines = scenarios.map((s) => ({ machine: createPersonaMachine(s), events: personaWorkload(s) }));
  let events = 0;
  const started = performance.now();
  for (let round = 0; round < 20; round += 1) {
    for (const { machine, events: workload } of machines) {
      let [snapshot] = initialTransition(machine, { at: 0 });
      for (const event of workload) {
        // A finished persona ignores events; start again so every event does real work.
        if (snapshot.status !== 'active') [snapshot] = initialTransition(machine, { at: event.at });
        [snapshot] = transition(machine, snapshot, event);
        events += 1;
      }
    }
  }
  const engineMs = performance.now() - started;
  return { engineMs, rawMs: rawTransitions(events), events };
}

/** A one-hour shift: 20 customers from the starter pack over 55 minutes, on every channel. */
function hourShift(): Shift {
  return {
    id: 'bench-hour',
    title: { en: 'Bench hour', es: 'Hora de prueba' },
    lengthMs: 60 * 60_000,
    speed: 1,
    jitterMs: 0,
    arrivals: Array.from({ length: 20 }, (_, i) => ({
      scenario: scenarios[i % scenarios.length]?.id ?? '',
      atMs: i * 165_000,
    })),
  };
}

/**
 * Plays the hour: the clock ticks every 10 game seconds; every game minute the trainee takes a turn
 * on each contact they can work (only the caller while a call is live): a warm reply, a look-up, a
 * reply with a promise in it, resolve, and after five turns they end the contact to take the next.
 */
function playHour(): ShiftSession {
  const session = new ShiftSession({ scenarios, shift: hourShift(), seed: 42 });
  const replies = [
    "Good morning, I'm sorry to hear that. Let me look into it.",
    'I will call you back within the hour.',
  ];
  const turns = new Map<string, number>();
  let step = 0;
  while (!session.isOver && session.now < 60 * 60_000) {
    session.send({ type: 'clock.tick', ms: 10_000 });
    step += 1;
    if (step % 6 !== 0) continue;
    const open = session.context.contacts.filter((c) => c.status === 'open');
    const call = open.find((c) => c.channel === 'phone');
    for (const contact of call ? [call] : open) {
      const turn = turns.get(contact.id) ?? 0;
      turns.set(contact.id, turn + 1);
      const base = { at: session.now, contact: contact.id };
      const intent: Intent =
        turn >= 5
          ? { type: 'end', ...base }
          : turn % 4 === 0
            ? { type: 'reply', ...base, text: replies[0] ?? '', choice: null, language: 'en' }
            : turn % 4 === 1
              ? { type: 'lookup', ...base }
              : turn % 4 === 2
                ? { type: 'reply', ...base, text: replies[1] ?? '', choice: null, language: 'en' }
                : { type: 'resolve', ...base };
      session.send({ type: 'trainee.intent', intent });
    }
  }
  return session;
}

/** The transitions a session made: one per input to the shift machine, one per event a persona handled. */
function transitionsIn(session: ShiftSession): number {
  return session.inputs.length + session.context.personaSteps;
}

const results: Record<string, { engineMs: number; rawMs: number; ratio: number; detail: string }> = {};

for (let i = 0; i < 3; i += 1) playHour(); // warm up the JIT before timing
const hours = Array.from({ length: RUNS }, () => {
  const started = performance.now();
  const session = playHour();
  const engineMs = performance.now() - started;
  return { engineMs, session, rawMs: rawTransitions(transitionsIn(session)) };
});
const hourMs = median(hours.map((h) => h.engineMs));
const hourRaw = median(hours.map((h) => h.rawMs));
const sample = hours[0]?.session;
results.shift = {
  engineMs: hourMs,
  rawMs: hourRaw,
  ratio: hourMs / hourRaw,
  detail: sample
    ? `${sample.context.contacts.length} contacts, ${sample.inputs.length} inputs, ${sample.context.personaSteps} persona steps, ${sample.events.length} events, ${sample.context.contacts.filter((c) => c.status === 'ended').length} ended`
    : '',
};

const transcript = sample?.transcript;
if (transcript) {
  const replays = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    const result = replayTranscript(transcript, scenarios);
    if (!result.ok) throw new Error(`replay diverged: ${result.reason}`);
    return performance.now() - started;
  });
  const replayMs = median(replays);
  const replayRaw = median(hours.map((h) => h.rawMs));
  results.replay = {
    engineMs: replayMs,
    rawMs: replayRaw,
    ratio: replayMs / replayRaw,
    detail: `${transcript.entries.length} transcript entries checked`,
  };
}

const persona = Array.from({ length: RUNS }, benchPersona);
const personaMs = median(persona.map((p) => p.engineMs));
const personaRaw = median(persona.map((p) => p.rawMs));
const personaEvents = persona[0]?.events ?? 0;
results.persona = {
  engineMs: personaMs,
  rawMs: personaRaw,
  ratio: personaMs / personaRaw,
  detail: `${personaEvents} events, ${Math.round((personaEvents / personaMs) * 1000).toLocaleString('en')} events/s`,
};

console.log(`Engine benchmark, median of ${RUNS} runs (Node ${process.version})`);
console.log(
  'what'.padEnd(9),
  'engine ms'.padStart(10),
  'raw XState ms'.padStart(14),
  'ratio'.padStart(7),
  '  detail',
);
for (const [name, r] of Object.entries(results)) {
  console.log(
    name.padEnd(9),
    r.engineMs.toFixed(2).padStart(10),
    r.rawMs.toFixed(2).padStart(14),
    `${r.ratio.toFixed(2)}x`.padStart(7),
    ` ${r.detail}`,
  );
}
console.log('targets: one-hour shift under 50 ms; engine overhead over raw XState under 3x');
mkdirSync('test-results', { recursive: true });
writeFileSync(
  'test-results/bench-engine.json',
  `${JSON.stringify({ node: process.version, runs: RUNS, results }, null, 2)}\n`,
);
