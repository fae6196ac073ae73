/** The starter library: every shipped scenario compiles clean and the library covers what it promises. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../src/core';
import { scenarioFiles } from '../support/starterPack';

const files = scenarioFiles();
const check = checkPack({
  pack: { file: 'scenarios/pack.yaml', text: readFileSync('scenarios/pack.yaml', 'utf8') },
  scenarios: files.map((file) => ({ file, text: readFileSync(file, 'utf8') })),
});

describe('the shipped scenario library', () => {
  it('compiles with no errors and no warnings', () => {
    expect(check.problems).toEqual([]);
    expect(check.scenarios).toHaveLength(files.length);
  });

  it('has at least four scenarios per level and every channel', () => {
    for (const level of [1, 2, 3, 4]) {
      expect(
        check.scenarios.filter((s) => s.level === level).length,
        `level ${level}`,
      ).toBeGreaterThanOrEqual(4);
    }
    expect(new Set(check.scenarios.map((s) => s.channel))).toEqual(
      new Set(['chat', 'email', 'phone', 'social']),
    );
  });

  it('gives every scenario a distinct persona', () => {
    const names = check.scenarios.map((s) => s.persona.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(files)('%s can end well and can end badly, and names its schema', (file) => {
    const scenario = check.scenarios.find((s) => s.file === file);
    expect(scenario).toBeDefined();
    const endings = new Set(scenario?.beats.map((b) => b.ending));
    expect(endings.has('satisfied') || endings.has('neutral')).toBe(true);
    expect(endings.has('upset') || endings.has('abandoned')).toBe(true);
    const schema = relative(join(file, '..'), 'public/schema/scenario.schema.json');
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
  });

  it('keeps a scenario in the folder of its level', () => {
    for (const scenario of check.scenarios) {
      const folder = scenario.file.split('/')[1];
      // A twist scenario starts lower and is filed with the level it can become.
      const raised = scenario.beats.flatMap((b) => [
        b.effects.raiseLevel,
        ...b.transitions.map((t) => t.effects.raiseLevel),
      ]);
      const levels = [scenario.level, ...raised.filter((l): l is number => l !== null)];
      expect(levels.map((l) => `level-${l}`)).toContain(folder);
    }
  });
});
