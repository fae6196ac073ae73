/** Playthrough files are untrusted input too: their problems come back located. */
import { describe, expect, it } from 'vitest';
import { runPlaythrough } from '../../../src/core/playthrough/runPlaythrough';
import { loadStarterPack } from '../../support/starterPack';

const { pack, scenarios } = loadStarterPack();
const run = (text: string) => runPlaythrough(text, { file: 'x.playthrough.yaml', pack, scenarios });

describe('playthrough files', () => {
  it('refuses a step that does two things, at the second', () => {
    const result = run(
      'scenario: locked-out-before-payroll\ntitle: T\nsteps:\n  - do: lookup\n    reply: Hi\nexpect: {}\n',
    );
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.line}:${p.col}`)).toEqual([
      'step-conflict 5:5',
    ]);
  });

  it('refuses an unknown scenario where it is named', () => {
    const result = run('scenario: nope\ntitle: T\nsteps:\n  - do: lookup\nexpect: {}\n');
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.line}:${p.col}`)).toEqual([
      'unknown-scenario 1:11',
    ]);
  });

  it('reports a failed expectation at the expectation, and a step back in time', () => {
    const result = run(
      'scenario: locked-out-before-payroll\ntitle: T\nsteps:\n  - at: 2m\n    do: lookup\n    expect: { beat: opening }\n  - at: 1m\n    do: resolve\nexpect: { ending: upset }\n',
    );
    if (!result.ok) throw new Error('should run');
    expect(result.value.passed).toBe(false);
    expect(result.value.checks.filter((c) => !c.ok).map((c) => `${c.at.line}:${c.at.col}`)).toEqual([
      '6:21',
      '7:9',
      '9:19',
    ]);
  });
});
