/**
 * The lint rule that keeps src/core headless refuses UI and Node imports there, and allows them
 * outside the core. Each case lints a throwaway file placed where the rule applies.
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

  it('allows the same imports in game code', () => {
    const result = lint('src/game', "import i18next from 'i18next';\nexport const x = i18next;\n");
    expect(`${result.stdout}${result.stderr}`).not.toContain('noRestrictedImports');
    expect(result.status).toBe(0);
  });
});
