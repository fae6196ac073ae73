/**
 * A Vite plugin that compiles the scenario library at build time into `scenario-pack.json` (the
 * compiled pack, scenarios and shifts, and any problems), beside the game. `import url from
 * 'virtual:scenario-pack'` gives the game its address; the loading screen fetches it with a real
 * progress bar. The browser never parses YAML or runs the compiler, and the game's code stays small;
 * the dev server compiles it afresh on each request.
 */
import { dirname, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { packForDownload } from '../core/scenario/packDownload';
import { loadPackAround } from './scenarioFiles';

const ID = 'virtual:scenario-pack';
const RESOLVED = `\0${ID}`;
/** The file the compiled library is written to, beside index.html. */
export const PACK_ASSET = 'scenario-pack.json';

/** Compiles the pack in `dir`, with file paths relative to the project, and the files it read. */
export async function compileScenarioPack(dir = 'scenarios'): Promise<{ json: string; files: string[] }> {
  const root = resolve(dir);
  const check = await loadPackAround(resolve(root, 'pack.yaml'));
  const files = [
    ...new Set([
      ...check.scenarios.map((s) => s.file),
      ...check.problems.map((p) => p.file),
      resolve(root, 'pack.yaml'),
    ]),
  ].map((f) => resolve(f));
  // Paths as the checker prints them, relative to the project, whatever the build machine.
  const relativeTo = dirname(root);
  const json = JSON.stringify(packForDownload(check), (key, value: unknown) =>
    key === 'file' && typeof value === 'string' && value.startsWith('/')
      ? relative(relativeTo, value)
      : value,
  );
  return { json, files };
}

/** The plugin, compiling the pack in `dir` (`scenarios/` by default). */
export function scenarioPackPlugin(dir = 'scenarios'): Plugin {
  let serving = false;
  return {
    name: 'escalation-desk:scenario-pack',
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const { json, files } = await compileScenarioPack(dir);
      for (const file of files) this.addWatchFile(file);
      if (!serving) this.emitFile({ type: 'asset', fileName: PACK_ASSET, source: json });
      // Relative to the page, so the game works from any folder it is served from.
      return `export default ${JSON.stringify(PACK_ASSET)};`;
    },
    configureServer(server) {
      serving = true;
      server.middlewares.use(`/${PACK_ASSET}`, (_request, response) => {
        void compileScenarioPack(dir).then(({ json }) => {
          response.setHeader('Content-Type', 'application/json');
          response.end(json);
        });
      });
    },
  };
}
