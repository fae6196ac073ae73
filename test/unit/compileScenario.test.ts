/**
 * The compiler on good and bad fixture files. Every problem code the compiler can report has a case
 * here, either a fixture file in test/fixtures/problems/ or a generated input, with the exact
 * problems (code, line, column) it must produce.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPack,
  compilePack,
  compileScenario,
  DEFAULT_PACK,
  MAX_PROBLEMS_PER_FILE,
  PROBLEM_CODES,
  type Problem,
} from '../../src/core';

const FIXTURES = 'test/fixtures/problems';
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}.yaml`, 'utf8');
const minimal = readFileSync('test/fixtures/good/minimal.yaml', 'utf8');
const brief = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.severity} ${p.code} ${p.line}:${p.col}`);

/** Fixture file → every problem it must produce, in order. */
const EXPECTED: Record<string, string[]> = {
  'yaml-syntax': ['error yaml-syntax 6:1'],
  'yaml-warning': ['error yaml-warning 1:1'],
  'multiple-documents': ['error multiple-documents 15:1'],
  'duplicate-key': ['error duplicate-key 5:1'],
  'yaml-anchor': ['error yaml-anchor 3:11'],
  'yaml-tag': ['error yaml-tag 2:16'],
  'forbidden-key': ['error forbidden-key 6:23'],
  'missing-field': ['error missing-field 1:1'],
  'unknown-field': ['error unknown-field 5:1'],
  'wrong-type': ['error wrong-type 2:10'],
  'invalid-value': ['error invalid-value 5:10'],
  'out-of-range': ['error out-of-range 6:43'],
  'invalid-duration': ['error invalid-duration 11:17'],
  'duplicate-id': ['error duplicate-id 13:9'],
  'unknown-beat': ['error unknown-beat 12:13'],
  'unknown-fact': ['error unknown-fact 11:19'],
  'unknown-choice': ['error unknown-choice 11:17'],
  'unknown-tier': ['error unknown-tier 11:20'],
  'tier-outside-ladder': ['error tier-outside-ladder 4:8'],
  'unknown-language': ['error unknown-language 9:31'],
  'missing-translation': ['error missing-translation 9:11'],
  'no-trigger': ['error no-trigger 13:9'],
  'conflicting-triggers': ['error conflicting-triggers 11:14'],
  'missing-question': ['error missing-question 8:5'],
  'dead-end': ['error dead-end 13:9', 'warning unreachable-beat 13:9'],
  'no-ending': ['error no-ending 8:3'],
  'unreachable-beat': ['warning unreachable-beat 13:9'],
  'cannot-finish': ['warning cannot-finish 15:9'],
  'ending-has-exits': ['warning ending-has-exits 14:13'],
  'id-not-file-name': ['warning id-not-file-name 1:5'],
  'go-or-stay': ['error go-or-stay 13:9'],
  'empty-mentions': ['error empty-mentions 13:43'],
  'invalid-mention': ['error invalid-mention 13:38'],
  'unknown-topic': ['error unknown-topic 6:8'],
  'tag-gives-away': [
    'warning tag-gives-away 6:17',
    'warning tag-gives-away 6:26',
    'warning tag-gives-away 6:35',
  ],
  'choice-quotes-fact': ['warning choice-quotes-fact 17:21', 'warning choice-quotes-fact 22:40'],
};

/** Codes whose cases are generated below rather than kept as fixture files. */
const GENERATED = [
  'file-too-large',
  'too-deep',
  'too-many-nodes',
  'too-many-problems',
  'duplicate-scenario-id',
  'pack-missing',
  'file-unreadable',
  'not-a-scenario', // a path named to the checker: test/unit/checkScenariosCli.test.ts
  'unknown-scenario', // shift and playthrough files: test/unit/engine/shift.test.ts
  'step-conflict', // playthrough files: test/unit/engine/playthroughFile.test.ts
  'unwinnable', // walking the paths: test/unit/engine/explore.test.ts
  'unlosable',
  'typing-cannot-win',
  'explore-limit', // a walk stopped at its limit: test/unit/engine/exploreLimit.test.ts
  'mention-is-phrase', // needs the lexicons the pack check passes in: below
  'reactions-incomplete', // a pack file: below
];

