/** Walking a persona's paths finds the reachable endings, and the pack check warns about one-sided scenarios. */
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../../src/core';
import { exploreScenario, playOutcome } from '../../../src/core/engine/exploreScenario';
import { loadStarterPack } from '../../support/starterPack';
import { tinyScenario } from '../../support/tinyScenario';

const HEADER = (id: string) => `id: ${id}
version: 1
title: { en: T, es: T }
level: 1
channel: chat
persona: { name: Ana }
expected:
  why: { en: T, es: T }
beats:
`;

describe('exploreScenario', () => {
  it('finds every ending of a small script and the shortest way to each', () => {
    const result = exploreScenario(tinyScenario({ id: 'tiny' }));
    expect(result.winnable && result.losable).toBe(true);
    expect(result.endings.satisfied).toEqual(['resolve']);
    expect(result.endings.upset).toEqual(['reply (dismissive)']);
    expect(result.endings.abandoned).toEqual(['wait until 41m']);
    expect(result.unreachableBeats).toEqual([]);
  });

  it('sees that a mood-guarded ending needs warm replies first', () => {
    const result = exploreScenario(
      tinyScenario({
        id: 'moody',
        beats: `  - id: start
    on:
      - mood_above: 0.3
        go: done
      - did: end
        go: angry
  - id: angry
    ending: upset
  - id: done
    ending: satisfied
`,
      }),
    );
    expect(result.endings.satisfied?.length).toBeGreaterThan(1);
    expect(result.endings.satisfied?.every((step) => step.startsWith('reply'))).toBe(true);
  });

  it('the quick check the pack uses agrees with the full walk', () => {
    const cases = [...loadStarterPack().scenarios, tinyScenario({ id: 'tiny' })];
    for (const scenario of cases) {
      const full = exploreScenario(scenario);
      const quick = playOutcome(scenario);
      expect({ id: scenario.id, winnable: quick.winnable, losable: quick.losable }).toEqual({
        id: scenario.id,
        winnable: full.winnable,
        losable: full.losable,
      });
    }
  });

  it('finds every shipped scenario winnable and losable', () => {
    for (const scenario of loadStarterPack().scenarios) {
      const result = exploreScenario(scenario);
      expect({
        id: scenario.id,
        winnable: result.winnable,
        losable: result.losable,
        truncated: result.truncated,
      }).toEqual({
        id: scenario.id,
        winnable: true,
        losable: true,
        truncated: false,
      });
    }
  });
});

describe('check warnings from play', () => {
  it('warns that a scenario with no way to win is unwinnable, at its id', () => {
    const text = `${HEADER('no-win')}  - id: start
    on:
      - did: resolve
        go: lost
  - id: lost
    ending: upset
  - id: won
    ending: satisfied
`;
    const check = checkPack({ pack: null, scenarios: [{ file: 'no-win.yaml', text }] });
    expect(check.problems.map((p) => `${p.code} ${p.line}:${p.col}`)).toEqual(
      expect.arrayContaining(['unwinnable 1:5', 'unreachable-beat 16:9']),
    );
  });

  it('warns that a scenario nobody can fail is unlosable', () => {
    const text = `${HEADER('no-loss')}  - id: start
    on:
      - did: resolve
        go: won
  - id: won
    ending: satisfied
  - id: lost
    ending: upset
`;
    const check = checkPack({ pack: null, scenarios: [{ file: 'no-loss.yaml', text }] });
    // Silence still loses: the persona walks out when patience runs out.
    expect(check.problems.map((p) => p.code)).not.toContain('unlosable');
    const patient = text
      .replace('persona: { name: Ana }', 'persona: { name: Ana, traits: { patience: 1 } }')
      .replace(
        '      - did: resolve\n        go: won\n',
        '      - did: resolve\n        go: won\n      - waited: 1m\n        go: won\n',
      );
    const second = checkPack({ pack: null, scenarios: [{ file: 'no-loss.yaml', text: patient }] });
    expect(second.problems.map((p) => `${p.code} ${p.line}:${p.col}`)).toContain('unlosable 1:5');
  });
});
