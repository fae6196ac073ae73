/** Walking a persona's paths finds the reachable endings, and the pack check warns about one-sided scenarios. */
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../../src/core';
import { exploreScenario, playOutcome } from '../../../src/core/engine/exploreScenario';
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

  it('answers a call before the trainee’s first word or act, as the desk makes them, and lets it ring out', () => {
    const result = exploreScenario(tinyScenario({ id: 'tiny-call', channel: 'phone' }));
    expect(result.endings.satisfied).toEqual(['answer', 'resolve']);
    expect(result.endings.upset).toEqual(['answer', 'reply (dismissive)']);
    expect(result.endings.abandoned).toEqual(['wait until 41m']);
  });

  it('takes a script’s own `did: answer` as the answer', () => {
    const result = exploreScenario(
      tinyScenario({
        id: 'picked-up',
        channel: 'phone',
        beats: `  - id: start
    says: { en: Hello?, es: ¿Hola? }
    on:
      - did: answer
        go: done
  - id: done
    says: { en: Finally, es: Por fin }
    ending: satisfied
`,
      }),
    );
    expect(result.endings.satisfied).toEqual(['answer']);
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

  // Each shipped scenario's full walk is made once, in exploreAgreesWithSimulate.test.ts, which also
  // holds the quick check against it and requires every shipped scenario winnable and losable.
  it('the quick check the pack uses agrees with the full walk on a small script', () => {
    const scenario = tinyScenario({ id: 'tiny' });
    const full = exploreScenario(scenario);
    expect(playOutcome(scenario)).toMatchObject({ winnable: full.winnable, losable: full.losable });
  });
});

/** A scenario whose start goes, on `resolve`, to the ending `goes`; both endings are written out. */
function oneWay(id: string, goes: 'won' | 'lost'): string {
  return `${HEADER(id)}  - id: start
    on:
      - did: resolve
        go: ${goes}
  - id: ${goes}
    ending: ${goes === 'won' ? 'satisfied' : 'upset'}
  - id: ${goes === 'won' ? 'lost' : 'won'}
    ending: ${goes === 'won' ? 'upset' : 'satisfied'}
`;
}

/** The pack check's problems for one scenario file, as `code line:col`. */
function problemsOf(file: string, text: string): string[] {
  return checkPack({ pack: null, scenarios: [{ file, text }] }).problems.map(
    (p) => `${p.code} ${p.line}:${p.col}`,
  );
}

describe('check warnings from play', () => {
  it('warns that a scenario with no way to win is unwinnable, at its id', () => {
    expect(problemsOf('no-win.yaml', oneWay('no-win', 'lost'))).toEqual(
      expect.arrayContaining(['unwinnable 1:5', 'unreachable-beat 16:9']),
    );
  });

  it('warns that a scenario nobody can fail is unlosable', () => {
    const text = oneWay('no-loss', 'won');
    // Silence still loses: the persona walks out when patience runs out.
    expect(problemsOf('no-loss.yaml', text).some((p) => p.startsWith('unlosable'))).toBe(false);
    const patient = text
      .replace('persona: { name: Ana }', 'persona: { name: Ana, traits: { patience: 1 } }')
      .replace(
        '      - did: resolve\n        go: won\n',
        '      - did: resolve\n        go: won\n      - waited: 1m\n        go: won\n',
      );
    expect(problemsOf('no-loss.yaml', patient)).toContain('unlosable 1:5');
  });
});

describe('routes a trainee who types can take', () => {
  const script = (typed: string) => `${HEADER('typed')}  - id: start
    says: { en: Hi, es: Hola }
    choices:
      - id: fix
        text: { en: I have sent a reset link., es: Le he enviado un enlace. }
        go: done
    on:
${typed}      - waited: 5m
        go: gone
  - id: done
    ending: satisfied
  - id: gone
    ending: abandoned
`;

  it('warns when only an authored choice wins, and not once topic words open the same way', () => {
    const choiceOnly = script('');
    expect(problemsOf('typed.yaml', choiceOnly)).toContain('typing-cannot-win 1:5');
    const typed = script('      - mentions: { en: [reset link], es: [enlace*] }\n        go: done\n');
    expect(problemsOf('typed.yaml', typed).filter((p) => p.startsWith('typing'))).toEqual([]);
  });

  it('finds that a trainee who types can win, as one who picks choices can', () => {
    const typed = script('      - mentions: { en: [reset link], es: [enlace*] }\n        go: done\n');
    const scenario = checkPack({ pack: null, scenarios: [{ file: 'typed.yaml', text: typed }] }).scenarios[0];
    if (!scenario) throw new Error('did not compile');
    const result = exploreScenario(scenario);
    expect(result.winnableByTyping).toBe(true);
    expect(result.endings.satisfied).toEqual(['choice fix']);
    expect(playOutcome(scenario)).toEqual({
      winnable: true,
      losable: true,
      winnableByTyping: true,
      truncated: false,
    });
  });
});
