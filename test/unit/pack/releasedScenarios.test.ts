/**
 * Released scenario versions: every scenario the game ships is released, compiled exactly as it is
 * now; a scorecard made before a trainer edited a scenario still verifies against the released
 * version; and `npm run release:scenarios` writes new versions, keeps old ones (those compiled for an
 * earlier engine this build still plays too), and drops those this build cannot replay.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseScenarios } from '../../../src/cli/releaseScenarios';
import { loadReleased } from '../../../src/cli/scenarioFiles';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { readReleasedScenario, scenariosToVerifyWith } from '../../../src/core/engine/released';
import { checkPack } from '../../../src/core/pack/checkPack';
import {
  releasedFileName,
  releasedScenarioText,
  sameCompiledScenario,
} from '../../../src/core/pack/releasedScenarios';
import { verdictOf, verifyScorecard } from '../../../src/core/scoring/verifyScorecard';
import { playedScorecard } from '../../support/playedScorecard';
import { loadStarterPack, scenarioFiles } from '../../support/starterPack';

const FILE = 'scenarios/level-2/charged-twice-in-public.handled-well.playthrough.yaml';
const EDITED = 'scenarios/level-2/charged-twice-in-public.yaml';

describe('released scenarios', () => {
  it('hold every shipped scenario, compiled exactly as it compiles now (else run npm run release:scenarios)', async () => {
    const { released, problems } = await loadReleased('scenarios');
    expect(problems).toEqual([]);
    for (const scenario of loadStarterPack().scenarios) {
      const found = released.find((r) => releasedFileName(r.scenario) === releasedFileName(scenario));
      expect(found, `${scenario.id} is not released`).toBeDefined();
      expect(
        found && sameCompiledScenario(found.scenario, scenario),
        `${scenario.id} compiles differently`,
      ).toBe(true);
    }
  });

  it('let a scorecard made before a scenario was edited verify against the version it was played on', async () => {
    const card = playedScorecard(FILE);
    const pack = loadStarterPack();
    // A trainer's later edit that changes how the case is scored: it now needs level 3.
    const read = (file: string) => ({
      file,
      text:
        file === EDITED
          ? readFileSync(file, 'utf8').replace(/^level: 2$/m, 'level: 3')
          : readFileSync(file, 'utf8'),
    });
    const edited = checkPack({
      pack: read('scenarios/pack.yaml'),
      scenarios: scenarioFiles().map(read),
      explore: false,
    });
    const now = edited.scenarios.find((s) => s.id === 'charged-twice-in-public');
    expect(now?.level).toBe(3);
    expect(edited.scenarios.length).toBe(pack.scenarios.length);
    const options = { analyser: lexiconAnalyser };
    expect(verdictOf(verifyScorecard(card, edited.scenarios, options))).toBe('scenario-unavailable');
    const { released } = await loadReleased('scenarios');
    // Released versions sit beside the edited one, every one with the same id and pack: the card is
    // replayed and scored on exactly the version it names, in whatever order they come.
    const withReleases = scenariosToVerifyWith(edited.scenarios, released);
    expect(verdictOf(verifyScorecard(card, withReleases, options))).toBe('verified');
    expect(verdictOf(verifyScorecard(card, [...withReleases].reverse(), options))).toBe('verified');
    // The card was scored for the level the case needed when it was played.
    expect(card.score.contacts[0]?.dimensions.tier.evidence[0]?.params).toMatchObject({ needed: 2 });
  });

  it('are refused when damaged, with the file named', () => {
    expect(readReleasedScenario('{', 'x.json')).toMatchObject({ ok: false, problems: [{ file: 'x.json' }] });
    expect(readReleasedScenario('{"format":"other"}', 'x.json').ok).toBe(false);
    const text = releasedScenarioText(loadStarterPack().scenarios[0] as never);
    const damaged = text.replace(/"contentHash":"[0-9a-f]+"/, '"contentHash":"nope"');
    expect(readReleasedScenario(damaged, 'x.json').ok).toBe(false);
    expect(readReleasedScenario(text, 'x.json').ok).toBe(true);
  });
});

describe('npm run release:scenarios', () => {
  it('writes new versions, keeps released ones, and drops those compiled for an engine no longer played', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-'));
    cpSync('scenarios', dir, { recursive: true, filter: (path) => !path.includes('released') });
    const first = await releaseScenarios(dir);
    expect(first.problems).toEqual([]);
    expect(first.written).toHaveLength(loadStarterPack().scenarios.length);
    expect((await releaseScenarios(dir)).written).toEqual([]);

    const stale = join(dir, 'released', 'gone.000000000000.000000000000.json');
    const text = JSON.parse(releasedScenarioText(loadStarterPack().scenarios[0] as never));
    text.engineVersion = '0.0.1';
    text.scenario.id = 'gone';
    text.scenario.contentHash = '0'.repeat(64);
    text.scenario.packHash = '0'.repeat(64);
    writeFileSync(stale, JSON.stringify(text));
    const earlier = join(dir, 'released', 'earlier.111111111111.111111111111.json');
    Object.assign(text, { engineVersion: '7.0.0' });
    Object.assign(text.scenario, { id: 'earlier', contentHash: '1'.repeat(64), packHash: '1'.repeat(64) });
    writeFileSync(earlier, JSON.stringify(text));
    const edited = join(dir, 'level-1', 'locked-out-before-payroll.yaml');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}# edited\n`);
    const second = await releaseScenarios(dir);
    expect(second.written).toEqual([expect.stringMatching(/^locked-out-before-payroll\./)]);
    expect(second.removed).toEqual(['gone.000000000000.000000000000.json']);
    const names = readdirSync(join(dir, 'released'));
    expect(names.filter((n) => n.startsWith('locked-out-before-payroll.'))).toHaveLength(2);
    expect(names).toContain('earlier.111111111111.111111111111.json');
  });
});
