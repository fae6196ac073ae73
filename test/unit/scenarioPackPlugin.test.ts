/**
 * The build-time scenario library: the game gets exactly what the checker compiles (same scenarios,
 * same content hashes, so saves and scorecards name the same versions), with project-relative paths,
 * written beside the game as scenario-pack.json, and the menu's part of it written into the code; the
 * build watches every scenario file. Beside it, scenario-releases.json holds the older released
 * versions the manager's review verifies with, and a released file that cannot be read stops the
 * build, as does any scenario error (located, as the checker prints it; the dev server serves the
 * rest and shows the errors in its overlay).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connect, ViteDevServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/cli/checkScenarios';
import { loadReleased } from '../../src/cli/scenarioFiles';
import {
  compileScenarioPack,
  compileScenarioReleases,
  PACK_ASSET,
  RELEASES_ASSET,
  scenarioErrorReport,
  scenarioPackPlugin,
} from '../../src/cli/scenarioPackPlugin';
import type { PackCheck } from '../../src/core';
import { formatProblem } from '../../src/core';
import { canonicalJson } from '../../src/core/canonicalJson';
import {
  RELEASES_FORMAT,
  readScenarioReleases,
  scenariosToVerifyWith,
  scenarioVersionKey,
} from '../../src/core/engine/released';
import { packFromDownload } from '../../src/core/scenario/packDownload';
import { type MenuLibrary, menuLibraryOf } from '../../src/game/menuLibrary';
import { loadStarterPack } from '../support/starterPack';

describe('the compiled scenario library', () => {
  it('holds the scenarios the checker compiles, with the same content hashes', async () => {
    const check = JSON.parse((await compileScenarioPack()).json) as PackCheck;
    const expected = loadStarterPack();
    expect(check.problems).toEqual([]);
    expect(check.scenarios.map((s) => [s.id, s.contentHash, s.packHash])).toEqual(
      expected.scenarios.map((s) => [s.id, s.contentHash, s.packHash]),
    );
    expect(check.shifts.map((s) => s.id)).toEqual(expected.shifts.map((s) => s.id));
    for (const scenario of check.scenarios) expect(scenario.file).toMatch(/^scenarios\//);
  });

  it('sends the pack’s reactions once, and the game gets every scenario back exactly as compiled', async () => {
    const sent = JSON.parse((await compileScenarioPack()).json) as PackCheck;
    expect(sent.scenarios.every((s) => s.reactions.length < sent.pack.reactions.length)).toBe(true);
    const arrived = packFromDownload(sent);
    const compiled = loadStarterPack().scenarios;
    expect(arrived.scenarios.map((s) => canonicalJson({ ...s, file: '' }))).toEqual(
      compiled.map((s) => canonicalJson({ ...s, file: '' })),
    );
  });

  it('is written beside the game at build time, and every file it read is watched', async () => {
    const { code, emitted, watched } = await build('virtual:scenario-pack');
    expect(code).toBe(`export default ${JSON.stringify(PACK_ASSET)};`);
    expect(emitted[0]?.fileName).toBe(PACK_ASSET);
    expect(JSON.parse(String(emitted[0]?.source)).scenarios.length).toBeGreaterThan(10);
    expect(watched.length).toBeGreaterThan(10);
  });

  it('writes the menu’s part of it into the code: every title the menu lists, and little else', async () => {
    const { code, emitted, watched } = await build('virtual:scenario-menu');
    const written = JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as MenuLibrary;
    const check = JSON.parse((await compileScenarioPack()).json) as PackCheck;
    expect(written).toEqual(menuLibraryOf(check));
    expect(written.scenarios.map((s) => [s.id, s.title, s.persona.name])).toEqual(
      check.scenarios.map((s) => [s.id, s.title, s.persona.name]),
    );
    expect(written.shifts.map((s) => s.id)).toEqual(check.shifts.map((s) => s.id));
    // The menu shows before the library downloads because this part is small.
    expect(code.length).toBeLessThan((await compileScenarioPack()).json.length / 20);
    expect(emitted).toEqual([]);
    expect(watched.length).toBeGreaterThan(10);
  });
});

/** A pack with one scenario that cannot compile (an unknown beat) beside two that do, one with a warning. */
const BROKEN = 'test/fixtures/build-errors';

/** A dev server that records what the plugin serves, logs and shows in the overlay. */
function devServer(dir: string) {
  const plugin = scenarioPackPlugin(dir);
  const handlers = new Map<string, Connect.SimpleHandleFunction>();
  const logged: string[] = [];
  const overlays: { type: string; err: { message: string } }[] = [];
  const server = {
    middlewares: {
      use: (path: string, handle: Connect.SimpleHandleFunction) => handlers.set(path, handle),
    },
    config: { logger: { error: (message: string) => logged.push(message) } },
    ws: { send: (payload: { type: string; err: { message: string } }) => overlays.push(payload) },
    watcher: { add: () => undefined },
  } as unknown as ViteDevServer;
  (plugin.configureServer as (server: ViteDevServer) => void)(server);
  const ask = (path: string) =>
    new Promise<{ status: number; body: string }>((done) => {
      const response = {
        statusCode: 200,
        setHeader: () => undefined,
        end(body: string) {
          done({ status: this.statusCode, body });
        },
      };
      handlers.get(path)?.({} as never, response as never);
    });
  return { ask, logged, overlays };
}

