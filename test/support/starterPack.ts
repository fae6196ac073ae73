/** The shipped scenario pack and its files, found and compiled once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack, isScenarioFile, isShiftFile, type PackCheck } from '../../src/core';

/** Every file under `dir` (sorted) whose path passes `keep`. */
export function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : filesUnder(path, keep);
      return keep(path) ? [path] : [];
    })
    .sort();
}

export const scenarioFiles = (dir = 'scenarios') => filesUnder(dir, isScenarioFile);
export const shiftFiles = (dir = 'scenarios') => filesUnder(dir, isShiftFile);
export const playthroughFiles = (dir = 'scenarios') =>
  filesUnder(dir, (path) => path.endsWith('.playthrough.yaml'));

let cached: PackCheck | null = null;

export function loadStarterPack(): PackCheck {
  const read = (file: string) => ({ file, text: readFileSync(file, 'utf8') });
  cached ??= checkPack({
    pack: read('scenarios/pack.yaml'),
    scenarios: scenarioFiles().map(read),
    shifts: shiftFiles().map(read),
    explore: false,
  });
  return cached;
}
