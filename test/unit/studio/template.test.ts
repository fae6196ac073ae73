import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../../src/core/pack/checkPack';
import { SCENARIO_TEMPLATE, scenarioTemplate, TEMPLATE_FILE } from '../../../src/studio/template';

describe('the new scenario template', () => {
  it('compiles against the shipped pack without errors, and can be won and lost', () => {
    const check = checkPack({
      pack: { file: 'pack.yaml', text: readFileSync('scenarios/pack.yaml', 'utf8') },
      scenarios: [{ file: TEMPLATE_FILE, text: SCENARIO_TEMPLATE }],
    });
    expect(check.problems.filter((p) => p.file === TEMPLATE_FILE)).toEqual([]);
    expect(check.scenarios[0]?.title).toEqual({
      en: 'A parcel that never arrived',
      es: 'Un paquete que nunca llegó',
    });
  });

  it('is the same scenario with its notes in Spanish, only the comments differ', () => {
    const strip = (text: string) => text.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(strip(scenarioTemplate('es'))).toEqual(strip(scenarioTemplate('en')));
    expect(scenarioTemplate('es')).toContain('# Cómo se escribe este archivo (YAML):');
    expect(scenarioTemplate('en')).toBe(SCENARIO_TEMPLATE);
  });
});