describe('compileScenario on fixture files', () => {
  it('has a case for every problem code', () => {
    const covered = new Set([...Object.keys(EXPECTED), ...GENERATED]);
    expect(Object.keys(PROBLEM_CODES).filter((code) => !covered.has(code))).toEqual([]);
    expect(
      readdirSync(FIXTURES)
        .map((f) => f.replace(/\.yaml$/, ''))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const result = compileScenario(fixture(name), { file: `${name}.yaml` });
    expect(brief(result.problems)).toEqual(expected);
    expect(result.ok).toBe(!expected.some((p) => p.startsWith('error')));
    for (const p of result.problems) {
      expect(p.file).toBe(`${name}.yaml`);
      expect(p.message.length).toBeGreaterThan(10);
    }
  });

  it('suggests the field a typo meant and lists known beats', () => {
    const typo = compileScenario(fixture('unknown-field'), { file: 'unknown-field.yaml' });
    expect(typo.problems[0]?.message).toContain('Did you mean `channel`?');
    const beat = compileScenario(fixture('unknown-beat'), { file: 'unknown-beat.yaml' });
    expect(beat.problems[0]?.message).toContain('The beats are: start, done.');
  });

  it('reports every problem in a file, not only the first', () => {
    const text = minimal
      .replace('channel: chat', 'channel: fax')
      .replace('version: 1', 'version: one')
      .replace('name: Ana', 'nmae: Ana');
    const result = compileScenario(text, { file: 'minimal.yaml' });
    expect(result.problems.map((p) => p.code).sort()).toEqual([
      'invalid-value',
      'missing-field',
      'unknown-field',
      'wrong-type',
    ]);
  });
});

describe('compileScenario on generated hostile input', () => {
  it('refuses a file over the size cap before parsing it', () => {
    const huge = `${minimal}\n# ${'x'.repeat(300 * 1024)}\n`;
    expect(brief(compileScenario(huge, { file: 'huge.yaml' }).problems)).toEqual([
      'error file-too-large 1:1',
    ]);
  });

  it('refuses deep flow nesting at the bracket that goes too deep, fast', () => {
    const started = performance.now();
    const result = compileScenario(`a: ${'['.repeat(100_000)}`, { file: 'deep.yaml' });
    expect(brief(result.problems)).toEqual(['error too-deep 1:35']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses deep block nesting', () => {
    const text = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    expect(brief(compileScenario(text, { file: 'deep.yaml' }).problems)).toEqual(['error too-deep 33:65']);
  });

  it('refuses deep compact sequences', () => {
    expect(compileScenario(`${'- '.repeat(50)}x`, { file: 'deep.yaml' }).problems[0]?.code).toBe('too-deep');
  });

  it('refuses a file with too many values', () => {
    const text = `${minimal}tags: [${Array.from({ length: 21_000 }, (_, i) => i % 10).join(',')}]\n`;
    expect(brief(compileScenario(text, { file: 'many.yaml' }).problems)).toEqual([
      'error too-many-nodes 1:1',
    ]);
  });

  it('refuses the billion-laughs alias bomb without expanding it', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i += 1) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      bomb.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const result = compileScenario(bomb.join('\n'), { file: 'bomb.yaml' });
    expect(result.ok).toBe(false);
    expect(new Set(result.problems.map((p) => p.code))).toEqual(new Set(['yaml-anchor']));
  });

  it('caps the problems listed for one file', () => {
    const beats = Array.from(
      { length: 80 },
      (_, i) => `  - id: b${i}\n    says: { en: Hi }\n    ending: upset\n`,
    ).join('');
    const text = minimal.replace('beats:\n', `beats:\n${beats}`);
    const check = checkPack({ pack: null, scenarios: [{ file: 'minimal.yaml', text }] });
    const listed = check.problems.filter((p) => p.file === 'minimal.yaml' && p.code !== 'pack-missing');
    expect(listed).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(listed.at(-1)?.code).toBe('too-many-problems');
  });
});

