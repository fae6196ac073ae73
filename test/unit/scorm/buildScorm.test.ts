/**
 * `npm run build:scorm12` / `build:scorm2004` as a trainer runs them: the command line read strictly,
 * a scenario or shift the pack does not have refused with the ids it does have, a build made from
 * other scenarios refused, and (once, as a command) a real package written from a small build.
 */
import { spawnSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildScorm, choosePlaying, defaultOutput, parseBuildScormArgs } from '../../../src/cli/buildScorm';
import { loadPackAround } from '../../../src/cli/scenarioFiles';
import { checkScormPackage } from '../../../src/cli/scormManifest';
import { contentHash } from '../../../src/core/contentHash';
import { writeFakeGameBuild } from '../../support/fakeGameBuild';
import { tempFolders } from '../../support/tempFolders';

const TSX = join('node_modules', '.bin', 'tsx');
const FIVE = 'test/fixtures/five-tier';
const folder = tempFolders('scorm-build');

/** A copy of the five-tier pack that passes from `mastery`, and a fake build of it. */
async function packAndBuild(mastery: string) {
  const root = await folder();
  const scenarios = join(root, 'scenarios');
  await cp(FIVE, scenarios, { recursive: true });
  const packText = `${await readFile(join(FIVE, 'pack.yaml'), 'utf8')}${mastery}`;
  await writeFile(join(scenarios, 'pack.yaml'), packText);
  const from = join(root, 'dist');
  await writeFakeGameBuild(from, { packHash: contentHash(packText), scenarios: ['contract-exception'] });
  return { root, scenarios, from };
}

describe('the command line', () => {
  it('reads what to package', () => {
    expect(
      parseBuildScormArgs(['--standard', 'scorm2004', '--shift', 'monday-morning', '--out', 'x.zip']),
    ).toEqual({ standard: 'scorm2004', shift: 'monday-morning', out: 'x.zip' });
    expect(parseBuildScormArgs(['--standard', 'scorm12'])).toEqual({ standard: 'scorm12' });
    expect(parseBuildScormArgs(['--help'])).toBe('help');
  });

  it.each([
    [['--standard', 'aicc'], /--standard must be scorm12, scorm2004, cmi5 or xapi, not aicc/],
    [[], /--standard must be/],
    [['--standard', 'scorm12', '--scenario', 'a', '--shift', 'b'], /not both/],
    [['--standard', 'scorm12', '--scenario'], /--scenario needs a value/],
    [['--standard', 'scorm12', '--lesson', 'a'], /Unknown argument --lesson/],
    [['--standard', 'scorm12', '--standard', 'scorm2004'], /given twice/],
  ])('refuses %j, saying what to change', (argv, message) => {
    expect(parseBuildScormArgs(argv)).toMatch(message);
  });

  it('names the package after the standard and what it plays', () => {
    expect(defaultOutput({ standard: 'scorm12' })).toBe(join('dist-lms', 'escalation-desk-scorm12.zip'));
    expect(defaultOutput({ standard: 'scorm2004', scenario: 'late-refund' })).toBe(
      join('dist-lms', 'escalation-desk-scorm2004-late-refund.zip'),
    );
  });
});

describe('what a package plays', () => {
  it('is refused when the pack has no such scenario or shift, listing those it has', async () => {
    const check = await loadPackAround(join(FIVE, 'pack.yaml'));
    const scenario = choosePlaying(check, { scenario: 'late-refund' });
    expect(scenario).toEqual({
      ok: false,
      problems: [
        'No scenario late-refund in the pack. Give --scenario one of: bakery-bags-split, contract-exception, scooter-battery-fire, smoke-from-charger.',
      ],
    });
    expect(choosePlaying(check, { shift: 'night' }).problems).toEqual([
      'No shift night in the pack. Give --shift one of: (none).',
    ]);
  });

  it('takes its title from the scenario, or from the pack for the whole library', async () => {
    const check = await loadPackAround(join(FIVE, 'pack.yaml'));
    const scenario = choosePlaying(check, { scenario: 'contract-exception' });
    expect(scenario.ok && scenario.value.playing).toEqual({ mode: 'practice', id: 'contract-exception' });
    expect(scenario.ok && scenario.value.title).toEqual(
      check.scenarios.find((s) => s.id === 'contract-exception')?.title,
    );
    const library = choosePlaying(check, {});
    expect(library.ok && library.value).toEqual({ playing: null, title: check.pack.title });
  });
});

