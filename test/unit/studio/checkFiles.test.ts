/**
 * The studio worker's logic, without a worker: checking open files together against a shipped library,
 * running playthroughs, and the message handling the worker does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../../src/core/scenario/compilePack';
import { compileScenario } from '../../../src/core/scenario/compileScenario';
import {
  CheckMemo,
  checkOpenFiles,
  handleStudioMessage,
  runOpenPlaythroughs,
  type ShippedLibrary,
  type StudioWorkerState,
} from '../../../src/studio/checkFiles';

const SCENARIO = 'scenarios/level-1/free-delivery-forty-or-fifty.yaml';
const PLAYTHROUGH = 'scenarios/level-1/free-delivery-forty-or-fifty.handled-well.playthrough.yaml';
const scenarioText = readFileSync(SCENARIO, 'utf8');
const playthroughText = readFileSync(PLAYTHROUGH, 'utf8');

function shippedLibrary(): ShippedLibrary {
  const pack = compilePack(readFileSync('scenarios/pack.yaml', 'utf8'), 'scenarios/pack.yaml');
  if (!pack.ok) throw new Error('the shipped pack compiles');
  const scenario = compileScenario(scenarioText, { file: SCENARIO, pack: pack.value });
  if (!scenario.ok) throw new Error('the shipped scenario compiles');
  return { pack: pack.value, scenarios: [scenario.value.scenario], shifts: [] };
}
const shipped = shippedLibrary();

describe('checkOpenFiles', () => {
  it('finds no error in a shipped scenario and its playthrough, and knows where each beat is', () => {
    const check = checkOpenFiles(
      [
        { name: 'free-delivery-forty-or-fifty.yaml', text: scenarioText },
        { name: 'free-delivery-forty-or-fifty.handled-well.playthrough.yaml', text: playthroughText },
      ],
      shipped,
    );
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.scenarios).toHaveLength(1);
    const lines = scenarioText.split('\n');
    const opening = check.scenarios[0]?.beatLines.opening ?? 0;
    expect(lines[opening - 1]).toMatch(/- id: opening/);
  });

  it('locates an error typed into the scenario at its line', () => {
    const broken = scenarioText.replace('channel: social', 'channel: pigeon');
    const line = broken.split('\n').findIndex((l) => l.includes('pigeon')) + 1;
    const check = checkOpenFiles([{ name: 'draft.yaml', text: broken }], shipped);
    expect(
      check.problems.some((p) => p.file === 'draft.yaml' && p.line === line && p.severity === 'error'),
    ).toBe(true);
    expect(check.scenarios).toEqual([]);
  });

  it("reports a new scenario's own errors, not a second one on its playthrough", () => {
    const draft = scenarioText
      .replace('id: free-delivery-forty-or-fifty', 'id: my-draft')
      .replace('channel: social', 'channel: pigeon');
    const check = checkOpenFiles(
      [
        { name: 'my-draft.yaml', text: draft },
        {
          name: 'my-draft.well.playthrough.yaml',
          text: playthroughText.replace(/^scenario: .*$/m, 'scenario: my-draft'),
        },
      ],
      shipped,
    );
    expect(check.problems.filter((p) => p.severity === 'error').map((p) => `${p.file} ${p.code}`)).toEqual([
      'my-draft.yaml invalid-value',
    ]);
    // A playthrough of a scenario no open or shipped file has is still reported.
    const lost = checkOpenFiles(
      [{ name: 'x.playthrough.yaml', text: playthroughText.replace(/^scenario: .*$/m, 'scenario: nowhere') }],
      shipped,
    );
    expect(lost.problems.map((p) => p.code)).toContain('unknown-scenario');
  });

  it('checks against an opened pack.yaml instead of the shipped pack', () => {
    const packText = readFileSync('scenarios/pack.yaml', 'utf8');
    const withoutTopic = packText.replace(/ {2}- id: orders-and-products\n.*\n/, '');
    expect(withoutTopic).not.toBe(packText);
    const scenario = { name: 'level-1/free-delivery-forty-or-fifty.yaml', text: scenarioText };
    const errors = (pack: string) =>
      checkOpenFiles([{ name: 'pack.yaml', text: pack }, scenario], shipped).problems.filter(
        (p) => p.severity === 'error',
      );
    expect(errors(packText)).toEqual([]);
    const topicLine = scenarioText.split('\n').indexOf('topic: orders-and-products') + 1;
    expect(errors(withoutTopic).map((p) => [p.file, p.line])).toEqual([[scenario.name, topicLine]]);
    expect(errors('id: [').map((p) => p.file)).toEqual(['pack.yaml']);
  });

  it("checks a playthrough's scenario against the open files", () => {
    const other = playthroughText.replace(
      'scenario: free-delivery-forty-or-fifty',
      'scenario: no-such-scenario',
    );
    const check = checkOpenFiles([{ name: 'x.handled-well.playthrough.yaml', text: other }], shipped);
    expect(check.problems.map((p) => [p.code, p.line])).toContainEqual(['unknown-scenario', 6]);
  });
});

describe('checking again with what the last check compiled', () => {
  it("re-checks a playthrough when the scenario it names changes, and keeps an untouched file's result", () => {
    const memo = new CheckMemo();
    const scenario = { name: 'free-delivery-forty-or-fifty.yaml', text: scenarioText };
    const playthrough = { name: 'well.playthrough.yaml', text: playthroughText };
    expect(checkOpenFiles([scenario, playthrough], shipped, memo).problems).toEqual([]);
    const renamed = {
      ...scenario,
      text: scenarioText.replace('id: free-delivery-forty-or-fifty', 'id: free-delivery-renamed'),
    };
    // The shipped scenario of the old id is still there, so the playthrough still finds it...
    const errors = (files: Parameters<typeof checkOpenFiles>[0], library: ShippedLibrary) =>
      checkOpenFiles(files, library, memo)
        .problems.filter((p) => p.severity === 'error')
        .map((p) => p.code);
    expect(errors([renamed, playthrough], shipped)).toEqual([]);
    // ...but with no shipped copy, the rename leaves the playthrough naming a scenario that is gone.
    const bare = { ...shipped, scenarios: [] };
    expect(errors([scenario, playthrough], bare)).toEqual([]);
    expect(errors([renamed, playthrough], bare)).toEqual(['unknown-scenario']);
    const first = memo.scenario(renamed, shipped.pack);
    expect(memo.scenario(renamed, shipped.pack)).toBe(first);
  });
});

describe('runOpenPlaythroughs', () => {
  it('passes a shipped playthrough against its shipped scenario', () => {
    const [outcome] = runOpenPlaythroughs(
      [{ name: 'well.playthrough.yaml', text: playthroughText }],
      shipped,
    );
    expect(outcome).toMatchObject({ passed: true, failures: [] });
  });

  it('fails with the located line when the expected ending is wrong', () => {
    const wrong = playthroughText.replace('  ending: satisfied', '  ending: upset');
    const line = wrong.split('\n').indexOf('  ending: upset') + 1;
    const [outcome] = runOpenPlaythroughs([{ name: 'well.playthrough.yaml', text: wrong }], shipped);
    expect(outcome?.passed).toBe(false);
    expect(outcome?.failures.map((f) => f.line)).toContain(line);
  });

  it('plays against the edited scenario, not the shipped one, when it is open', () => {
    const edited = scenarioText.replace('en: Perfect, €40 it is.', 'en: Perfect, forty it is.');
    const outcomes = runOpenPlaythroughs(
      [
        { name: 'free-delivery-forty-or-fifty.yaml', text: edited },
        { name: 'well.playthrough.yaml', text: playthroughText },
      ],
      shipped,
    );
    expect(edited).not.toBe(scenarioText);
    expect(outcomes[0]?.passed).toBe(false);
  });
});

describe('handleStudioMessage', () => {
  it('answers failed until the library arrives, then checks and runs', () => {
    const state: StudioWorkerState = { library: null };
    const files = [{ name: 'well.playthrough.yaml', text: playthroughText }];
    expect(handleStudioMessage(state, { kind: 'check', id: 1, files })).toMatchObject({
      kind: 'failed',
      id: 1,
    });
    expect(handleStudioMessage(state, { kind: 'library', library: shipped })).toBeNull();
    expect(handleStudioMessage(state, { kind: 'check', id: 2, files })).toMatchObject({
      kind: 'checked',
      id: 2,
      check: { problems: [] },
    });
    expect(handleStudioMessage(state, { kind: 'run', id: 3, files })).toMatchObject({
      kind: 'ran',
      id: 3,
      outcomes: [{ passed: true }],
    });
  });
});
