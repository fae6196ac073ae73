/**
 * The trainer's commands on files anywhere: `explore` and `simulate` compile a file in the nearest
 * pack.yaml above it (or the one `--pack` names), inside the project or out; `simulate` plays a
 * playthrough whose own scenarios compile whatever its neighbours' errors, listing those as a note;
 * and its tips are sentences in the language asked for, never rubric keys. Run in-process.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findScenario, loadPackAround, packFileFor } from '../../src/cli/scenarioFiles';
import { simulate } from '../../src/cli/simulate';
import { tipWording } from '../../src/cli/tipWording';
import { formatRun } from '../../src/core/playthrough/formatRun';
import { runPlaythrough } from '../../src/core/playthrough/runPlaythrough';
import en from '../../src/game/locales/en.json';
import es from '../../src/game/locales/es.json';

const FIVE = 'test/fixtures/five-tier';
const SHORT = 'contract-exception.one-tier-short.playthrough.yaml';

/** A copy of the five-tier pack outside the project, `smoke-from-charger` moved into a subfolder. */
function packElsewhere(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'trainer-')), 'my-pack');
  cpSync(FIVE, dir, { recursive: true });
  mkdirSync(join(dir, 'crises'));
  renameSync(join(dir, 'smoke-from-charger.yaml'), join(dir, 'crises', 'smoke-from-charger.yaml'));
  return dir;
}

/** A scenario whose only error is a `go` to a beat that does not exist (line 12). */
const BROKEN = readFileSync('test/fixtures/problems/unknown-beat.yaml', 'utf8');

async function simulated(...args: string[]) {
  let out = '';
  const err: string[] = [];
  const code = await simulate(args, { out: (text) => (out += text), err: (line) => err.push(line) });
  return { code, out, err: err.join('\n') };
}

describe('finding the pack', () => {
  it('walks up from a file outside the project to the nearest pack.yaml', async () => {
    const dir = packElsewhere();
    const file = join(dir, 'crises', 'smoke-from-charger.yaml');
    const found = await packFileFor(file);
    expect(found).toMatchObject({ ok: true, value: join(dir, 'pack.yaml') });
    const check = await loadPackAround(file);
    expect(check.pack.tiers).toHaveLength(5);
    expect(check.scenarios.map((s) => s.id).sort()).toEqual([
      'bakery-bags-split',
      'contract-exception',
      'scooter-battery-fire',
      'smoke-from-charger',
    ]);
  });

  it('takes --pack as the pack.yaml or its folder, and says what to give when it names neither', async () => {
    const dir = packElsewhere();
    expect(await packFileFor('anything.yaml', dir)).toMatchObject({
      ok: true,
      value: join(dir, 'pack.yaml'),
    });
    expect(await packFileFor('anything.yaml', join(dir, 'pack.yaml'))).toMatchObject({
      ok: true,
      value: join(dir, 'pack.yaml'),
    });
    const missing = await packFileFor('anything.yaml', join(dir, 'crises'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.problems[0]).toMatchObject({ code: 'file-unreadable', file: join(dir, 'crises') });
      expect(missing.problems[0]?.message).toMatch(/Give --pack a pack\.yaml or the folder that holds one/);
    }
  });

  it('compiles a lone scenario file in the pack --pack names', async () => {
    const lone = mkdtempSync(join(tmpdir(), 'lone-'));
    const file = join(lone, 'fleet-exit.yaml');
    const text = readFileSync(join(FIVE, 'contract-exception.yaml'), 'utf8');
    writeFileSync(file, text.replace('id: contract-exception', 'id: fleet-exit'));
    const found = await findScenario(file, FIVE);
    expect(found.ok && found.value.scenario.tiers.length).toBe(5);
    expect(found.ok && found.value.scenario.file).toBe(file);
  });
});

describe('explore finds its scenario', () => {
  it('by id in the pack --pack names, outside scenarios/', async () => {
    const dir = packElsewhere();
    const found = await findScenario('smoke-from-charger', dir);
    expect(found.ok && found.value.scenario.file).toBe(join(dir, 'crises', 'smoke-from-charger.yaml'));
  });

  it('by id in scenarios/ without --pack, as before', async () => {
    const found = await findScenario('locked-out-before-payroll');
    expect(found.ok && found.value.scenario.file).toBe('scenarios/level-1/locked-out-before-payroll.yaml');
  });

  it('says how to name a scenario it cannot find, after the errors that may be why', async () => {
    const dir = packElsewhere();
    writeFileSync(join(dir, 'unknown-beat.yaml'), BROKEN);
    const found = await findScenario('unknown-beat', dir);
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.problems.map((p) => [p.code, p.line])).toEqual([
      ['unknown-beat', 12],
      ['unknown-scenario', 1],
    ]);
    expect(found.problems[1]?.message).toMatch(
      /No scenario unknown-beat compiled in .*pack\.yaml \(see the errors above\)\. Give the scenario’s file, or --pack/,
    );
  });
});

