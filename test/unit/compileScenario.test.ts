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
  'instant-loop': ['error instant-loop 14:13'],
  'level-not-raised': ['error level-not-raised 14:22'],
  'never-revealed': ['error never-revealed 22:13'],
  'asked-not-askable': ['error asked-not-askable 16:16'],
  'choice-go-conflict': ['error choice-go-conflict 15:17'],
  'choice-not-answered': ['warning choice-not-answered 14:13'],
  'impossible-condition': ['error impossible-condition 15:9'],
  'every-tier-returns': ['error every-tier-returns 18:20'],
  'unknown-portrait': ['warning unknown-portrait 6:41'],
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

  it('says how to fix the messages trainers found unhelpful', () => {
    const compile = (text: string) => compileScenario(text, { file: 'minimal.yaml' }).problems;
    // `said` and `offered` take lists; `escalated` takes one tier or a range, and says so.
    const listed = compile(minimal.replace('- did: resolve', '- escalated: [2, 3]'));
    expect(brief(listed)).toEqual(['error wrong-type 11:20']);
    expect(listed[0]?.message).toContain('`escalated: { at_least: 2 }`');
    // A list of one wrong word is about the word, not about being a list.
    const word = compile(minimal.replace('- did: resolve', '- said: [sorry]'));
    expect(brief(word)).toEqual(['error invalid-value 11:16']);
    expect(word[0]?.message).toContain('(got "sorry")');
    // A colon inside `{ … }`: the fix is quotes.
    const colon = compile(minimal.replace('says: { en: Hi,', 'says: { en: Hi: there,'));
    expect(brief(colon)).toEqual(['error yaml-syntax 9:17']);
    expect(colon[0]?.message).toContain('Put the text in quotes');
    // A comma inside `{ … }` cuts a text in two, and the rest reads as a field.
    const comma = compile(minimal.replace('persona: { name: Ana }', 'persona: { name: Ana, thank you! }'));
    expect(brief(comma)).toEqual(['error unknown-field 6:23']);
    expect(comma[0]?.message).toContain('A comma inside `{ … }` ends the text before it');
    expect(comma[0]?.message).toContain('Put the whole text in quotes');
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

describe('compileScenario on scripts that compile but cannot work as written', () => {
  const compile = (text: string) => brief(compileScenario(text, { file: 'minimal.yaml' }).problems);
  const withRule = (rule: string) =>
    minimal.replace('      - did: resolve\n', `${rule}\n      - did: resolve\n`);

  it('finds an instant loop under `anywhere` and on `revealed`, but not on a timer or an event', () => {
    const anywhere = minimal.replace(
      'expected:',
      'anywhere:\n  - trust_above: 0.1\n    go: start\nexpected:',
    );
    expect(compile(anywhere)).toEqual(['error instant-loop 17:9']);
    const revealedLoop = withRule('      - revealed: x\n        go: start').replace(
      'beats:',
      'facts:\n  - { id: x, label: { en: X, es: X }, value: { en: X, es: X } }\nbeats:',
    );
    expect(compile(revealedLoop)).toEqual(['error instant-loop 14:13']);
    expect(compile(withRule('      - after: 2m\n        go: start'))).toEqual([]);
    expect(compile(withRule('      - said: blame\n        go: start'))).toEqual([]);
  });

  it('finds conditions out of range and in reactions, and accepts a band', () => {
    expect(compile(withRule('      - said: blame\n        trust_below: 0\n        go: done'))).toEqual([
      'error impossible-condition 12:9',
    ]);
    expect(compile(withRule('      - said: blame\n        mood_above: 1\n        go: done'))).toEqual([
      'error impossible-condition 12:9',
    ]);
    expect(compile(withRule('      - said: blame\n        patience_below: 0\n        go: done'))).toEqual([
      'error impossible-condition 12:9',
    ]);
    const reaction = minimal.replace(
      'expected:',
      'reactions:\n  - { replied: rude, says: { en: No., es: No. }, trust_below: 0.2, trust_above: 0.6 }\nexpected:',
    );
    expect(compile(reaction)).toEqual(['error impossible-condition 16:68']);
    expect(
      compile(
        withRule('      - said: blame\n        mood_below: 0.5\n        mood_above: -0.5\n        go: done'),
      ),
    ).toEqual([]);
  });

  it('says to remove a raise_level when the case already needs the top tier', () => {
    const top = withRule('      - said: blame\n        raise_level: level-4\n        go: done').replace(
      'level: 1',
      'level: 4',
    );
    const problems = compileScenario(top, { file: 'minimal.yaml' }).problems;
    expect(brief(problems)).toEqual(['error level-not-raised 12:22']);
    expect(problems[0]?.message).toContain('already needs the top tier: remove it');
  });

  it('finds a script-only fact that a `revealed`, `known` or `needs` waits for, and accepts one revealed', () => {
    const facts =
      'facts:\n  - { id: x, label: { en: X, es: X }, value: { en: X, es: X }, reveal: script }\nbeats:';
    const waiting = withRule(
      '      - revealed: x\n        go: done\n      - said: blame\n        known: x\n        go: done',
    ).replace('beats:', facts);
    expect(compile(waiting)).toEqual(['error never-revealed 13:19', 'error never-revealed 16:16']);
    const told = waiting.replace('ending: satisfied', 'ending: satisfied\n    reveal: [x]');
    expect(compile(told)).toEqual([]);
  });

  it('lets every tier return a case the trainee settles alone, and a rule that agrees with its choice', () => {
    const alone = minimal.replace(
      'expected:\n  why: { en: Simple, es: Sencillo }',
      'escalation:\n  2: { does: returns }\n  3: { does: returns }\n  4: { does: returns }\nexpected:\n  why: { en: Simple, es: Sencillo }\n  resolutions: [{ kind: information }]',
    );
    expect(compile(alone)).toEqual([]);
    expect(compile(alone.replace('  resolutions: [{ kind: information }]\n', ''))).toEqual([
      'error every-tier-returns 18:14',
    ]);
    // Tiers with no `does` below the case's level send it back too; the top tier alone decides here.
    const topReturns = minimal
      .replace('level: 1', 'level: 4')
      .replace('expected:', 'escalation:\n  4: { does: returns }\nexpected:');
    expect(compile(topReturns)).toEqual(['error every-tier-returns 16:14']);
    expect(compile(topReturns.replace('level: 4', 'level: 3'))).toEqual([]);
    const agrees = minimal.replace(
      '    on:\n',
      '    choices:\n      - { id: warm, text: { en: Sorry., es: Perdón. }, go: done }\n    on:\n      - choice: warm\n        go: done\n',
    );
    expect(compile(agrees)).toEqual([]);
    expect(
      compile(agrees.replace('go: done\n      - did', 'go: done\n        mood: 0.2\n      - did')),
    ).toEqual(['error choice-go-conflict 13:17']);
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
    // A pack's reaction with conditions no persona meets is refused where they are written.
    const never = pack(
      `reactions:\n${tones}  - { replied: rude, says: { en: No, fr: Non }, mood_below: -1 }\n`,
    );
    expect(brief(never.problems)).toEqual(['error impossible-condition 13:49']);
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
