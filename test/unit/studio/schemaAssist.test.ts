import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cursorPlace,
  hoverAt,
  ITEM,
  type JsonSchema,
  schemasAt,
  suggestionsAt,
} from '../../../src/studio/schemaAssist';

const scenarioSchema = JSON.parse(readFileSync('public/schema/scenario.schema.json', 'utf8')) as JsonSchema;

/** The text with `|` marking the cursor, and the cursor's offset. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('cursorPlace', () => {
  it('finds the keys above a nested key, through list items', () => {
    const [text, offset] = at('id: x\nbeats:\n  - id: opening\n    says:\n      e|\n');
    expect(cursorPlace(text, offset)).toEqual({
      path: ['beats', ITEM, 'says'],
      kind: 'key',
      word: 'e',
      from: offset - 1,
    });
  });

  it('reads a value after a key, and a new list item after an earlier one', () => {
    const [text, offset] = at('beats:\n  - id: a\n    says: x\n  - id: b|');
    expect(cursorPlace(text, offset)).toMatchObject({
      path: ['beats', ITEM, 'id'],
      kind: 'value',
      word: 'b',
    });
    const [text2, offset2] = at('channel: ph|');
    expect(cursorPlace(text2, offset2)).toMatchObject({ path: ['channel'], kind: 'value', word: 'ph' });
  });

  it('reads keys inside a flow mapping on the line', () => {
    const [text, offset] = at('persona:\n  traits: { patience: 0.5, vo|');
    expect(cursorPlace(text, offset)).toMatchObject({ path: ['persona', 'traits'], kind: 'key', word: 'vo' });
  });

  it('is null inside a comment', () => {
    const [text, offset] = at('# a note about ch|');
    expect(cursorPlace(text, offset)).toBeNull();
  });
});

describe('suggestions from the scenario schema', () => {
  it('offers the top-level keys with their descriptions', () => {
    const [text, offset] = at('id: x\nto|');
    const keys = suggestionsAt(
      scenarioSchema,
      cursorPlace(text, offset) ?? { path: [], kind: 'key', word: '', from: 0 },
    );
    expect(keys.map((s) => s.label)).toContain('topic');
    expect(keys.every((s) => s.label.startsWith('to'))).toBe(true);
    expect(keys.find((s) => s.label === 'topic')?.detail).toMatch(/topic/);
  });

  it("offers a key's enum values", () => {
    const [text, offset] = at('channel: |');
    const place = cursorPlace(text, offset);
    expect(place).not.toBeNull();
    expect(suggestionsAt(scenarioSchema, place as NonNullable<typeof place>).map((s) => s.label)).toEqual([
      'chat',
      'email',
      'phone',
      'social',
    ]);
  });

  it('walks into list items and language maps', () => {
    expect(schemasAt(scenarioSchema, ['beats', ITEM, 'id']).length).toBeGreaterThan(0);
    expect(schemasAt(scenarioSchema, ['title', 'en'])[0]?.type).toBe('string');
    expect(schemasAt(scenarioSchema, ['no-such-key'])).toEqual([]);
  });
});

describe('hoverAt', () => {
  it("describes the hovered key from the key's schema", () => {
    const text = 'id: x\ntopic: orders\n';
    const hover = hoverAt(scenarioSchema, text, text.indexOf('topic') + 2);
    expect(hover?.key).toBe('topic');
    expect(hover?.description).toMatch(/pack\.yaml/);
  });

  it('lists the allowed values and is null on a value', () => {
    const text = 'channel: chat\n';
    expect(hoverAt(scenarioSchema, text, 2)?.values).toEqual(['chat', 'email', 'phone', 'social']);
    expect(hoverAt(scenarioSchema, text, 11)).toBeNull();
  });
});
