/**
 * The benchmarks' one-hour shift: 20 customers from the starter pack over 55 minutes, every channel,
 * worked by a scripted trainee. Shared by the engine and scoring benchmarks.
 */
import type { Scenario } from '../../src/core';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../src/core/engine/intents';
import { ShiftSession } from '../../src/core/engine/session';
import type { Shift } from '../../src/core/scenario/types';

/** A one-hour shift: 20 customers from the starter pack over 55 minutes, on every channel. */
export function hourShift(scenarios: readonly Scenario[]): Shift {
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
 * Returns the session and how many inputs were sent (ticks that caused nothing are recorded merged).
 */
export function playHour(scenarios: readonly Scenario[]): { session: ShiftSession; sent: number } {
  const session = new ShiftSession({
    scenarios,
    shift: hourShift(scenarios),
    seed: 42,
    analyser: lexiconAnalyser,
  });
  const replies = [
    "Good morning, I'm sorry to hear that. Let me look into it.",
    'I will call you back within the hour.',
  ];
  const turns = new Map<string, number>();
  let step = 0;
  let sent = 0;
  while (!session.isOver && session.now < 60 * 60_000) {
    session.send({ type: 'clock.tick', ms: 10_000 });
    sent += 1;
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
      sent += 1;
    }
  }
  return { session, sent };
}