describe('packaging an existing build', () => {
  it('passes from the pack’s own mastery_score', async () => {
    const { scenarios, from, root } = await packAndBuild('mastery_score: 64\n');
    const out = join(root, 'out', 'package.zip');
    const built = await buildScorm({
      standard: 'scorm12',
      scenario: 'contract-exception',
      from,
      out,
      scenarios,
    });
    expect(built.ok && built.value).toMatchObject({ file: out, entries: 7 });
    const zip = new Uint8Array(await readFile(out));
    expect(await checkScormPackage(zip, 'scorm12')).toEqual([]);
    const manifest = new TextDecoder().decode(unzipSync(zip)['imsmanifest.xml']);
    expect(manifest).toContain('<adlcp:masteryscore>64</adlcp:masteryscore>');
    expect(manifest).toContain('identifier="escalation-desk.five-tier-crisis.practice.contract-exception"');
  });

  it('is refused when the build was made from another pack.yaml', async () => {
    const { scenarios, from, root } = await packAndBuild('mastery_score: 64\n');
    await writeFile(
      join(scenarios, 'pack.yaml'),
      `${await readFile(join(scenarios, 'pack.yaml'), 'utf8')}# edited\n`,
    );
    const built = await buildScorm({ standard: 'scorm2004', from, out: join(root, 'x.zip'), scenarios });
    expect(built.ok).toBe(false);
    expect(built.problems).toEqual([
      `${from} was built with another pack.yaml than the one in scenarios/. Build the game again (npm run build) or leave out --from.`,
    ]);
  });

  it('is refused when the build lacks the scenario chosen', async () => {
    const { scenarios, from, root } = await packAndBuild('');
    const built = await buildScorm({
      standard: 'scorm12',
      scenario: 'bakery-bags-split',
      from,
      out: join(root, 'x.zip'),
      scenarios,
    });
    expect(built.problems).toEqual([
      `${from} was built without the scenario bakery-bags-split. Build the game again (npm run build) or leave out --from.`,
    ]);
  });

  it('is refused from a folder that is not a build', async () => {
    const { scenarios, root } = await packAndBuild('');
    const built = await buildScorm({ standard: 'scorm12', from: join(root, 'nowhere'), scenarios });
    expect(built.problems[0]).toMatch(/No build folder at .*nowhere\. Build the game \(npm run build\)/);
  });
});

describe('npm run build:scorm2004', () => {
  it('writes a checked package of a shipped scenario from a build, and exits 0', async () => {
    const root = await folder();
    const from = join(root, 'dist');
    const packHash = contentHash(await readFile('scenarios/pack.yaml', 'utf8'));
    await writeFakeGameBuild(from, { packHash, scenarios: ['locked-out-before-payroll'] });
    const out = join(root, 'lms.zip');
    const args = [
      '--standard',
      'scorm2004',
      '--scenario',
      'locked-out-before-payroll',
      '--from',
      from,
      '--out',
      out,
    ];
    const run = spawnSync(TSX, ['src/cli/buildScorm.ts', ...args], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^wrote .*lms\.zip \(0\.0 MiB, 7 game files; manifest checked/);
    expect(run.status).toBe(0);
    expect(await checkScormPackage(new Uint8Array(await readFile(out)), 'scorm2004')).toEqual([]);
  });
});
