/**
 * A Vite plugin that compiles the scenario library at build time into `scenario-pack.json` (the
 * compiled pack, scenarios and shifts, and any problems), beside the game. `import url from
 * 'virtual:scenario-pack'` gives the game its address; the loading screen fetches it with a real
 * progress bar. The browser never parses YAML or runs the compiler, and the game's code stays small;
 * the dev server compiles it afresh on each request. `import menu from 'virtual:scenario-menu'` gives
 * the menu's part of it (titles and what the picker lists, see `menuLibrary.ts`), written into the
 * code, so the menu shows before the library has downloaded.
 *
 * A scenario error stops the build with the checker's located lines, rather than a scenario missing
 * from the menu with nobody told; the dev server still serves the pack (the scenarios that compile)
 * and shows the same lines in Vite's error overlay. Warnings never stop anything.
 *
 * Under the dev server an edit in the scenarios folder reaches the running game without a reload: the
 * pack is compiled again and sent over Vite's HMR channel as a custom event (`SCENARIO_PACK_EVENT`),
 * which the game swaps in; an edit that breaks a file sends the checker's lines to the error overlay
 * instead, and the game keeps the last good library.
 *
 * Beside it goes `scenario-releases.json` (address from `virtual:scenario-releases`): the older
 * released versions the manager's review verifies scorecards with, read from the pack's `released/`
 * folder at build time, so the page never reads the folder itself.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import {
  RELEASED_DIR,
  RELEASES_FORMAT,
  RELEASES_VERSION,
  type ScenarioReleases,
  scenariosToVerifyWith,
} from '../core/engine/released';
import type { PackCheck } from '../core/pack/checkPack';
import { packForDownload } from '../core/scenario/packDownload';
import { formatProblem, type Problem, sortProblems } from '../core/scenario/problems';
import { menuLibraryOf } from '../game/menuLibrary';
import { SCENARIO_PACK_EVENT, type ScenarioPackUpdate } from '../game/scenarioPackEvent';
import { loadPackAround, loadReleased } from './scenarioFiles';

const PLUGIN_NAME = 'escalation-desk:scenario-pack';
const ID = 'virtual:scenario-pack';
const RESOLVED = `\0${ID}`;
/** The file the compiled library is written to, beside index.html. */
export const PACK_ASSET = 'scenario-pack.json';

/** The menu's part of the library (`menuLibrary.ts`), written into the game's code. */
const MENU_ID = 'virtual:scenario-menu';
const MENU_RESOLVED = `\0${MENU_ID}`;

const RELEASES_ID = 'virtual:scenario-releases';
const RELEASES_RESOLVED = `\0${RELEASES_ID}`;
/** The file the older released versions are written to, beside manager.html. */
export const RELEASES_ASSET = 'scenario-releases.json';

/** JSON of `value` with every absolute `file` made relative to `root`'s parent, as the checker prints them. */
function withRelativeFiles(value: unknown, root: string): string {
  const relativeTo = dirname(root);
  return JSON.stringify(value, (key, field: unknown) =>
    key === 'file' && typeof field === 'string' && field.startsWith('/')
      ? relative(relativeTo, field)
      : field,
  );
}

/** The compiled pack as the game downloads it, the files it read, and the checker's problems. */
export interface CompiledScenarioPack {
  readonly json: string;
  readonly files: string[];
  /** Every problem found, with file paths relative to the project as the checker prints them. */
  readonly problems: readonly Problem[];
}

/**
 * Compiles the pack in `dir`, with file paths relative to the project, and the files it read. The
 * problems stay in the JSON too: the game shows a pack's warnings, and the dev server still serves a
 * pack with errors so the trainer sees the rest of the game while fixing them.
 */
export async function compileScenarioPack(dir = 'scenarios'): Promise<CompiledScenarioPack> {
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
  const json = withRelativeFiles(packForDownload(check), root);
  const { problems } = JSON.parse(withRelativeFiles({ problems: check.problems }, root)) as {
    problems: Problem[];
  };
  return { json, files, problems: sortProblems(problems) };
}

