/**
 * The longest shipped shift played to its end, two ways: the shift's own playthrough (then left to
 * run out), and a busy trainee who works every open contact every game minute (replies, look-ups,
 * promises, an escalation, resolutions), which makes the largest save the shift gives. The resume
 * data tests measure both.
 */

import { readFileSync } from 'node:fs';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../../src/core/engine/intents';
import { ShiftSession } from '../../../src/core/engine/session';
import type { Shift } from '../../../src/core/scenario/types';
import { createScorecard, type Scorecard } from '../../../src/core/scoring/scorecard';
import { loadStarterPack, playFile, playthroughFiles } from '../../support/starterPack';

/** The shipped shift with the most game time (then the most customers). */
export function longestShift(): Shift {
  const [longest] = [...loadStarterPack().shifts].sort(
    (a, b) => (b.lengthMs ?? 0) - (a.lengthMs ?? 0) || b.arrivals.length - a.arrivals.length,
  );
  if (!longest) throw new Error('The starter pack has no shift.');
  return longest;
}

/** Lets the clock run until the shift is over. */
function runOut(session: ShiftSession): void {
  for (let i = 0; i < 100_000 && !session.isOver; i++) session.send({ type: 'clock.tick', ms: 1000 });
  if (!session.isOver) throw new Error('The shift never ended.');
}

/** The longest shift's shipped playthrough, then the clock left to run to the shift's end. */
export function playedToEnd(): ShiftSession {
  const shift = longestShift();
  const file = playthroughFiles().find((f) => readFileSync(f, 'utf8').includes(`\nshift: ${shift.id}\n`));
  if (!file) throw new Error(`No playthrough plays the shift ${shift.id}.`);
  const run = playFile(file);
  runOut(run.session);
  return run.session;
}

const REPLIES = [
  "Good morning, I'm so sorry to hear about this. Let me look into it for you right away.",
  'Thank you for your patience. I will call you back within the hour with an answer.',
  'I understand how frustrating this is, and I will email you the details by 11 am today.',
];

/**
 * The longest shift worked by a busy trainee until it ends: every game minute, each contact they can
 * work (only the caller while a call is live) gets a turn: a reply, a look-up, a promise from the
 * tracker, a reply with a promise in its words, an escalation to tier 2 with a note, a resolution,
 * and after seven turns the contact is ended.
 */
export function busiestPlay(): ShiftSession {
  const pack = loadStarterPack();
  const session = new ShiftSession({
    scenarios: pack.scenarios,
    shift: longestShift(),
    seed: 7,
    analyser: lexiconAnalyser,
  });
  const turns = new Map<string, number>();
  for (let step = 1; step < 100_000 && !session.isOver; step++) {
    session.send({ type: 'clock.tick', ms: 1000 });
    if (step % 2 !== 0) continue;
    const open = session.context.contacts.filter((c) => c.status === 'open' || c.status === 'ringing');
    const call = open.find((c) => c.channel === 'phone');
    for (const contact of call ? [call] : open) {
      const turn = turns.get(contact.id) ?? 0;
      turns.set(contact.id, turn + 1);
      const base = { at: session.now, contact: contact.id };
      const reply = (text: string): Intent => ({
        type: 'reply',
        ...base,
        text,
        choice: null,
        language: 'en',
      });
      const plan: Intent[] = [
        contact.status === 'ringing' ? { type: 'answer', ...base } : reply(REPLIES[0] ?? ''),
        { type: 'lookup', ...base },
        { type: 'promise', ...base, what: 'update', dueAt: session.now + 20 * 60_000, text: null },
        reply(REPLIES[1] ?? ''),
        reply(REPLIES[2] ?? ''),
        {
          type: 'escalate',
          ...base,
          tier: 2,
          note: 'Customer waiting on an answer; details are on the record.',
        },
        { type: 'resolve', ...base },
        { type: 'end', ...base },
      ];
      const intent = plan[Math.min(turn, plan.length - 1)];
      if (intent) session.send({ type: 'trainee.intent', intent });
    }
  }
  runOut(session);
  return session;
}

/** A played session's scorecard, as the game makes it at the end of an attempt. */
export function scorecardOf(session: ShiftSession): Scorecard {
  return createScorecard(session.transcript, loadStarterPack().scenarios, {
    trainee: { name: 'Ana Ruiz', id: 'trainee-1' },
    attemptId: 'attempt-1',
    language: 'en',
    finishedAt: '2026-12-05T10:00:00.000Z',
  });
}
