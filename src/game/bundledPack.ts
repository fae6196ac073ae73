import { checkPack, isScenarioFile, PACK_FILE_NAME, type PackCheck } from '../core';

/** Every YAML file under scenarios/, as text, bundled at build time. */
const files = import.meta.glob<string>('../../scenarios/**/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * Compiles the bundled scenario library in the browser with the same core the CLI uses. Paths are
 * shown relative to the project (scenarios/…), as the checker prints them.
 */
export function loadBundledPack(): PackCheck {
  const entries = Object.entries(files).map(([path, text]) => ({
    file: path.replace(/^(\.\.\/)+/, ''),
    text,
  }));
  const pack = entries.find((e) => e.file === `scenarios/${PACK_FILE_NAME}`) ?? null;
  const scenarios = entries
    .filter((e) => isScenarioFile(e.file))
    .sort((a, b) => a.file.localeCompare(b.file));
  // Walking every persona's paths is the checker's job (npm run check:scenarios); a trainee's page
  // only needs the compiled scenarios.
  return checkPack({ pack, scenarios, explore: false });
}
