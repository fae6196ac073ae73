/** The shipped scenario pack and its files, found and compiled once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack, formatProblem, isScenarioFile, isShiftFile, type PackCheck } from '../../src/core';
import { type PlaythroughRun, runPlaythrough } from '../../src/core/playthrough/runPlaythrough';

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

/**
 * Plays a playthrough's text against a pack (the shipped library by default), at its written times
 * or at a person's; a problem in the file throws, located like a scenario's.
 */
export function playText(
  text: string,
  file: string,
  options: { readonly pack?: PackCheck; readonly timing?: 'human' } = {},
): PlaythroughRun {
  const pack = options.pack ?? loadStarterPack();
  const result = runPlaythrough(text, {
    file,
    pack: pack.pack,
    scenarios: pack.scenarios,
    shifts: pack.shifts,
    ...(options.timing ? { timing: options.timing } : {}),
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

/** Plays a playthrough file (see {@link playText}). */
export function playFile(file: string, options: Parameters<typeof playText>[2] = {}): PlaythroughRun {
  return playText(readFileSync(file, 'utf8'), file, options);
}
