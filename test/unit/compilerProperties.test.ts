/**
 * Property tests: whatever text a trainer (or an attacker) hands the compiler, it returns either a
 * scenario or located problems, never throws, never pollutes Object.prototype, and stays fast.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { CompileResult } from '../../src/core';
import { compilePack, compileScenario, PROBLEM_CODES } from '../../src/core';
import { scenarioFiles } from '../support/starterPack';

const shipped = scenarioFiles().map((file) => readFileSync(file, 'utf8'));
const packText = readFileSync('scenarios/pack.yaml', 'utf8');
const pack = (() => {
  const compiled = compilePack(packText, 'scenarios/pack.yaml');
  if (!compiled.ok) throw new Error('the shipped pack must compile');
  return compiled.value;
})();

function assertWellFormed(result: CompileResult, text: string): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  if (result.ok) {
    expect(result.problems.every((p) => p.severity === 'warning')).toBe(true);
  } else {
    expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
  }
  for (const p of result.problems) {
    expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines + 1);
    expect(p.col).toBeGreaterThanOrEqual(1);
    expect(p.message).not.toMatch(/\n|undefined|\[object Object\]/);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** Edits a real scenario the way a hurried trainer might break it. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
  fc.record({
    kind: fc.constant('token' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '&a',
      '*a',
      '!!binary',
      '<<: *a',
      '__proto__:',
      '---',
      '{',
      ']',
      '\t',
      '"',
      ': :',
      '- - -',
      '%YAML 1.1',
    ),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edits: Mutation[]): string {
  const lines = text.split('\n');
  for (const edit of edits) {
    const i = lines.length === 0 ? 0 : edit.at % lines.length;
    if (edit.kind === 'delete') lines.splice(i, 1);
    else if (edit.kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else if (edit.kind === 'swap') {
      const j = lines.length === 0 ? 0 : edit.to % lines.length;
      const a = lines[i] ?? '';
      lines[i] = lines[j] ?? '';
      lines[j] = a;
    } else {
      const line = lines[i] ?? '';
      const col = line.length === 0 ? 0 : edit.at % (line.length + 1);
      lines[i] = line.slice(0, col) + edit.text + line.slice(col);
    }
  }
  return lines.join('\n');
}

describe('compiler robustness', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertWellFormed(compileScenario(text, { file: 'random.yaml', pack }), text);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on any JSON-like value written as YAML, including __proto__ keys', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, maxDepth: 4 }), (value) => {
        let text: string | undefined;
        try {
          text = stringify(value);
        } catch {
          return; // values YAML cannot express (e.g. symbols) are not input a file could hold
        }
        if (typeof text !== 'string') return;
        assertWellFormed(compileScenario(text, { file: 'value.yaml', pack }), text);
      }),
      { numRuns: 300 },
    );
  });

  // Four hundred compilations: room for a busy two-core machine, where the default five seconds is tight.
  it('never throws on mutated shipped scenarios, and reports where', { timeout: 30_000 }, () => {
    expect(shipped.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.constantFrom(...shipped),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (source, edits) => {
          const text = mutate(source, edits);
          assertWellFormed(compileScenario(text, { file: 'mutated.yaml', pack }), text);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('compiles the same text to the same result every time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.array(mutation, { maxLength: 2 }), (source, edits) => {
        const text = mutate(source, edits);
        const first = compileScenario(text, { file: 'x.yaml', pack });
        const second = compileScenario(text, { file: 'x.yaml', pack });
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      { numRuns: 50 },
    );
  });

  it('never lets a __proto__ or constructor key reach the scenario', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `id: x\n${key}:\n  polluted: true\n`;
      const result = compileScenario(text, { file: 'x.yaml', pack });
      expect(result.problems.map((p) => p.code)).toContain('forbidden-key');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});
