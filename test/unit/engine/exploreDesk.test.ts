/**
 * The explorer plays the desk's rules, not every event a script names: a tier's answer comes only after
 * an escalation, it is the answer the file (or the case's level) gives, and a customer gives up when
 * their patience runs out, not at a round number.
 */
import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../../../src/core/engine/exploreScenario';
import { fullPatienceMs, MINUTE_MS } from '../../../src/core/engine/personaLogic';
import { ENDINGS, tinyScenario } from '../../support/tinyScenario';

const handoffBeats = `  - id: start
    says: { en: Hello, es: Hola }
    on:
      - handoff: resolved
        go: done
      - handoff: returned
        go: angry
${ENDINGS}`;

describe('the explorer at the desk', () => {
  it('finds no good ending when every tier sends the case back', () => {
    const returns = [2, 3, 4].map((t) => `  ${t}:\n    does: returns\n`).join('');
    const scenario = tinyScenario({
      id: 'all-return',
      beats: handoffBeats,
      extra: `escalation:\n${returns}`,
      // A case the trainee could settle, so the checker accepts every tier returning it.
      expected: '  resolutions: [{ kind: information }]\n',
    });
    const result = exploreScenario(scenario);
    expect(result.winnable).toBe(false);
    expect(result.endings.upset?.[0]).toBe('escalate 2');
  });

  it('has a tier resolve only a case at or below its level, after it escalates', () => {
    const result = exploreScenario(tinyScenario({ id: 'by-level', level: 3, beats: handoffBeats }));
    expect(result.endings.satisfied?.[0]).toBe('escalate 3');
    expect(result.endings.upset?.[0]).toBe('escalate 2');
  });

  it('has a customer give up when their patience runs out on the channel', () => {
    const scenario = tinyScenario({ id: 'slow-email', channel: 'email', patience: 0 });
    // Four minutes of chat patience last 36 times as long by email, after a minute's grace: 2h25m.
    expect(fullPatienceMs(scenario.persona.traits, 'email') + MINUTE_MS).toBe(145 * MINUTE_MS);
    expect(exploreScenario(scenario).endings.abandoned).toEqual(['wait until 2h25m']);
  });
});
