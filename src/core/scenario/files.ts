/** Naming rules for the files of a scenario pack, shared by the CLIs and the game's bundler glob. */

/** The file that declares a pack's languages, ladder and defaults. */
export const PACK_FILE_NAME = 'pack.yaml';

/** Files in a scenario folder that are not scenarios (playthroughs and shifts have their own tools). */
const NOT_SCENARIOS = /\.(playthrough|shift)\.ya?ml$/;

/** True for a path whose file holds a scenario: any .yaml except the pack, playthrough and shift files. */
export function isScenarioFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? path;
  return /\.ya?ml$/.test(name) && name !== PACK_FILE_NAME && !NOT_SCENARIOS.test(name);
}

/** True for a shift file: `<id>.shift.yaml`. */
export function isShiftFile(path: string): boolean {
  return /\.shift\.ya?ml$/.test(path);
}

/** True for a playthrough: `<scenario>.<name>.playthrough.yaml`. */
export function isPlaythroughFile(path: string): boolean {
  return /\.playthrough\.ya?ml$/.test(path);
}
