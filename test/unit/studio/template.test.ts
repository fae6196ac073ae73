import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../../src/core/pack/checkPack';
import { SCENARIO_TEMPLATE, TEMPLATE_FILE } from '../../../src/studio/template';

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
});
