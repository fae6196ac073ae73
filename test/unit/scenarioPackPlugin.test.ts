/**
 * The build-time scenario library: the game gets exactly what the checker compiles (same scenarios,
 * same content hashes, so saves and scorecards name the same versions), with project-relative paths,
 * written beside the game as scenario-pack.json; the build watches every scenario file.
 */
import { describe, expect, it } from 'vitest';
import { compileScenarioPack, PACK_ASSET, scenarioPackPlugin } from '../../src/cli/scenarioPackPlugin';
import type { PackCheck } from '../../src/core';
import { canonicalJson } from '../../src/core/canonicalJson';
import { packFromDownload } from '../../src/core/scenario/packDownload';
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
    const plugin = scenarioPackPlugin();
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
      resolveId('virtual:scenario-pack') ?? '',
    );
    expect(code).toBe(`export default ${JSON.stringify(PACK_ASSET)};`);
    expect(emitted[0]?.fileName).toBe(PACK_ASSET);
    expect(JSON.parse(String(emitted[0]?.source)).scenarios.length).toBeGreaterThan(10);
    expect(watched.length).toBeGreaterThan(10);
  });
});
