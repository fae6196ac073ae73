/**
 * The scenario versions a manager can verify with beyond the current ones, as their files would
 * arrive: a pack's released folder, a whole pack folder, single files, and among them a damaged file,
 * some other JSON, YAML sources and a version for an engine this build cannot replay, each reported in
 * plain words while the good ones still load. The versions the build ships arrive whole or not at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadReleased } from '../../../src/cli/scenarioFiles';
import { compileScenarioReleases } from '../../../src/cli/scenarioPackPlugin';
import { scenarioVersionKey } from '../../../src/core/engine/released';
import { releasedScenarioText } from '../../../src/core/pack/releasedScenarios';
import type { Scenario } from '../../../src/core/scenario/types';
import {
  loadShippedVersions,
  mergeVersions,
  readVersionFiles,
  type VersionFile,
} from '../../../src/manager/scenarioVersions';
import { loadStarterPack } from '../../support/starterPack';

/** Every file under `dir`, as a browser hands over a picked folder: paths inside it, from its name down. */
function folder(dir: string): VersionFile[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return entries.map((e) => {
    const file = join(e.parentPath, e.name);
    return { name: e.name, path: join('scenarios', relative(dir, file)), text: readFileSync(file, 'utf8') };
  });
}

const keys = (scenarios: readonly Scenario[]) => scenarios.map(scenarioVersionKey).sort();

describe('a pack folder a manager loads', () => {
  it('gives every released version in it, when its released folder is loaded', async () => {
    const { released } = await loadReleased('scenarios');
    const read = readVersionFiles(
      folder('scenarios/released').map((f) => ({ ...f, path: f.path?.replace('scenarios/', 'released/') })),
    );
    expect(read.problems).toEqual([]);
    expect(read.scenarios.length).toBeGreaterThan(30);
    expect(keys(read.scenarios)).toEqual(keys(released.map((r) => r.scenario)));
  });

  it('reads only the released folder of a whole pack, and says once that its YAML files were skipped', () => {
    const files = folder('scenarios');
    const yaml = files.filter((f) => /\.ya?ml$/.test(f.name)).length;
    const read = readVersionFiles(files);
    expect(read.scenarios.length).toBe(readdirSync('scenarios/released').length);
    expect(read.problems).toEqual([
      { file: 'scenarios', message: expect.stringContaining(`${yaml} YAML files were skipped`) },
    ]);
    expect(read.problems[0]?.message).toContain('npm run release:scenarios');
  });

  it('tells a manager who loads scenario sources alone to release them first, once for all of them', () => {
    const read = readVersionFiles([
      { name: 'a.yaml', path: 'my-pack/level-1/a.yaml', text: 'id: a' },
      { name: 'b.yaml', path: 'my-pack/level-1/b.yaml', text: 'id: b' },
      { name: 'pack.yaml', path: 'my-pack/pack.yaml', text: 'name: mine' },
    ]);
    expect(read.scenarios).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ file: 'my-pack' });
    expect(read.problems[0]?.message).toMatch(
      /^3 YAML files were skipped: this page cannot read scenario files/,
    );
    expect(read.problems[0]?.message).toContain('`npm run release:scenarios`');
  });

  it('reports each file that is not a playable released version in plain words, and keeps the good ones', () => {
    const scenario = loadStarterPack().scenarios[0] as Scenario;
    const good = releasedScenarioText(scenario);
    const old = JSON.parse(good);
    old.engineVersion = '0.0.1';
    old.scenario.contentHash = '0'.repeat(64);
    const read = readVersionFiles([
      { name: 'good.json', text: good },
      { name: 'cut.json', text: good.slice(0, 200) },
      { name: 'damaged.json', text: good.replace(/"contentHash":"[0-9a-f]+"/, '"contentHash":"nope"') },
      { name: 'scorecard.json', text: '{"format":"escalation-desk/scorecard"}' },
      { name: 'old.json', text: JSON.stringify(old) },
      { name: 'notes.txt', text: 'hello' },
      { name: 'one.yaml', text: 'id: one' },
      { name: '.DS_Store', text: '' },
    ]);
    expect(keys(read.scenarios)).toEqual([scenarioVersionKey(scenario)]);
    expect(read.problems).toEqual([
      { file: 'cut.json', message: expect.stringContaining('not valid JSON') },
      { file: 'damaged.json', message: expect.stringContaining('damaged') },
      { file: 'scorecard.json', message: expect.stringContaining('not a released scenario') },
      {
        file: 'old.json',
        message: 'This version was made for engine 0.0.1, which this build cannot replay.',
      },
      { file: 'notes.txt', message: expect.stringContaining('not a released scenario') },
      { file: 'one.yaml', message: expect.stringMatching(/^1 YAML file was skipped/) },
    ]);
  });

  it('gives a version loaded twice once', () => {
    const text = releasedScenarioText(loadStarterPack().scenarios[0] as Scenario);
    const read = readVersionFiles([
      { name: 'a.json', text },
      { name: 'a.json', path: 'copy/a.json', text },
    ]);
    expect(read.scenarios).toHaveLength(1);
    expect(read.problems).toEqual([]);
  });
});

describe('merging scenario versions', () => {
  it('keeps each version once, the one held first', async () => {
    const current = loadStarterPack().scenarios;
    const { released } = await loadReleased('scenarios');
    const more = released.map((r) => r.scenario);
    const merged = mergeVersions(current, more);
    expect(new Set(merged.map(scenarioVersionKey)).size).toBe(merged.length);
    expect(merged.length).toBe(more.length);
    expect(merged.slice(0, current.length)).toEqual(current);
    for (const scenario of current) expect(merged).toContain(scenario);
    expect(mergeVersions(merged, merged)).toEqual(merged);
  });
});

describe('the versions the build ships', () => {
  afterEach(() => vi.unstubAllGlobals());
  const serve = (status: number, body: string) =>
    vi.stubGlobal('fetch', async () => new Response(body, { status }));

  it('arrive as the build wrote them', async () => {
    const { json } = await compileScenarioReleases();
    serve(200, json);
    const shipped = await loadShippedVersions('scenario-releases.json');
    expect(keys(shipped)).toEqual(keys(JSON.parse(json).scenarios));
    expect(shipped.length).toBeGreaterThan(0);
  });

  it('fail with a plain error when missing, not JSON, or something else', async () => {
    serve(404, 'Not found');
    await expect(loadShippedVersions('x.json')).rejects.toThrow(
      'The earlier scenario versions could not be loaded (HTTP 404).',
    );
    serve(200, '<html>');
    await expect(loadShippedVersions('x.json')).rejects.toThrow(/could not be read: .*not valid JSON/);
    serve(200, '{"format":"escalation-desk/scenario-releases","version":1,"scenarios":[{}]}');
    await expect(loadShippedVersions('x.json')).rejects.toThrow(/damaged/);
  });
});