describe('simulate', () => {
  it('plays a playthrough whose scenario compiles, listing a neighbour’s errors as a note', async () => {
    const dir = packElsewhere();
    writeFileSync(join(dir, 'unknown-beat.yaml'), BROKEN);
    const played = await simulated(join(dir, SHORT));
    expect(played.code).toBe(0);
    expect(played.out).toMatch(/Checks {7}2 passed, 0 failed/);
    expect(played.err).toContain(
      'Note: 1 error in other files of the pack, which this playthrough does not play:',
    );
    expect(played.err).toContain(`${join(dir, 'unknown-beat.yaml')}:12:13: error unknown-beat`);
  });

  it('refuses a playthrough whose own scenario has an error, showing it first', async () => {
    const dir = packElsewhere();
    writeFileSync(
      join(dir, 'contract-exception.yaml'),
      BROKEN.replace('id: unknown-beat', 'id: contract-exception'),
    );
    const played = await simulated(join(dir, SHORT));
    expect(played.code).toBe(1);
    expect(played.out.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/contract-exception\.yaml:12:13: error unknown-beat /),
      expect.stringMatching(/one-tier-short\.playthrough\.yaml:\d+:\d+: error unknown-scenario /),
    ]);
  });

  it('refuses when the pack.yaml itself has an error, rather than play on the default ladder', async () => {
    const dir = packElsewhere();
    writeFileSync(join(dir, 'pack.yaml'), `${readFileSync(join(dir, 'pack.yaml'), 'utf8')}\nnonsense: 1\n`);
    const played = await simulated(join(dir, SHORT));
    expect(played.code).toBe(1);
    expect(played.out).toMatch(/pack\.yaml:\d+:\d+: error unknown-field/);
  });

  it('plays a playthrough kept away from its pack with --pack', async () => {
    const away = mkdtempSync(join(tmpdir(), 'away-'));
    cpSync(join(FIVE, SHORT), join(away, SHORT));
    const without = await simulated(join(away, SHORT));
    expect(without.code).toBe(1);
    expect(without.out).toMatch(/error unknown-scenario There is no scenario `contract-exception`/);
    const played = await simulated(join(away, SHORT), '--pack', FIVE);
    expect(played.code).toBe(0);
    expect((await simulated(join(away, SHORT), '--pack')).code).toBe(2);
  });

  it('prints each tip as its sentence, in --language or the playthrough’s own language', async () => {
    const file = join(FIVE, SHORT);
    const english = await simulated(file);
    const tips = english.out.split('\n').filter((l) => l.startsWith('Tip'));
    expect(tips.length).toBeGreaterThan(0);
    for (const tip of tips) expect(tip).not.toMatch(/: [a-z_]+\.[\w.-]+$/);
    expect(english.out).toContain(
      `Tip          problem solving: ${en.scorecard.tips['problem_solving.unfinished']}`,
    );
    const spanish = await simulated(file, '--language', 'es');
    expect(spanish.out).toContain(
      `Tip          problem solving: ${es.scorecard.tips['problem_solving.unfinished']}`,
    );
    const es2 = 'scenarios/level-1/locked-out-before-payroll.promise-broken.es.playthrough.yaml';
    const own = await simulated(es2);
    const ownTips = own.out.split('\n').filter((l) => l.startsWith('Tip'));
    expect(ownTips.length).toBeGreaterThan(0);
    // Each is one of the Spanish sentences, its values ({{fact}}, {{words}}) filled in.
    const spanishTips = Object.values(es.scorecard.tips).map(
      (t) => new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{\w+\}\}/g, '.+')}$`),
    );
    for (const tip of ownTips) {
      const sentence = tip.replace(/^Tip {10}[^:]+: /, '');
      expect(
        spanishTips.some((t) => t.test(sentence)),
        sentence,
      ).toBe(true);
    }
    expect(own.out).toContain('Pregunte o consulte lo que aún no sabe: Motivo del bloqueo.');
    expect((await simulated(file, '--language', 'fr')).err).toMatch(/--language must be one of en, es/);
  });

  it('prints what formatRun prints with the same wording, so the command and the code agree', async () => {
    const file = join(FIVE, SHORT);
    const check = await loadPackAround(file);
    const run = runPlaythrough(readFileSync(file, 'utf8'), { file, ...check });
    if (!run.ok) throw new Error(run.problems[0]?.message);
    expect((await simulated(file)).out).toBe(
      formatRun(run.value, { tipText: await tipWording(run.value, 'en') }),
    );
  });
});
