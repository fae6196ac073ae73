/**
 * Scripts with several mood and trust conditions used to stop the explorer at its state limit with
 * nothing to show, and the checker then said nothing. Now the walk finishes on them, and when a limit
 * does stop it, it still reports what it found, says what multiplied the states, and the checker warns
 * at the condition.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../../src/core';
import { exploreScenario, playOutcome } from '../../../src/core/engine/exploreScenario';

const FILE = 'test/fixtures/feelings/cold-radiator-landlord.yaml';
const text = readFileSync(FILE, 'utf8');
const scenario = checkPack({ pack: null, scenarios: [{ file: FILE, text }], explore: false }).scenarios[0];
if (!scenario) throw new Error(`${FILE} did not compile`);

describe('a scenario with several mood and trust conditions', () => {
  it('is walked to the end, every beat and ending found', () => {
    const result = exploreScenario(scenario);
    expect(result.truncated).toBe(false);
    expect(result.unreachableBeats).toEqual([]);
    expect(Object.keys(result.endings).sort()).toEqual(['abandoned', 'satisfied', 'upset']);
    expect(result.winnable && result.losable && result.winnableByTyping).toBe(true);
  });

  it('reports what it found, and what multiplied the states, when the limit stops it', () => {
    const result = exploreScenario(scenario, { limit: 40 });
    expect(result.truncated).toBe(true);
    expect(result.states).toBe(40);
    expect(result.reachableBeats).toContain('start');
    expect(Object.keys(result.endings).length).toBeGreaterThan(0);
    expect(result.factors.map((f) => f.factor)).toContain('mood');
    expect(result.factors.find((f) => f.factor === 'mood')?.thresholds).toEqual([
      -0.6, -0.5, -0.4, 0.1, 0.3, 0.5,
    ]);
  });

  it('is checked without a warning, and the checker warns at a mood condition when a limit stops the walk', () => {
    const problems = (explore: Parameters<typeof checkPack>[0]['explore']) =>
      checkPack({ pack: null, scenarios: [{ file: FILE, text }], explore })
        .problems.filter((p) => p.code !== 'pack-missing' && p.code !== 'id-not-file-name')
        .map((p) => `${p.severity} ${p.code} ${p.line}:${p.col}`);
    expect(problems(true)).toEqual([]);
    const limited = problems((s) => playOutcome(s, { limit: 40 }));
    const line = text.split('\n').findIndex((l) => /mood_(above|below):/.test(l)) + 1;
    expect(limited).toEqual([`warning explore-limit ${line}:9`]);
    const message = checkPack({
      pack: null,
      scenarios: [{ file: FILE, text }],
      explore: (s) => playOutcome(s, { limit: 40 }),
    }).problems.find((p) => p.code === 'explore-limit')?.message;
    expect(message).toMatch(/multiplied by .*mood \(\d+ values; conditions at -0\.6/);
  });
});
