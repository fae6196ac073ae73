/**
 * The build-time scenario pack: the game gets exactly what the checker compiles (same scenarios, same
 * content hashes, so saves and scorecards name the same versions), with project-relative paths, and
 * the dev server watches every scenario file.
 */
import { describe, expect, it } from 'vitest';
import { scenarioPackPlugin } from '../../src/cli/scenarioPackPlugin';
import type { PackCheck } from '../../src/core';
import { loadStarterPack } from '../support/starterPack';

async function compiled(): Promise<{ check: PackCheck; watched: string[] }> {
  const plugin = scenarioPackPlugin();
  const watched: string[] = [];
  const resolveId = plugin.resolveId as (id: string) => string | null;
  const id = resolveId('virtual:scenario-pack');
  const load = plugin.load as (this: { addWatchFile: (f: string) => void }, id: string) => Promise<string>;
  const code = await load.call({ addWatchFile: (f) => watched.push(f) }, id ?? '');
  return { check: JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as PackCheck, watched };
}

describe('virtual:scenario-pack', () => {
  it('holds the scenarios the checker compiles, with the same content hashes', async () => {
    const { check } = await compiled();
    const expected = loadStarterPack();
    expect(check.problems).toEqual([]);
    expect(check.scenarios.map((s) => [s.id, s.contentHash, s.packHash])).toEqual(
      expected.scenarios.map((s) => [s.id, s.contentHash, s.packHash]),
    );
    expect(check.shifts.map((s) => s.id)).toEqual(expected.shifts.map((s) => s.id));
  });

  it('names files relative to the project and watches each of them', async () => {
    const { check, watched } = await compiled();
    for (const scenario of check.scenarios) expect(scenario.file).toMatch(/^scenarios\//);
    expect(watched.length).toBeGreaterThanOrEqual(check.scenarios.length);
  });
});
