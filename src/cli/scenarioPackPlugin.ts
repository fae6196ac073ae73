/**
 * A Vite plugin that compiles the scenario library at build time: `import pack from
 * 'virtual:scenario-pack'` gives the game the compiled pack, scenarios and shifts (and any problems),
 * as JSON. The browser never parses YAML or runs the compiler, so trainees load less and start
 * sooner; the dev server recompiles when a scenario file changes.
 */
import { dirname, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadPackAround } from './scenarioFiles';

const ID = 'virtual:scenario-pack';
const RESOLVED = `\0${ID}`;

/** The plugin, compiling the pack in `dir` (`scenarios/` by default). */
export function scenarioPackPlugin(dir = 'scenarios'): Plugin {
  return {
    name: 'escalation-desk:scenario-pack',
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const root = resolve(dir);
      const check = await loadPackAround(resolve(root, 'pack.yaml'));
      const files = new Set([
        ...check.scenarios.map((s) => s.file),
        ...check.problems.map((p) => p.file),
        resolve(root, 'pack.yaml'),
      ]);
      for (const file of files) this.addWatchFile(resolve(file));
      // Paths as the checker prints them, relative to the project, whatever the build machine.
      const relativeTo = dirname(root);
      const portable = JSON.parse(JSON.stringify(check), (key, value: unknown) =>
        key === 'file' && typeof value === 'string' && value.startsWith('/')
          ? relative(relativeTo, value)
          : value,
      );
      return `export default ${JSON.stringify(portable)};`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(resolve(dir))) return;
      const module = server.moduleGraph.getModuleById(RESOLVED);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}
