/**
 * Reference scorecards: attempts on the fixture scenarios (which never change), played through every
 * kind of judgement the log records (a call answered after ringing, replies read, promises typed and
 * tracked, a handoff note read, a tier's answer, a promise broken by the clock), kept in
 * test/fixtures/scorecards/ per version of the rules. A scorecard made with this build must verify in
 * the next build unless a version moved; one made with an earlier engine this build still plays (and
 * its analyser and rubric) must verify too; any other must say it cannot be re-checked.
 */
import { readFileSync } from 'node:fs';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../src/core/engine/intents';
import { ENGINE_VERSION, ShiftSession } from '../../src/core/engine/session';
import { compileScenario } from '../../src/core/scenario/compileScenario';
import type { Scenario, Shift } from '../../src/core/scenario/types';
import { RUBRIC_VERSION } from '../../src/core/scoring/scoreAttempt';
import { createScorecard, SCORECARD_VERSION, type Scorecard } from '../../src/core/scoring/scorecard';

/** Where reference scorecards are kept. */
export const REFERENCE_DIR = 'test/fixtures/scorecards';

/** The fixture scenarios the references are played on, compiled with the default pack. */
export function referenceScenarios(): Scenario[] {
  return ['every-field', 'minimal'].map((id) => {
    const file = `test/fixtures/good/${id}.yaml`;
    const compiled = compileScenario(readFileSync(file, 'utf8'), { file });
    if (!compiled.ok) throw new Error(`${file} does not compile`);
    return compiled.value.scenario;
  });
}

/**
 * The file name of a reference scorecard made with this build's rules. The format is named from
 * version 4 on (before, each format came with its own engine, so the engine named it).
 */
export function referenceName(attempt: string): string {
  const format = SCORECARD_VERSION >= 4 ? `.format-${SCORECARD_VERSION}` : '';
  return `${attempt}.engine-${ENGINE_VERSION}.${lexiconAnalyser.id}-${lexiconAnalyser.version}.rubric-${RUBRIC_VERSION}${format}.json`;
}

const SHIFT: Shift = {
  id: 'reference',
  title: { en: 'Reference', es: 'Referencia' },
  lengthMs: null,
  speed: 1,
  jitterMs: 0,
  arrivals: [
    { scenario: 'every-field', atMs: 0 },
    { scenario: 'minimal', atMs: 120_000 },
  ],
};

type Step =
  | { readonly wait: number }
  | { readonly type: Intent['type']; readonly contact: string; readonly [field: string]: unknown };

const STEPS: readonly Step[] = [
  { wait: 20_000 },
  { type: 'answer', contact: 'c1' },
  {
    type: 'reply',
    contact: 'c1',
    text: "Good morning, Rosa. I'm so sorry it broke; let me look into it right away.",
    choice: null,
    language: 'en',
  },
  { type: 'lookup', contact: 'c1' },
  { type: 'ask', contact: 'c1', fact: 'photo' },
  { type: 'offer', contact: 'c1', kind: 'refund', amount: 100 },
  {
    type: 'reply',
    contact: 'c1',
    text: "I'll call you back by 3 pm with the refund.",
    choice: null,
    language: 'en',
  },
  { type: 'promise', contact: 'c1', what: 'callback', dueAt: 600_000, text: null },
  { type: 'escalate', contact: 'c1', tier: 2, note: 'Order #1001, cracked lid, photo sent.' },
  { type: 'hold', contact: 'c1' },
  { wait: 120_000 },
  { type: 'unhold', contact: 'c1' },
  { type: 'reply', contact: 'c1', text: 'Calm down, that is just the policy.', choice: null, language: 'en' },
  { wait: 60_000 },
  { type: 'end', contact: 'c1' },
  {
    type: 'reply',
    contact: 'c2',
    text: 'Hola Ana, lo siento mucho. Se lo resuelvo ahora mismo.',
    choice: null,
    language: 'es',
  },
  { type: 'escalate', contact: 'c2', tier: 2, note: 'Ana Pérez: her order needs a look.' },
  { wait: 1_900_000 },
  { type: 'reply', contact: 'c2', text: 'ok', choice: null, language: 'es' },
  { type: 'resolve', contact: 'c2' },
  { wait: 900_000 },
];

/** Plays the reference shift and returns its scorecard. */
export function playReference(): Scorecard {
  const scenarios = referenceScenarios();
  const session = new ShiftSession({ scenarios, shift: SHIFT, seed: 'reference', analyser: lexiconAnalyser });
  for (const step of STEPS) {
    if (typeof step.wait === 'number') session.send({ type: 'clock.tick', ms: step.wait });
    else session.send({ type: 'trainee.intent', intent: { at: session.now, ...step } as Intent });
  }
  return createScorecard(session.transcript, scenarios, {
    trainee: { name: 'Reference', id: 'reference' },
    attemptId: 'reference',
    language: 'en',
    finishedAt: '2026-12-05T09:00:00.000Z',
  });
}
