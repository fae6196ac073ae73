/**
 * The lint rules that keep src/core headless and its layers pointing one way: UI and Node imports are
 * refused in the core and allowed outside it, and a layer (scenario ← engine ← analysis ← scoring ←
 * playthrough ← pack) may import the ones below it but never one above. Each case lints a throwaway
 * file placed where the rule applies.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function lint(dir: string, source: string) {
  const file = join(dir, `boundaryProbe${process.pid}${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  try {
    return spawnSync(join('node_modules', '.bin', 'biome'), ['lint', file], { encoding: 'utf8' });
  } finally {
    rmSync(file, { force: true });
  }
}

describe('src/core import boundary', () => {
  it.each([
    ["import Phaser from 'phaser';", 'Phaser'],
    ["import { Howl } from 'howler';", 'Howl'],
    ["import i18next from 'i18next';", 'i18next'],
    ["import { readFileSync } from 'node:fs';", 'readFileSync'],
    ["import { renderLibrary } from '../game/renderLibrary';", 'renderLibrary'],
  ])('refuses %s in src/core', (line, name) => {
    const result = lint('src/core', `${line}\nexport const x = ${name};\n`);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('noRestrictedImports');
  });

  it.each([
    ['src/core/scenario', "import { ShiftSession } from '../engine/session';", 'ShiftSession'],
    ['src/core/engine', "import { lexiconAnalyser } from '../analysis/lexiconAnalyser';", 'lexiconAnalyser'],
    ['src/core/analysis', "import { scoreAttempt } from '../scoring/scoreAttempt';", 'scoreAttempt'],
    ['src/core/scoring/dimensions', "import { checkPack } from '../../pack/checkPack';", 'checkPack'],
  ])('refuses an import from a higher layer in %s', (dir, line, name) => {
    const result = lint(dir, `${line}\nexport const x = ${name};\n`);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('Layers in the core point one way');
  });

  it('allows an import from a lower layer', () => {
    const result = lint(
      'src/core/scoring',
      "import { ShiftSession } from '../engine/session';\nexport const x = ShiftSession;\n",
    );
    expect(`${result.stdout}${result.stderr}`).not.toContain('noRestrictedImports');
    expect(result.status).toBe(0);
  });

  it('allows the same imports in game code', () => {
    const result = lint('src/game', "import i18next from 'i18next';\nexport const x = i18next;\n");
    expect(`${result.stdout}${result.stderr}`).not.toContain('noRestrictedImports');
    expect(result.status).toBe(0);
  });
});