describe('a pack with a scenario error', () => {
  it('stops the build, printing each error located as npm run check:scenarios prints it', async () => {
    const checked = await checkPaths([BROKEN], false);
    const errors = checked.problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors).toEqual([
      expect.stringMatching(/^test\/fixtures\/build-errors\/unknown-beat\.yaml:12:13: error unknown-beat /),
    ]);
    const failed = build('virtual:scenario-pack', BROKEN);
    await expect(failed).rejects.toThrow(errors[0]);
    await expect(failed).rejects.toThrow(
      /^The scenarios have 1 error; fix it, then build again or reload the page/,
    );
  });

  it('is not stopped by warnings alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warned-'));
    cpSync(BROKEN, dir, { recursive: true });
    rmSync(join(dir, 'unknown-beat.yaml'));
    const { problems } = await compileScenarioPack(dir);
    expect(problems.map((p) => p.code)).toEqual(['pack-missing', 'unreachable-beat']);
    expect(scenarioErrorReport(problems)).toBeNull();
    const { emitted } = await build('virtual:scenario-pack', dir);
    expect(emitted.map((e) => e.fileName)).toEqual([PACK_ASSET]);
  });

  it('is still served by the dev server, with its errors in the overlay and the terminal', async () => {
    const { ask, logged, overlays } = devServer(BROKEN);
    const served = await ask(`/${PACK_ASSET}`);
    expect(served.status).toBe(200);
    const pack = JSON.parse(served.body) as PackCheck;
    expect(pack.scenarios.map((s) => s.id).sort()).toEqual(['minimal', 'unreachable-beat']);
    expect(pack.problems.some((p) => p.code === 'unknown-beat')).toBe(true);
    expect(overlays).toHaveLength(1);
    expect(overlays[0]?.type).toBe('error');
    expect(overlays[0]?.err.message).toMatch(/unknown-beat\.yaml:12:13: error unknown-beat/);
    expect(logged).toEqual([overlays[0]?.err.message]);
  });

  it('the shipped pack has none, so the dev server shows no overlay for it', async () => {
    const { ask, overlays } = devServer('scenarios');
    expect((await ask(`/${PACK_ASSET}`)).status).toBe(200);
    expect(overlays).toEqual([]);
  });
});

/** Loads one of the plugin's virtual modules as a build would: what it returns, emits and watches. */
async function build(id: string, dir?: string) {
  const plugin = scenarioPackPlugin(dir);
  const watched: string[] = [];
  const emitted: { fileName?: string; source?: unknown }[] = [];
  const resolveId = plugin.resolveId as (id: string) => string | null;
  const load = plugin.load as (
    this: { addWatchFile: (f: string) => void; emitFile: (f: object) => string },
    id: string,
  ) => Promise<string>;
  const code = await load.call(
    {
      addWatchFile: (f) => watched.push(f),
      emitFile: (f) => {
        emitted.push(f);
        return 'ref';
      },
    },
    resolveId(id) ?? '',
  );
  return { code, emitted, watched };
}

/** A copy of the shipped scenarios to damage, in a folder of its own. */
function copyOfScenarios(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'releases-')), 'scenarios');
  cpSync('scenarios', dir, { recursive: true });
  return dir;
}

describe('the shipped released versions', () => {
  it('are the released versions this build plays that the current scenarios do not already cover', async () => {
    const { json } = await compileScenarioReleases();
    const read = readScenarioReleases(json, RELEASES_ASSET);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const current = loadStarterPack().scenarios;
    const { released } = await loadReleased('scenarios');
    const expected = scenariosToVerifyWith(current, released).slice(current.length);
    expect(read.value.length).toBeGreaterThan(0);
    expect(read.value.map(scenarioVersionKey)).toEqual(expected.map(scenarioVersionKey));
    const now = new Set(current.map(scenarioVersionKey));
    expect(read.value.filter((s) => now.has(scenarioVersionKey(s)))).toEqual([]);
    expect(JSON.parse(json)).toMatchObject({ format: RELEASES_FORMAT, version: 1 });
    for (const scenario of read.value) expect(scenario.file).toMatch(/^scenarios\//);
  });

  it('are written beside the manager’s page by every build, and every released file is watched', async () => {
    const plugin = scenarioPackPlugin();
    const watched: string[] = [];
    const emitted: { fileName?: string; source?: unknown }[] = [];
    const buildStart = plugin.buildStart as (this: {
      addWatchFile: (f: string) => void;
      emitFile: (f: object) => string;
    }) => Promise<void>;
    await buildStart.call({
      addWatchFile: (f) => watched.push(f),
      emitFile: (f) => {
        emitted.push(f);
        return 'ref';
      },
    });
    expect(emitted.map((e) => e.fileName)).toEqual([RELEASES_ASSET]);
    expect(readScenarioReleases(String(emitted[0]?.source), RELEASES_ASSET).ok).toBe(true);
    expect(watched.filter((f) => f.includes('/released/')).length).toBeGreaterThan(10);
    const { code, emitted: again } = await build('virtual:scenario-releases');
    expect(code).toBe(`export default ${JSON.stringify(RELEASES_ASSET)};`);
    expect(again).toEqual([]);
  });

  it('stop the build when a released file cannot be read, naming the file and why', async () => {
    const dir = copyOfScenarios();
    writeFileSync(join(dir, 'released', 'cut.json'), '{"format":');
    await expect(compileScenarioReleases(dir)).rejects.toThrow(
      /scenarios\/released\/cut\.json: The file is not valid JSON/,
    );
  });

  it('are served afresh by the dev server, and a released file that cannot be read is said, not hung on', async () => {
    const dir = copyOfScenarios();
    const { ask, logged } = devServer(dir);
    const good = await ask(`/${RELEASES_ASSET}`);
    expect(good.status).toBe(200);
    expect(readScenarioReleases(good.body, RELEASES_ASSET).ok).toBe(true);
    writeFileSync(join(dir, 'released', 'cut.json'), '{"format":');
    const bad = await ask(`/${RELEASES_ASSET}`);
    expect(bad.status).toBe(500);
    expect(bad.body).toContain('cut.json');
    expect(logged).toHaveLength(1);
  });
});
