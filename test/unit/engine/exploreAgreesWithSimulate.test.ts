/**
 * The explorer's answers are only worth what the engine does with them: for every shipped and fixture
 * scenario, each route the explorer claims to an ending is played through a real session (the engine
 * `simulate` runs), and must end there. The analyser is the only stand-in: it reads each reply the way
 * the route assumed, since the explorer models the engine, not the reading of words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPack, type Scenario } from '../../../src/core';
import type { Analyser, ReplyAnalysis } from '../../../src/core/engine/analyser';
import { exploreScenario, playOutcome, type RouteStep } from '../../../src/core/engine/exploreScenario';
import type { Intent } from '../../../src/core/engine/intents';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { ShiftSession } from '../../../src/core/engine/session';
import { filesUnder, loadStarterPack, scenarioFiles } from '../../support/starterPack';

/** The fixture packs the suite runs, each compiled with its own `pack.yaml` when it has one. */
function fixtureScenarios(dir: string, pack: string | null): Scenario[] {
  const read = (file: string) => ({ file, text: readFileSync(file, 'utf8') });
  const files = filesUnder(
    dir,
    (p) => p.endsWith('.yaml') && !p.endsWith('.playthrough.yaml') && !p.endsWith('pack.yaml'),
  );
  return [
    ...checkPack({ pack: pack ? read(pack) : null, scenarios: files.map(read), explore: false }).scenarios,
  ];
}

/** An analyser that reads each reply as the route assumed it would be read. */
function routeAnalyser(route: readonly RouteStep[]): Analyser {
  const readings = new Map<string, ReplyAnalysis>();
  for (const step of route) if (step.kind === 'reply') readings.set(step.text, step.analysis);
  const plain: ReplyAnalysis = {
    tone: 0,
    toneSpans: [],
    families: [],
    effects: [],
    promises: [],
    nonsense: null,
  };
  return {
    id: 'route',
    version: '1',
    reply: (text) => readings.get(text) ?? plain,
    note: () => [],
  };
}

/** Plays a route through a session and returns how the contact ended (null: it had not ended). */
function playRoute(scenario: Scenario, route: readonly RouteStep[]): string | null {
  const session = new ShiftSession({
    scenarios: [scenario],
    shift: practiceShift(scenario),
    seed: 1,
    analyser: routeAnalyser(route),
  });
  for (const step of route) {
    const at = session.now;
    const base = { at, contact: 'c1' };
    let intent: Intent;
    if (step.kind === 'wait') {
      if (step.until > at) session.send({ type: 'clock.advance', ms: step.until - at });
      continue;
    }
    if (step.kind === 'reply') {
      intent = { type: 'reply', ...base, text: step.text, choice: step.choice, language: step.language };
    } else {
      switch (step.action) {
        case 'ask':
          intent = { type: 'ask', ...base, fact: step.fact ?? '' };
          break;
        case 'offer':
          intent = {
            type: 'offer',
            ...base,
            kind: step.offer?.kind ?? 'refund',
            amount: step.offer?.amount ?? null,
          };
          break;
        case 'escalate':
          intent = { type: 'escalate', ...base, tier: step.tier ?? 2, note: '' };
          break;
        case 'promise':
          intent = {
            type: 'promise',
            ...base,
            what: 'callback',
            dueAt: step.dueAt ?? at + 600_000,
            text: null,
          };
          break;
        case 'fulfil': {
          const open = session.context.promises.find((p) => p.status === 'open');
          intent = { type: 'fulfil', ...base, promise: open?.id ?? 'p1' };
          break;
        }
        case 'follow_up':
          intent = { type: 'follow_up', ...base, dueAt: at + 600_000 };
          break;
        default:
          intent = { type: step.action, ...base } as Intent;
      }
    }
    const out = session.send({ type: 'trainee.intent', intent });
    const refused = out.find((e) => e.type === 'intent.refused');
    if (refused)
      throw new Error(`${scenario.id}: the desk refused ${JSON.stringify(step)}: ${refused.reason}`);
  }
  return session.context.contacts.find((c) => c.id === 'c1')?.ending ?? null;
}

const shipped = loadStarterPack().scenarios;
const cases = [
  ...shipped,
  ...fixtureScenarios('test/fixtures/good', null),
  ...fixtureScenarios('test/fixtures/five-tier', 'test/fixtures/five-tier/pack.yaml'),
  ...fixtureScenarios('test/fixtures/feelings', null),
];

describe('the explorer agrees with the engine', () => {
  it('has every shipped scenario to compare', () => {
    expect(cases.length).toBeGreaterThanOrEqual(scenarioFiles().length);
  });

  it.each(cases.map((s) => [s.id, s] as const))(
    'every claimed route of %s ends where it says',
    (_, scenario) => {
      const explored = exploreScenario(scenario);
      const played = Object.entries(explored.routes).map(([ending, route]) => ({
        ending,
        claimed: ending,
        played: playRoute(scenario, route ?? []),
      }));
      expect(played.map((p) => `${p.ending}: ${p.played}`)).toEqual(
        played.map((p) => `${p.ending}: ${p.claimed}`),
      );
      // The quick check the pack runs on every build gives the same answer as the full walk.
      const quick = playOutcome(scenario);
      expect({ winnable: quick.winnable, losable: quick.losable }).toEqual({
        winnable: explored.winnable,
        losable: explored.losable,
      });
      // Every shipped scenario can be won and lost, and its walk finished.
      if (shipped.includes(scenario)) {
        expect({
          winnable: explored.winnable,
          losable: explored.losable,
          truncated: explored.truncated,
        }).toEqual({
          winnable: true,
          losable: true,
          truncated: false,
        });
      }
    },
    120_000,
  );
});
