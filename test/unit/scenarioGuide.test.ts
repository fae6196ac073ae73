/**
 * The trainers' guide (scenarios/README.md) is the only manual a trainer has, so the lists in it that
 * mirror the code are held to the code: every problem code the checker or a playthrough can report,
 * every promise kind, and every published JSON Schema the guide tells editors to use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemas } from '../../src/core/pack/jsonSchemas';
import { PROBLEM_CODES } from '../../src/core/scenario/problems';
import { PROMISE_KINDS } from '../../src/core/scenario/schema';

const guide = readFileSync('scenarios/README.md', 'utf8');

/** The text of the first `## ` section whose heading contains `words`, up to the next one. */
function section(words: string): string {
  const start = guide.search(new RegExp(`\\n## [^\\n]*${words}`));
  if (start < 0) return '';
  const end = guide.indexOf('\n## ', start + 1);
  return guide.slice(start, end < 0 ? undefined : end);
}

describe('the trainers’ guide', () => {
  it('lists every problem code in its table of what the checker reports', () => {
    const table = section('checker reports');
    const missing = Object.keys(PROBLEM_CODES).filter((code) => !table.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('explains every promise kind a playthrough step can name', () => {
    const missing = PROMISE_KINDS.filter((kind) => !guide.includes(`| \`${kind}\` |`));
    expect(missing).toEqual([]);
  });

  it('names only JSON Schemas that are published, and every one of them', () => {
    const named = new Set([...guide.matchAll(/`schema\/([a-z]+\.schema\.json)`/g)].map((m) => m[1]));
    const published = readdirSync('public/schema').filter((f) => f.endsWith('.schema.json'));
    expect([...named].sort()).toEqual(published.sort());
    expect(published.sort()).toEqual(Object.keys(scenarioJsonSchemas()).sort());
  });
});
