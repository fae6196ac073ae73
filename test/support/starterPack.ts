/** The shipped scenario pack, compiled once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack, isScenarioFile, isShiftFile, type PackCheck } from '../../src/core';

export function scenarioFiles(dir = 'scenarios'): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return scenarioFiles(path);
      return isScenarioFile(path) ? [path] : [];
    })
    .sort();
}

let cached: PackCheck | null = null;

export function loadStarterPack(): PackCheck {
  cached ??= checkPack({
    pack: { file: 'scenarios/pack.yaml', text: readFileSync('scenarios/pack.yaml', 'utf8') },
    scenarios: scenarioFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') })),
    shifts: shiftFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') })),
    explore: false,
  });
  return cached;
}

/** Every playthrough file under scenarios/, sorted. */
export function playthroughFiles(dir = 'scenarios'): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return playthroughFiles(path);
      return path.endsWith('.playthrough.yaml') ? [path] : [];
    })
    .sort();
}

/** Every shift file under scenarios/, sorted. */
export function shiftFiles(dir = 'scenarios'): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return shiftFiles(path);
      return isShiftFile(path) ? [path] : [];
    })
    .sort();
}
