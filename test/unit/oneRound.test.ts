/**
 * Every problem in one round: a file the format refuses is still checked for references, translations
 * and triggers, and the repair that lets those checks run reports nothing of its own. The extremes
 * asserted: one format mistake gives exactly one problem; mistakes of every stage together all come
 * back from one compile, each at its own line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePack, compileScenario, compileShift, type Pack, type Problem } from '../../src/core';
import { repairAgainst } from '../../src/core/scenario/repairAgainst';
import { ScenarioFileSchema } from '../../src/core/scenario/schema';

const packResult = compilePack(readFileSync('scenarios/pack.yaml', 'utf8'), 'scenarios/pack.yaml');
if (!packResult.ok) throw new Error('The shipped pack must compile');
const pack: Pack = packResult.value;
const FILE = 'app-closes-on-use-photo.yaml';
const shipped = readFileSync(`scenarios/level-1/${FILE}`, 'utf8');
const lines = shipped.split('\n');

/** The shipped text with whole lines replaced: 1-based line number → the line's new text. */
function edited(changes: Record<number, string>): string {
  return lines.map((line, index) => changes[index + 1] ?? line).join('\n');
}
function lineOf(pattern: RegExp, after = 0): number {
  const index = lines.findIndex((line, i) => i >= after && pattern.test(line));
  if (index < 0) throw new Error(`No line matches ${pattern}`);
  return index + 1;
}
const brief = (problems: readonly Problem[]) => problems.map((p) => `${p.code} ${p.line}`);

const channel = lineOf(/^channel: phone$/);
const lookup = lineOf(/^ {4}reveal: lookup$/);
const titleEn = lineOf(/^ {2}en: The app closes/);
const firstGo = lineOf(/^ {8}go: reinstall-again$/);
const walkingId = lineOf(/^ {2}- id: walking-through$/);

describe('a scenario with problems of every stage', () => {
  it('reports the format, the references and the translations in one compile, in line order', () => {
    const text = edited({
      [channel]: 'channel: sms',
      [lookup]: '    reveal: look-up',
      [titleEn + 1]: '  # the Spanish title is still to come',
      [firstGo]: '        go: reinstall-agian',
    });
    const result = compileScenario(text, { file: FILE, pack });
    expect(result.ok).toBe(false);
    expect(brief(result.problems)).toEqual([
      `missing-translation ${titleEn}`,
      `invalid-value ${channel}`,
      `invalid-value ${lookup}`,
      `unknown-beat ${firstGo}`,
    ]);
    expect(result.problems.find((p) => p.code === 'unknown-beat')?.message).toContain(
      'Did you mean `reinstall-again`?',
    );
  });

  it('keeps a refused beat id in the form ids take, so the beats that name it are not reported too', () => {
    const text = edited({ [walkingId]: '  - id: Walking Through' });
    const result = compileScenario(text, { file: FILE, pack });
    expect(brief(result.problems)).toEqual([`invalid-value ${walkingId}`]);
  });
});

describe('one format mistake gives exactly one problem, never its echoes', () => {
  const cases: [string, Record<number, string>, string][] = [
    ['a channel outside the list', { [channel]: 'channel: sms' }, `invalid-value ${channel}`],
    ['a reveal outside the list', { [lookup]: '    reveal: look-up' }, `invalid-value ${lookup}`],
    ['a beat id with spaces', { [walkingId]: '  - id: Walking Through' }, `invalid-value ${walkingId}`],
    [
      'an unknown field in a transition',
      { [firstGo]: '        goto: reinstall-again' },
      `unknown-field ${firstGo}`,
    ],
    [
      'traits out of range',
      { [lineOf(/^ {2}traits:/)]: '  traits: { patience: 3, volatility: 0.6, trust: 0.6 }' },
      `out-of-range ${lineOf(/^ {2}traits:/)}`,
    ],
    [
      'a level that is not a number or tier',
      { [lineOf(/^level: 1$/)]: 'level: [1]' },
      `invalid-value ${lineOf(/^level: 1$/)}`,
    ],
  ];
  for (const [name, change, expected] of cases) {
    it(name, () => {
      const result = compileScenario(edited(change), { file: FILE, pack });
      expect(brief(result.problems)).toEqual([expected]);
    });
  }
});

describe('the repair', () => {
  it('never changes the value it was given, and gives the same repair every time', () => {
    const raw = { id: 'Bad Id', beats: 'none', extra: 1 };
    const before = JSON.stringify(raw);
    const first = repairAgainst(ScenarioFileSchema, raw);
    expect(JSON.stringify(raw)).toBe(before);
    expect(JSON.stringify(repairAgainst(ScenarioFileSchema, raw))).toBe(JSON.stringify(first));
  });

  it('gives up on a file that is not a map of fields, which then has its format problem alone', () => {
    expect(repairAgainst(ScenarioFileSchema, ['a', 'list'])).toBeNull();
    const result = compileScenario('- a\n- list\n', { file: 'list.yaml', pack });
    expect(brief(result.problems)).toEqual(['wrong-type 1']);
  });
});

describe('a shift with problems of both stages', () => {
  it('reports an unknown field and a scenario the pack lacks together', () => {
    const scenario = compileScenario(shipped, { file: FILE, pack });
    if (!scenario.ok) throw new Error('The shipped scenario must compile');
    const text = [
      'id: monday',
      'title: { en: Monday, es: Lunes }',
      'lenght: 30m',
      'contacts:',
      '  - { scenario: app-closes-on-use-photo, at: 0s }',
      '  - { scenario: no-such-scenario, at: 5m }',
    ].join('\n');
    const result = compileShift(text, {
      file: 'monday.shift.yaml',
      scenarios: [scenario.value.scenario],
      pack,
    });
    expect(brief(result.problems)).toEqual(['unknown-field 3', 'unknown-scenario 6']);
  });
});

describe('YAML slips a trainer makes', () => {
  const says = lineOf(/^ {6}en: Hi, yeah. Your app keeps shutting/);
  it.each([
    [
      'a colon inside a text',
      { [says]: `${lines[says - 1]} Order number: 4471` },
      /put the whole text in quotes/,
    ],
    ['a line indented one space too far', { [says + 1]: ` ${lines[says] ?? ''}` }, /line it up/],
    ['a tab for indentation', { [says]: `\t${lines[says - 1]?.trimStart()}` }, /spaces, not tabs/],
  ])('%s: one problem, saying how to fix it', (_, change, fix) => {
    const result = compileScenario(edited(change), { file: FILE, pack });
    expect(result.problems.map((p) => p.code)).toEqual(['yaml-syntax']);
    expect(result.problems[0]?.message).toMatch(fix);
    expect(Math.abs((result.problems[0]?.line ?? 0) - says)).toBeLessThanOrEqual(1);
  });
});