describe('checkPack across files', () => {
  it('reports two scenarios that share an id at the second one', () => {
    const check = checkPack({
      pack: null,
      scenarios: [
        { file: 'a/minimal.yaml', text: minimal },
        { file: 'b/minimal.yaml', text: minimal },
      ],
    });
    expect(check.problems.map((p) => `${p.file} ${p.code} ${p.line}:${p.col}`)).toEqual([
      'a/minimal.yaml pack-missing 1:1',
      'b/minimal.yaml duplicate-scenario-id 1:5',
    ]);
    expect(check.problems[1]?.message).toContain('a/minimal.yaml:1');
    expect(check.scenarios).toHaveLength(1);
  });

  it('warns at the word when a topic word is also a phrase-family word', () => {
    const text = minimal.replace(
      '      - did: resolve\n        go: done\n',
      '      - did: resolve\n        go: done\n      - mentions: { en: [reset link, sorry], es: [enlace*] }\n        go: done\n',
    );
    const check = checkPack({ pack: null, scenarios: [{ file: 'minimal.yaml', text }] });
    const warned = check.problems.filter((p) => p.code === 'mention-is-phrase');
    expect(warned.map((p) => `${p.severity} ${p.line}:${p.col}`)).toEqual(['warning 13:38']);
    expect(warned[0]?.message).toContain('`apologise`');
    // The compiler alone has no lexicons, and says nothing.
    expect(compileScenario(text, { file: 'minimal.yaml' }).problems).toEqual([]);
  });

  it('asks a pack in a language the built-in reactions lack for its own, so every reply gets an answer', () => {
    const ladder = `tiers:
  - { id: one, name: { en: One, fr: Un } }
  - { id: two, name: { en: Two, fr: Deux } }
`;
    const pack = (extra: string) =>
      compilePack(
        `id: p\nversion: 1\ntitle: { en: P, fr: P }\nlanguages: [en, fr]\n${ladder}${extra}`,
        'pack.yaml',
      );
    expect(brief(pack('').problems)).toEqual(['error reactions-incomplete 4:12']);
    const some = pack('reactions:\n  - { replied: warm, says: { en: Thanks, fr: Merci } }\n');
    expect(brief(some.problems)).toEqual(['error reactions-incomplete 9:3']);
    expect(some.problems[0]?.message).toContain('neutral, cold, rude');
    const tones = ['warm', 'neutral', 'cold', 'rude']
      .map((kind) => `  - { replied: ${kind}, says: { en: Ok, fr: Bon } }\n`)
      .join('');
    expect(pack(`reactions:\n${tones}`).problems).toEqual([]);
  });

  it('uses the default ladder with a warning when there is no pack file', () => {
    const check = checkPack({ pack: null, scenarios: [{ file: 'minimal.yaml', text: minimal }] });
    expect(check.pack).toBe(DEFAULT_PACK);
    expect(check.problems.map((p) => p.code)).toEqual(['pack-missing']);
  });

  it('compiles scenarios against a custom five-tier ladder', () => {
    const pack = readFileSync('test/fixtures/good/five-tier-pack.yaml', 'utf8');
    const text = minimal
      .replace('level: 1', 'level: lead')
      .replace('      - did: resolve\n', '      - escalated: { at_least: chief }\n');
    const check = checkPack({
      pack: { file: 'pack.yaml', text: pack },
      scenarios: [{ file: 'minimal.yaml', text }],
    });
    expect(check.problems).toEqual([]);
    expect(check.pack.tiers.map((t) => t.id)).toEqual(['rep', 'manager', 'lead', 'chief', 'executive']);
    const scenario = check.scenarios[0];
    expect(scenario?.level).toBe(3);
    expect(scenario?.beats[0]?.transitions[0]?.trigger).toEqual({
      kind: 'escalated',
      minLevel: 4,
      maxLevel: 5,
    });
  });
});