/**
 * What stops a build: the pack's errors, one `file:line:col: error CODE message` line each as
 * `npm run check:scenarios` prints them, under a line saying what to do; null when there are none.
 * Warnings never stop a build (the checker lists them).
 */
export function scenarioErrorReport(problems: readonly Problem[]): string | null {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return [
    `The scenarios have ${count}; fix ${errors.length === 1 ? 'it' : 'them'}, then build again or reload the page (npm run check:scenarios lists every problem):`,
    ...errors.map(formatProblem),
  ].join('\n');
}

/**
 * The released versions in `dir/released/` that a scorecard may name besides the current scenarios:
 * those compiled for an engine this build plays, less the ones the pack holds now. A released file
 * that cannot be read stops the build with its name and why, rather than leaving the review unable to
 * verify the scorecards made on it without anyone noticing.
 */
export async function compileScenarioReleases(dir = 'scenarios'): Promise<{ json: string; files: string[] }> {
  const root = resolve(dir);
  const [check, { released, problems }] = await Promise.all([
    loadPackAround(resolve(root, 'pack.yaml')),
    loadReleased(root),
  ]);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${relative(dirname(root), p.file)}: ${p.message}`);
    throw new Error(`Released scenario versions that cannot be shipped:\n${lines.join('\n')}`);
  }
  const older = scenariosToVerifyWith(check.scenarios, released).slice(check.scenarios.length);
  const releases: ScenarioReleases = { format: RELEASES_FORMAT, version: RELEASES_VERSION, scenarios: older };
  const folder = join(root, RELEASED_DIR);
  const names = await readdir(folder).catch(() => [] as string[]);
  const files = [
    ...names.filter((n) => n.endsWith('.json')).map((n) => join(folder, n)),
    ...check.scenarios.map((s) => resolve(s.file)),
    resolve(root, 'pack.yaml'),
  ];
  return { json: withRelativeFiles(releases, root), files };
}

/**
 * Shows `report` in Vite's error overlay on every open page, and in the terminal, naming the file of
 * the first error (`problems` as `compileScenarioPack` gives them), or the pack file.
 */
function showError(
  server: ViteDevServer,
  report: string,
  dir: string,
  problems: readonly Problem[] = [],
): void {
  server.config.logger.error(report);
  const first = problems.find((p) => p.severity === 'error');
  const id = first ? resolve(dirname(resolve(dir)), first.file) : resolve(dir, 'pack.yaml');
  server.ws.send({ type: 'error', err: { message: report, stack: '', plugin: PLUGIN_NAME, id } });
}

/** Whether `file` is a scenario, shift or pack file inside `root`. */
function isScenarioSource(file: string, root: string): boolean {
  return (file === root || file.startsWith(`${root}${sep}`)) && /\.ya?ml$/.test(file);
}

/**
 * Compiles the pack again after an edit and sends it to the pages: the library as a custom HMR event
 * when it has no errors, or the checker's lines to the error overlay when it has (the game then keeps
 * the library it has). Only the newest of overlapping compilations is sent.
 */
function liveReloader(server: ViteDevServer, dir: string): () => Promise<void> {
  let latest = 0;
  return async () => {
    const mine = ++latest;
    let compiled: CompiledScenarioPack;
    try {
      compiled = await compileScenarioPack(dir);
    } catch (error) {
      if (mine === latest) showError(server, String(error), dir);
      return;
    }
    if (mine !== latest) return;
    const report = scenarioErrorReport(compiled.problems);
    if (report) {
      showError(server, report, dir, compiled.problems);
      return;
    }
    const data: ScenarioPackUpdate = { pack: JSON.parse(compiled.json) as ScenarioPackUpdate['pack'] };
    server.ws.send({ type: 'custom', event: SCENARIO_PACK_EVENT, data });
    server.config.logger.info('scenarios compiled again and sent to the game', { timestamp: true });
  };
}

/**
 * The plugin, compiling the pack in `dir` (`scenarios/` by default; tests point it at a copy). The pack is written when the game
 * imports its address; the released versions are written with every build, whoever imports theirs, so
 * that a released file that cannot be read stops every build.
 */
export function scenarioPackPlugin(dir = 'scenarios'): Plugin {
  let serving = false;
  let reload: (() => Promise<void>) | null = null;
  // The library and the menu's part of it come from one compilation per build; the dev server
  // compiles afresh each time it is asked.
  let compiled: Promise<CompiledScenarioPack> | null = null;
  const compile = (): Promise<CompiledScenarioPack> => {
    if (serving) return compileScenarioPack(dir);
    compiled ??= compileScenarioPack(dir);
    return compiled;
  };
  const assets = [
    { fileName: PACK_ASSET, compile: compileScenarioPack },
    { fileName: RELEASES_ASSET, compile: compileScenarioReleases },
  ];
  return {
    name: PLUGIN_NAME,
    configResolved(config) {
      serving = config.command === 'serve';
    },
    async buildStart() {
      compiled = null;
      if (serving) return;
      const { json, files } = await compileScenarioReleases(dir);
      for (const file of files) this.addWatchFile(file);
      this.emitFile({ type: 'asset', fileName: RELEASES_ASSET, source: json });
    },
    resolveId(id) {
      if (id === ID) return RESOLVED;
      if (id === RELEASES_ID) return RELEASES_RESOLVED;
      if (id === MENU_ID) return MENU_RESOLVED;
      return null;
    },
    async load(id) {
      // Relative to the page, so the game works from any folder it is served from.
      if (id === RELEASES_RESOLVED) return `export default ${JSON.stringify(RELEASES_ASSET)};`;
      if (id === MENU_RESOLVED) {
        const { json, files } = await compile();
        for (const file of files) this.addWatchFile(file);
        return `export default ${JSON.stringify(menuLibraryOf(JSON.parse(json) as PackCheck))};`;
      }
      if (id !== RESOLVED) return null;
      const { json, files, problems } = await compile();
      for (const file of files) this.addWatchFile(file);
      if (!serving) {
        // A scenario with an error would be missing from the menu with nobody told: stop the build.
        const report = scenarioErrorReport(problems);
        if (report) throw new Error(report);
        this.emitFile({ type: 'asset', fileName: PACK_ASSET, source: json });
      }
      return `export default ${JSON.stringify(PACK_ASSET)};`;
    },
    // An edit in the scenarios folder is handled here, so Vite does not reload the page for it.
    async hotUpdate({ file, server }) {
      if (this.environment.name !== 'client' || !isScenarioSource(resolve(file), resolve(dir))) return;
      reload ??= liveReloader(server, dir);
      await reload();
      return [];
    },
    configureServer(server) {
      // New files too, and a folder outside the project (a test's copy) is watched all the same.
      server.watcher.add(resolve(dir));
      for (const asset of assets) {
        server.middlewares.use(`/${asset.fileName}`, (_request, response) => {
          asset.compile(dir).then(
            (compiled) => {
              // Still served, so the game runs with the scenarios that compile; the overlay says why
              // the others are missing, located, until they are fixed.
              const problems = 'problems' in compiled ? compiled.problems : [];
              const report = scenarioErrorReport(problems);
              if (report) showError(server, report, dir, problems);
              const { json } = compiled;
              response.setHeader('Content-Type', 'application/json');
              response.end(json);
            },
            // Said on the page that asked, and in the terminal, instead of a request that never ends.
            (error: unknown) => {
              server.config.logger.error(String(error));
              response.statusCode = 500;
              response.setHeader('Content-Type', 'text/plain; charset=utf-8');
              response.end(String(error));
            },
          );
        });
      }
    },
  };
}
